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

bool LeadsIn(const Paragraph& paragraph) {
  std::string text = PlainText(paragraph.runs);
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  bool all_bold = !paragraph.runs.empty();
  for (const auto& r : paragraph.runs) all_bold = all_bold && (r.bold || r.text.empty());
  bool colon =
      text.size() >= 3 && (text.compare(text.size() - 3, 3, "：") == 0 || text.back() == ':');
  return chars > 0 && ((all_bold && chars <= 30) || (colon && chars <= 60));
}

bool ListedInToc(const Document& document, const Heading& heading) {
  return heading.level <= 2 && heading.text != "目录" && heading.text != document.title;
}

}  // namespace jixiao::doc
