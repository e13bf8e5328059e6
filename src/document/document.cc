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

bool StartsWithAny(const std::string& text, size_t at, const std::string& chars) {
  for (size_t i = 0; i + 3 <= chars.size(); i += 3)
    if (text.compare(at, 3, chars, i, 3) == 0) return true;
  return false;
}

// 1.xxx 1．xxx 1、xxx （一）xxx （1）xxx 一、xxx: a numbering mark then its title.
bool NumberedHeading(const std::string& text) {
  static const std::string kHanDigits = "一二三四五六七八九十";
  size_t i = 0;
  bool open = text.compare(0, 3, "（") == 0;
  if (open) i = 3;
  size_t digits_from = i;
  while (i < text.size() &&
         ((text[i] >= '0' && text[i] <= '9') || StartsWithAny(text, i, kHanDigits)))
    i += (text[i] >= '0' && text[i] <= '9') ? 1 : 3;
  if (i == digits_from || i >= text.size()) return false;
  if (open) return text.compare(i, 3, "）") == 0 && i + 3 < text.size();
  bool ascii_number = text[digits_from] >= '0' && text[digits_from] <= '9';
  if (ascii_number && text[i] == '.')
    return i + 1 < text.size() && !(text[i + 1] >= '0' && text[i + 1] <= '9');
  return text.compare(i, 3, "．") == 0 || text.compare(i, 3, "、") == 0;
}

bool EndsLikeSentence(const std::string& text) {
  for (const char* end : {"。", "；", "，", "！", "？"})
    if (text.size() >= 3 && text.compare(text.size() - 3, 3, end) == 0) return true;
  return !text.empty() && (text.back() == '.' || text.back() == ';');
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
  // ②线下申请: a circled number (U+2460–U+2473) before a short label leads in too.
  bool circled = text.size() > 3 && static_cast<unsigned char>(text[0]) == 0xE2 &&
                 static_cast<unsigned char>(text[1]) == 0x91 &&
                 static_cast<unsigned char>(text[2]) >= 0xA0 &&
                 static_cast<unsigned char>(text[2]) <= 0xB3;
  // B.申报表上传: a Latin capital, its stop, then a Han label (a step typed in narrative).
  bool lettered = text.size() > 4 && text[0] >= 'A' && text[0] <= 'Z' &&
                  ((text[1] == '.' && static_cast<unsigned char>(text[2]) >= 0xE0) ||
                   text.compare(1, 3, "．") == 0 || text.compare(1, 3, "、") == 0);
  bool numbered =
      (NumberedHeading(text) || circled || lettered) && !EndsLikeSentence(text) && chars <= 40;
  return paragraph.keep_with_next ||
         (chars > 0 && ((all_bold && chars <= 30) || (colon && chars <= 60) || numbered));
}

bool NumberedRunIn(const Paragraph& paragraph) {
  std::string text = PlainText(paragraph.runs);
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;
  return NumberedHeading(text) && !EndsLikeSentence(text) && chars <= 40;
}

bool ListedInToc(const Document& document, const Heading& heading) {
  return heading.in_toc && heading.level <= 2 && heading.text != "目录" &&
         heading.text != document.title;
}

}  // namespace jixiao::doc
