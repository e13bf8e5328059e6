#include "document/document.h"

namespace jixiao::doc {

std::string PlainText(const Runs& runs) {
  std::string out;
  for (const auto& r : runs) out += r.text;
  return out;
}

void Table::Merge(int r, int c, int span_rows, int span_cols) {
  Cell& origin = rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
  origin.row_span = span_rows;
  origin.col_span = span_cols;
  for (int i = r; i < r + span_rows; ++i) {
    for (int j = c; j < c + span_cols; ++j) {
      if (i == r && j == c) continue;
      Cell& cell = rows[static_cast<size_t>(i)][static_cast<size_t>(j)];
      cell = origin;
      cell.row_span = cell.col_span = 1;
      cell.covered = true;
    }
  }
}

namespace {

struct Origin {
  int row = -1, col = -1;
};

// The top-left cell of the merge that covers (r, c), or (r, c) itself.
Origin OriginOf(const Table& t, int r, int c) {
  for (int i = r; i >= 0; --i)
    for (int j = c; j >= 0; --j) {
      const Cell& cell = t.rows[static_cast<size_t>(i)][static_cast<size_t>(j)];
      if (!cell.covered && i + cell.row_span > r && j + cell.col_span > c) return {i, j};
    }
  return {r, c};
}

}  // namespace

void Table::DropEmptyColumns() {
  if (rows.empty()) return;
  const int cols = static_cast<int>(rows[0].size());
  for (const auto& row : rows)
    if (static_cast<int>(row.size()) != cols) return;  // not a full grid: leave it alone
  std::vector<bool> drop(static_cast<size_t>(cols), false);
  int dropped = 0;
  for (int c = 0; c < cols; ++c) {
    bool content = false;
    for (int r = header_rows; r < static_cast<int>(rows.size()) && !content; ++r) {
      Origin o = OriginOf(*this, r, c);
      const Cell& cell = rows[static_cast<size_t>(o.row)][static_cast<size_t>(o.col)];
      if (o.col != c) continue;  // spanned from the left: says nothing about this column
      if (!cell.text.empty() && cell.text != "—") content = true;
    }
    drop[static_cast<size_t>(c)] = !content && static_cast<int>(rows.size()) > header_rows;
    dropped += drop[static_cast<size_t>(c)];
  }
  if (dropped == 0 || dropped == cols) return;
  for (int c = cols - 1; c >= 0; --c) {
    if (!drop[static_cast<size_t>(c)]) continue;
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
      Origin o = OriginOf(*this, r, c);
      Cell& origin = rows[static_cast<size_t>(o.row)][static_cast<size_t>(o.col)];
      if (o.row != r || origin.col_span == 1) continue;  // handle each merge once, on its row
      if (o.col < c) {
        --origin.col_span;
      } else if (c + 1 < cols) {  // the merge starts here: its next column becomes the origin
        Cell next = origin;
        --next.col_span;
        for (int i = r; i < r + origin.row_span; ++i)
          rows[static_cast<size_t>(i)][static_cast<size_t>(c + 1)] = next;
        for (int i = r + 1; i < r + origin.row_span; ++i)
          rows[static_cast<size_t>(i)][static_cast<size_t>(c + 1)].covered = true;
        for (int i = r + 1; i < r + origin.row_span; ++i)
          rows[static_cast<size_t>(i)][static_cast<size_t>(c + 1)].row_span = 1;
        rows[static_cast<size_t>(r)][static_cast<size_t>(c + 1)].covered = false;
      }
    }
    for (auto& row : rows) row.erase(row.begin() + c);
    if (static_cast<int>(widths.size()) > c) widths.erase(widths.begin() + c);
  }
}

bool LeadsIn(const Paragraph& paragraph) {
  std::string text = PlainText(paragraph.runs);
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  bool all_bold = !paragraph.runs.empty();
  for (const auto& r : paragraph.runs) all_bold = all_bold && (r.bold || r.text.empty());
  bool colon =
      text.size() >= 3 && (text.compare(text.size() - 3, 3, "：") == 0 || text.back() == ':');
  return paragraph.keep_with_next ||
         (chars > 0 && ((all_bold && chars <= 30) || (colon && chars <= 60)));
}

bool ListedInToc(const Document& document, const Heading& heading) {
  return heading.in_toc && heading.level <= 2 && heading.text != "目录" &&
         heading.text != document.title;
}

}  // namespace jixiao::doc
