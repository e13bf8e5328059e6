#include "render/column_widths.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "render/text_metrics.h"

namespace jixiao::render {
namespace {

const size_t kSampleRows = 120;

// One text measured at one size, and what the search learnt of its lines: per room, the last
// room asked, and per count of lines the least room (no narrower than the widest segment) that
// sets the text in that many. Shared by every cell with the same text, in every table.
struct Measure {
  std::vector<Segment> segments;
  int widest = 0, full = 0;            // widest segment, whole text on one line (twips)
  int one_line = 1;                    // the least room in which the text takes one line
  std::unordered_map<int, int> lines;  // rooms narrower than the widest segment
  struct Span {
    int lo, hi, lines;  // rooms [lo, hi) break the text at the same places (LinesSpan)
  };
  std::vector<Span> spans;  // from the widest segment up, by lo; disjoint
  int last_room = -1, last_lines = 0;
  std::vector<int> least_room;  // by lines; 0 where not yet known
};

// The measure of `text` at `half_points`, made once per thread (a batch renders on several).
std::shared_ptr<Measure> Measured(const std::string& text, int half_points) {
  thread_local std::unordered_map<int, std::unordered_map<std::string, std::shared_ptr<Measure>>>
      cache;
  auto& sized = cache[half_points];
  // A long batch or a server: at most 4,000 texts per size and thread; pieces in use keep theirs.
  if (sized.size() > 4000) sized.clear();
  std::shared_ptr<Measure>& m = sized[text];
  if (m) return m;
  m = std::make_shared<Measure>();
  m->segments = Segments(text, half_points);
  m->full = TextWidth(text, half_points);
  for (const Segment& s : m->segments) m->widest = std::max(m->widest, s.width);
  m->one_line = OneLineWidth(m->segments);
  return m;
}

// One cell that sets text: its place, its span, and its text's measure.
struct Piece {
  size_t row, col, cols, rows;
  std::shared_ptr<Measure> m;
};

// LinesAt(p.m->segments, room), remembered.
int Lines(const Piece& p, int room) {
  Measure& m = *p.m;
  if (room >= m.one_line) return 1;
  if (room == m.last_room) return m.last_lines;
  int lines = 0;
  if (room >= m.widest) {
    auto after = std::upper_bound(m.spans.begin(), m.spans.end(), room,
                                  [](int r, const Measure::Span& s) { return r < s.lo; });
    if (after != m.spans.begin() && std::prev(after)->hi > room) {
      lines = std::prev(after)->lines;
    } else {
      Measure::Span span{};
      lines = span.lines = LinesSpan(m.segments, room, &span.lo, &span.hi);
      m.spans.insert(after, span);
    }
  } else {
    auto [at, fresh] = m.lines.try_emplace(room, 0);
    if (fresh) at->second = LinesAt(m.segments, room);
    lines = at->second;
  }
  m.last_room = room;
  m.last_lines = lines;
  return lines;
}

std::vector<Piece> Pieces(const doc::Table& t, size_t cols, int half_points) {
  std::vector<Piece> out;
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < cols && c < t.rows[r].size(); ++c) {
      const doc::Cell& cell = t.rows[r][c];
      if (cell.covered) continue;
      out.push_back({r, c, std::min(static_cast<size_t>(std::max(1, cell.col_span)), cols - c),
                     static_cast<size_t>(std::max(1, cell.row_span)),
                     Measured(cell.text, half_points)});
    }
  return out;
}

int Room(const Piece& p, const std::vector<int>& twips) {
  int w = 0;
  for (size_t k = 0; k < p.cols; ++k) w += twips[p.col + k];
  return w - kCellMarginsTwips;
}

// The table's height in lines (a merged cell shares its lines among its rows) and, to break ties
// where another column sets a row's height, the lines of all cells.
struct Cost {
  long height = 0, lines = 0;
};

// The least room in which `p` takes at most `lines` lines, searched up to `full`.
int LeastWidthFor(const Piece& p, int lines, int full) {
  int lo = 1, hi = std::max(1, full);
  // LinesAt gives one line exactly from one_line up, so the search below would end there.
  if (lines == 1) return std::min(p.m->one_line, hi);
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (Lines(p, mid) <= lines)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

Cost CostAt(const std::vector<Piece>& pieces, size_t rows, const std::vector<int>& twips,
            std::vector<int>* lines_of_rows = nullptr) {
  std::vector<int> row_lines(rows, 1);
  Cost cost;
  for (const Piece& p : pieces) {
    int lines = Lines(p, Room(p, twips));
    cost.lines += lines;
    int share = static_cast<int>((static_cast<size_t>(lines) + p.rows - 1) / p.rows);
    for (size_t r = p.row; r < p.row + p.rows && r < rows; ++r)
      row_lines[r] = std::max(row_lines[r], share);
  }
  for (int l : row_lines) cost.height += l;
  if (lines_of_rows) *lines_of_rows = row_lines;
  return cost;
}

// The least widening of column `c` (at most `spare`) after which one of its cells needs fewer
// lines, or 0 when none does.
// `in_col`: the indices of the pieces that column `c` sets, in order.
int NextStep(const std::vector<Piece>& pieces, const std::vector<size_t>& in_col,
             const std::vector<int>& twips, int spare) {
  int best = 0;
  for (size_t i : in_col) {
    const Piece& p = pieces[i];
    int room = Room(p, twips), now = Lines(p, room);
    if (now <= 1 || Lines(p, room + spare) >= now) continue;
    // From the widest segment up, greedy filling takes fewer lines the more room it has (each
    // line holds whole segments, the gaps between them fixed), so the least room for now - 1
    // lines is the same for every room searched from: found once.
    std::vector<int>& least = p.m->least_room;
    bool monotone = room >= p.m->widest;
    if (monotone && static_cast<size_t>(now) < least.size() && least[now - 1] > 0) {
      int step = least[now - 1] - room;
      if (best == 0 || step < best) best = step;
      continue;
    }
    int lo = 1, hi = spare;  // the least widening that saves a line
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (Lines(p, room + mid) < now)
        hi = mid;
      else
        lo = mid + 1;
    }
    if (monotone) {
      if (least.size() <= static_cast<size_t>(now)) least.resize(now + 1, 0);
      least[now - 1] = room + lo;
    }
    if (best == 0 || lo < best) best = lo;
  }
  return best;
}

// CostAt for widths that differ from the last ones evaluated in one or two columns: only the
// cells in those columns are set again, only the rows they cover summed again.
class Heights {
 public:
  Heights(const std::vector<Piece>& pieces, size_t rows, size_t cols)
      : pieces_(pieces),
        rows_(rows),
        by_col_(cols),
        by_row_(rows),
        lines_(pieces.size()),
        trial_(pieces.size()),
        piece_mark_(pieces.size(), 0),
        row_mark_(rows, 0) {
    for (size_t i = 0; i < pieces.size(); ++i) {
      const Piece& p = pieces[i];
      for (size_t c = p.col; c < p.col + p.cols && c < cols; ++c) by_col_[c].push_back(i);
      for (size_t r = p.row; r < p.row + p.rows && r < rows; ++r) by_row_[r].push_back(i);
    }
  }

  const std::vector<size_t>& InColumn(size_t c) const { return by_col_[c]; }

  // Evaluates `twips` whole and remembers it as the base of After.
  const Cost& At(const std::vector<int>& twips) {
    base_ = CostAt(pieces_, rows_, twips, &row_lines_);
    for (size_t i = 0; i < pieces_.size(); ++i)
      lines_[i] = Lines(pieces_[i], Room(pieces_[i], twips));
    return base_;
  }

  // The cost of `twips`, which differ from the base only in columns a and b.
  Cost After(const std::vector<int>& twips, size_t a, size_t b) {
    ++epoch_;
    Cost cost = base_;
    touched_rows_.clear();
    for (size_t c : {a, b})
      for (size_t i : by_col_[c]) {
        if (piece_mark_[i] == epoch_) continue;
        piece_mark_[i] = epoch_;
        const Piece& p = pieces_[i];
        trial_[i] = Lines(p, Room(p, twips));
        cost.lines += trial_[i] - lines_[i];
        for (size_t r = p.row; r < p.row + p.rows && r < rows_; ++r)
          if (row_mark_[r] != epoch_) row_mark_[r] = epoch_, touched_rows_.push_back(r);
      }
    for (size_t r : touched_rows_) {
      int row = 1;
      for (size_t i : by_row_[r]) {
        size_t lines = static_cast<size_t>(piece_mark_[i] == epoch_ ? trial_[i] : lines_[i]);
        row = std::max(row, static_cast<int>((lines + pieces_[i].rows - 1) / pieces_[i].rows));
      }
      cost.height += row - row_lines_[r];
    }
    return cost;
  }

 private:
  const std::vector<Piece>& pieces_;
  size_t rows_;
  std::vector<std::vector<size_t>> by_col_, by_row_;
  std::vector<int> lines_, trial_, row_lines_;
  std::vector<long> piece_mark_, row_mark_;
  std::vector<size_t> touched_rows_;
  long epoch_ = 0;
  Cost base_;
};

bool Better(const Cost& a, const Cost& b) {
  return a.height < b.height || (a.height == b.height && a.lines < b.lines);
}

// Local search after the greedy widening: moves room from one column to another while that
// lowers the table (the greedy steps cannot undo an early choice).
void Improve(const std::vector<Piece>& pieces, size_t rows, const std::vector<int>& least,
             std::vector<int>& twips) {
  size_t cols = twips.size();
  Heights heights(pieces, rows, cols);
  Cost now = heights.At(twips);
  int budget = 4000;  // cost evaluations
  for (int step : {1440, 720, 360, 180, 90}) {
    for (bool moved = true; moved && budget > 0;) {
      moved = false;
      for (size_t from = 0; from < cols && budget > 0; ++from) {
        if (twips[from] - step < least[from]) continue;
        for (size_t to = 0; to < cols && budget > 0; ++to) {
          if (to == from) continue;
          twips[from] -= step;
          twips[to] += step;
          Cost after = heights.After(twips, from, to);
          --budget;
          if (Better(after, now)) {
            now = heights.At(twips);
            moved = true;
            if (twips[from] - step < least[from]) break;
          } else {
            twips[from] += step;
            twips[to] -= step;
          }
        }
      }
    }
  }
}

std::vector<int> Allocate(const std::vector<Piece>& pieces, size_t rows, size_t cols,
                          int text_width, const std::vector<int>& least) {
  std::vector<int> twips = least;
  int spare = text_width;
  for (int w : twips) spare -= w;
  // Widen, step by step, the column whose next step saves the most lines per twip.
  Heights heights(pieces, rows, cols);
  while (spare > 0) {
    Cost now = heights.At(twips);
    double best_score = 0;
    size_t best_col = cols;
    int best_step = 0;
    for (size_t c = 0; c < cols; ++c) {
      int step = NextStep(pieces, heights.InColumn(c), twips, spare);
      if (step == 0) continue;
      twips[c] += step;
      Cost after = heights.After(twips, c, c);
      twips[c] -= step;
      double gain = static_cast<double>(now.height - after.height) * 1000.0 +
                    static_cast<double>(now.lines - after.lines);
      double score = gain / step;
      if (score > best_score) best_score = score, best_col = c, best_step = step;
    }
    if (best_col == cols) break;
    twips[best_col] += best_step;
    spare -= best_step;
  }
  Improve(pieces, rows, least, twips);
  // What saves no line goes to the columns whose text would still take more room, in proportion.
  std::vector<long> want(cols, 0);
  long want_sum = 0;
  for (const Piece& p : pieces) {
    if (p.cols != 1) continue;
    long more = static_cast<long>(p.m->full) + kCellMarginsTwips - twips[p.col];
    want[p.col] = std::max(want[p.col], more);
  }
  for (long w : want) want_sum += w;
  if (want_sum == 0) {
    for (size_t c = 0; c < cols; ++c) want[c] = twips[c];
    for (long w : want) want_sum += w;
  }
  int given = 0;
  for (size_t c = 0; c < cols && want_sum > 0; ++c) {
    int add = static_cast<int>(spare * want[c] / want_sum);
    twips[c] += add;
    given += add;
  }
  if (cols > 0) *std::max_element(twips.begin(), twips.end()) += spare - given;
  return twips;
}

// Text that reads as a label, not a sentence: no clause punctuation.
bool IsLabel(const std::string& text) {
  for (const char* mark : {"，", "。", "；", "、", "："})
    if (text.find(mark) != std::string::npos) return false;
  return !text.empty();
}

// The widths at which headers take at most two lines, labels of at most `label_ems` em one line,
// and other cells `text_ems` characters (or their whole text, when shorter) — save a cell merged
// down three rows or more (项目名称 beside the whole table), which has the height to wrap, and
// a column blank in most rows (四级指标 where few indicators have a fourth level).
std::vector<int> Comfort(const doc::Table& t, const std::vector<Piece>& pieces,
                         const std::vector<int>& least, int half_points, int label_ems,
                         int text_ems) {
  std::vector<int> comfort = least;
  std::vector<size_t> filled(least.size(), 0);  // body rows with text, by column
  size_t header = static_cast<size_t>(std::max(0, t.header_rows));
  for (const Piece& p : pieces)
    if (p.cols == 1 && p.row >= header && !t.rows[p.row][p.col].text.empty())
      filled[p.col] += p.rows;
  size_t body = t.rows.size() > header ? t.rows.size() - header : 0;
  int em = half_points * 10;
  for (const Piece& p : pieces) {
    if (p.cols != 1) continue;
    const std::string& text = t.rows[p.row][p.col].text;
    int one_line = LeastWidthFor(p, 1, p.m->full + 4 * em);
    bool text_room = p.rows < 3 && filled[p.col] * 2 >= body;
    int want = p.row < header ? LeastWidthFor(p, 2, p.m->full)
               : text_room    ? std::min(p.m->full, text_ems * em)
                              : 0;
    if (IsLabel(text) && one_line <= label_ems * em) want = std::max(want, one_line);
    comfort[p.col] = std::max(comfort[p.col], want + kCellMarginsTwips);
  }
  return comfort;
}

}  // namespace

TableLayout LayOutColumns(const doc::Table& t, size_t cols, int text_width) {
  TableLayout layout;
  if (cols == 0) return layout;
  // The largest size at which labels up to 6 em keep one line; else the size with the widest
  // label tier, the larger size on a tie.
  struct Candidate {
    int half_points = 0, tier = -1;
    std::vector<Piece> pieces;
    std::vector<int> widths, allocated;  // least widths; the search's widths from them
  } best;
  for (int half_points : {18, 16, 15, 14}) {
    std::vector<Piece> pieces = Pieces(t, cols, half_points);
    std::vector<int> least(cols, kCellMarginsTwips + half_points * 10);
    // A segment wider than a third of the table (a URL) may break inside rather than squeeze all.
    for (const Piece& p : pieces)
      if (p.cols == 1)
        least[p.col] =
            std::max(least[p.col], std::min(p.m->widest, text_width / 3) + kCellMarginsTwips);
    long sum = 0;
    for (int w : least) sum += w;
    if (sum <= text_width) {
      // Where there is room: a header in at most two lines, a short label (一级指标, 满意度指标,
      // A11 立项依据充分性, 调增2.38%) on one line, each at the widest of the tiers that fits;
      // the long texts (评分标准, 指标解释) give up the room.
      // Of the tiers that fit (10 or 8 em; labels up to 8 em never split), the one whose table
      // is lowest: a wide label tier must not starve the long texts into rows a page tall.
      std::vector<Piece> sample;
      for (const Piece& p : pieces)
        if (p.row < kSampleRows) sample.push_back(p);
      size_t sample_rows = std::min(t.rows.size(), kSampleRows);
      Candidate here;
      long here_height = 0;
      for (int label_ems : {10, 8, 7, 6, 5, 4, 0}) {
        // A column of text 6 characters wide, else 5 (a 4-character column sets a 20-character
        // 项目明细 in five lines): worth more than a label tier; with no label tier, at least 2.
        std::vector<int> comfort;
        long comfort_sum = 0;
        for (int text_ems : {6, 5, 4, 3, 2}) {
          if (text_ems < 5 && label_ems != 0) break;
          comfort = Comfort(t, pieces, least, half_points, label_ems, text_ems);
          comfort_sum = 0;
          for (int w : comfort) comfort_sum += w;
          if (comfort_sum <= text_width) break;
        }
        bool fits = comfort_sum <= text_width;
        if (!fits && label_ems != 0) continue;
        std::vector<int> widths = fits ? comfort : least;
        std::vector<int> allocated = Allocate(sample, sample_rows, cols, text_width, widths);
        long height = CostAt(sample, sample_rows, allocated).height;
        if (here.tier < 0 || height < here_height * 97 / 100) {
          here = {half_points, label_ems, pieces, widths, allocated};
          here_height = height;
        }
        if (label_ems <= 8) break;  // labels up to 8 em never split (ShortLabel)
      }
      if (here.tier > best.tier) best = here;
      if (best.tier >= 6) break;
    }
    if (half_points == 14 && best.tier < 0) {  // even 7 pt does not fit: scale (segments may wrap)
      layout.half_points = half_points;
      layout.twips.resize(cols);
      for (size_t c = 0; c < cols; ++c)
        layout.twips[c] = static_cast<int>(least[c] * text_width / sum);
      return layout;
    }
  }
  layout.half_points = best.half_points;
  // The search weighed at most the first kSampleRows rows (a long table's rows are alike); the
  // least widths above came from every row.
  layout.twips = best.allocated;
  return layout;
}

std::vector<int> RowLines(const doc::Table& t, const TableLayout& layout) {
  std::vector<int> lines;
  CostAt(Pieces(t, layout.twips.size(), layout.half_points), t.rows.size(), layout.twips, &lines);
  return lines;
}

std::shared_ptr<const std::vector<Segment>> MeasuredSegments(const std::string& text,
                                                             int half_points) {
  std::shared_ptr<Measure> m = Measured(text, half_points);
  return {m, &m->segments};
}

bool ShortLabel(const std::string& text, int half_points) {
  std::shared_ptr<Measure> m = Measured(text, half_points);
  int em = half_points * 10;
  return m->segments.size() > 1 && IsLabel(text) &&
         std::min(m->one_line, std::max(1, m->full + 4 * em)) <= 8 * em;
}

std::vector<size_t> ProtectedBreaks(const std::string& text, int cell_twips, int half_points) {
  std::vector<size_t> breaks;
  LinesAt(Measured(text, half_points)->segments, cell_twips - kCellMarginsTwips, &breaks);
  return breaks;
}

}  // namespace jixiao::render
