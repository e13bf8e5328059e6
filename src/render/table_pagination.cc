#include "render/table_pagination.h"

#include <algorithm>

namespace jixiao::render {
namespace {

class Paginator {
 public:
  Paginator(const doc::Table& t, const std::vector<int>& row_twips, int page_twips)
      : out_{t, std::vector<bool>(t.rows.size(), false), std::vector<bool>(t.rows.size(), false)},
        heights_(row_twips),
        limit_(page_twips * 4 / 5),
        page_(page_twips),
        cols_(t.rows.empty() ? 0 : t.rows[0].size()) {
    heights_.resize(t.rows.size(), 0);
  }

  PagedTable Run() {
    first_ =
        std::min(out_.table.rows.size(), static_cast<size_t>(std::max(0, out_.table.header_rows)));
    labels_ = LabelColumns();
    // A piece shares its page with the repeated header rows, and the first one with the caption
    // and headings before the table; estimates run short of the renderer's heights.
    limit_ = std::max(page_ / 4, page_ * 4 / 5 - Height(0, first_) - 900);
    // A piece after a forced page break has the page to itself, under the header.
    continued_ = std::max(limit_, page_ * 87 / 100 - Height(0, first_));
    if (first_ < out_.table.rows.size()) Keep(first_, out_.table.rows.size(), 0);
    KeepOutlineGroups();
    KeepTotalWithRows();
    KeepSmallTableWhole();
    return std::move(out_);
  }

 private:
  doc::Cell& At(size_t r, size_t c) { return out_.table.rows[r][c]; }

  long Height(size_t b, size_t e) const {
    long h = 0;
    for (size_t r = b; r < e; ++r) h += heights_[r];
    return h;
  }

  // Rows [b, e) start a merged group in column c: its span, cut at e (1 for a plain cell).
  size_t SpanAt(size_t r, size_t c, size_t e) {
    const doc::Cell& cell = At(r, c);
    if (cell.covered || cell.row_span < 2) return 1;
    return std::min(static_cast<size_t>(cell.row_span), e - r);
  }

  void KeepTogether(size_t b, size_t e) {
    for (size_t r = b; r + 1 < e; ++r) out_.keep_with_next[r] = true;
  }

  // Whether a vertical merge in a column after `c` runs across the boundary above row x.
  bool Joined(size_t x, size_t c) {
    for (size_t k = c + 1; k < cols_; ++k)
      for (size_t r = 0; r < x; ++r) {
        const doc::Cell& o = At(r, k);
        if (!o.covered && r + static_cast<size_t>(o.row_span) > x) return true;
      }
    return false;
  }

  // Whether rows [b, e) may be cut somewhere: between two rows that no merge after the leading
  // label columns joins (an amount merged over several details must not be cut).
  bool Cuttable(size_t b, size_t e) {
    for (size_t x = b + 1; x < e; ++x)
      if (labels_ == 0 || !Joined(x, labels_ - 1)) return true;
    return false;
  }

  // The leading columns with vertical merges in the body: labels that a cut may repeat.
  size_t LabelColumns() {
    size_t n = 0;
    for (; n < cols_; ++n) {
      bool merged = false;
      for (size_t r = first_; r < out_.table.rows.size() && !merged; ++r)
        merged = SpanAt(r, n, out_.table.rows.size()) > 1;
      if (!merged) break;
    }
    return n;
  }

  // A group too tall to keep and not cuttable at its own column: cut deeper, or keep it whole when
  // nothing may cut it and it fits on a page.
  void Deeper(size_t b, size_t e, size_t c) {
    if (Cuttable(b, e))
      Keep(b, e, c + 1);
    else if (Height(b, e) <= page_ * 9 / 10)
      KeepTogether(b, e);
  }

  // Cuts every vertical merge that runs across the boundary above row x; the lower part becomes
  // a merge of its own, carrying the label.
  void CutAbove(size_t x) {
    for (size_t c = 0; c < cols_; ++c) {
      for (size_t r = 0; r < x; ++r) {
        doc::Cell& o = At(r, c);
        if (o.covered || r + static_cast<size_t>(o.row_span) <= x) continue;
        size_t below = r + static_cast<size_t>(o.row_span) - x;
        doc::Cell piece = o;
        piece.row_span = static_cast<int>(below);
        At(x, c) = piece;
        o.row_span = static_cast<int>(x - r);
      }
    }
  }

  // Rows [b, e) at column c: keeps each merged group that fits, cuts the others where no merge
  // of a later column joins the rows.
  void Keep(size_t b, size_t e, size_t c) {
    for (; c < cols_; ++c) {
      bool merged = false;
      for (size_t r = b; r < e && !merged; ++r) merged = SpanAt(r, c, e) > 1;
      if (merged) break;
    }
    if (c >= cols_) return;
    for (size_t r = b; r < e;) {
      size_t span = SpanAt(r, c, e);
      if (span > 1) Group(r, r + span, c);
      r += span;
    }
  }

  void Group(size_t b, size_t e, size_t c) {
    if (Height(b, e) <= limit_) return KeepTogether(b, e);
    if (c >= labels_) {  // an amount merged over details: never cut
      if (Height(b, e) <= page_ * 9 / 10) KeepTogether(b, e);
      return;
    }
    // One label for the whole table (the project's name) stays merged; its groups are kept.
    size_t n = out_.table.rows.size();
    bool total_row = e + 1 == n && (At(e, c).col_span > 1 || At(e, c).covered);  // 合计 across
    if (b == first_ && (e == n || total_row)) return Keep(b, e, c + 1);
    // Where the group may be cut: between any two rows that no merge after the label columns
    // joins (a cut inside a 二级 repeats the 二级 label too), so pieces fill their pages.
    std::vector<size_t> cuts;
    for (size_t x = b + 1; x < e; ++x)
      if (!Joined(x, labels_ - 1)) cuts.push_back(x);
    if (cuts.empty()) return Deeper(b, e, c);
    cuts.push_back(e);
    // Runs between cuts packed into pieces that fit.
    std::vector<size_t> starts = {b};
    long piece = 0;
    size_t from = b;
    for (size_t x : cuts) {
      long h = Height(from, x);
      if (piece > 0 && piece + h > (starts.size() == 1 ? limit_ : continued_)) {
        starts.push_back(from);
        piece = 0;
      }
      piece += h;
      from = x;
    }
    starts.push_back(e);
    for (size_t i = 1; i + 1 < starts.size(); ++i) {
      CutAbove(starts[i]);
      out_.page_before[starts[i]] = true;
    }
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      size_t pb = starts[i], pe = starts[i + 1];
      if (Height(pb, pe) <= (i == 0 ? limit_ : continued_))
        KeepTogether(pb, pe);
      else
        Deeper(pb, pe, c);
    }
  }

  // The column of a row's label (its first text) when every text of the row is bold, as in the
  // rows of a 二级 that its 三级 rows follow; cols_ otherwise.
  size_t BoldLabelColumn(size_t r) {
    size_t label = cols_;
    for (size_t c = 0; c < cols_; ++c) {
      const doc::Cell& cell = At(r, c);
      if (cell.text.empty()) continue;
      if (!cell.bold || cell.covered) return cols_;
      label = std::min(label, c);
    }
    return label;
  }

  size_t LabelColumn(size_t r) {
    for (size_t c = 0; c < cols_; ++c)
      if (!At(r, c).text.empty()) return c;
    return cols_;
  }

  // An outline table (a bold 二级 row, then its 三级 rows, further right): a parent row is kept
  // with its rows when they fit, and with its first row always.
  void KeepOutlineGroups() {
    size_t n = out_.table.rows.size();
    for (size_t r = first_; r + 1 < n; ++r) {
      size_t level = BoldLabelColumn(r);
      if (level >= cols_) continue;
      size_t e = r + 1;
      while (e < n && LabelColumn(e) > level && LabelColumn(e) < cols_) ++e;
      if (e == r + 1) continue;
      if (Height(r, e) <= page_ / 4)
        KeepTogether(r, e);
      else
        out_.keep_with_next[r] = true;
    }
  }

  // A closing 合计/总计 row keeps with the two body rows before it: never alone under a repeated
  // header on a page of its own.
  void KeepTotalWithRows() {
    size_t n = out_.table.rows.size();
    if (n < first_ + 2) return;
    size_t c = LabelColumn(n - 1);
    if (c >= cols_) return;
    const std::string& text = At(n - 1, c).text;
    if (text.rfind("合计", 0) != 0 && text.rfind("总计", 0) != 0) return;
    for (size_t r = std::max(first_, n >= 3 ? n - 3 : 0); r + 1 < n; ++r)
      out_.keep_with_next[r] = true;
  }

  // A table of a few rows (a headline 得分表) is never split: one row alone on the next page reads
  // as a slip. Kept whole when it has at most kSmallRows body rows and fits in a third of a page.
  void KeepSmallTableWhole() {
    static constexpr size_t kSmallRows = 8;
    size_t n = out_.table.rows.size();
    if (n <= first_ || n - first_ > kSmallRows || Height(0, n) > page_ / 3) return;
    for (size_t r = 0; r + 1 < n; ++r) out_.keep_with_next[r] = true;
  }

  PagedTable out_;
  std::vector<int> heights_;
  long limit_, page_, continued_ = 0;
  size_t cols_, first_ = 0, labels_ = 0;
};

}  // namespace

PagedTable Paginate(const doc::Table& t, const std::vector<int>& row_twips, int page_twips) {
  return Paginator(t, row_twips, page_twips).Run();
}

}  // namespace jixiao::render
