#include "render/column_widths.h"

#include <algorithm>
#include <string>

namespace jixiao::render {
namespace {

// Text widths in twips at the table font (9 pt): a Chinese character is 180, an ASCII character
// about 95 (digits, separators, %), plus the cell's left and right margins.
const int kHanWidth = 180, kAsciiWidth = 95, kCellMargins = 230;

// The widest unbreakable run of a cell: an ASCII token ("1,471,745.31", "100.00%", "89.65") or,
// for a short label (≤ 6 characters, a header like 预算执行率), the whole label.
int UnbreakableWidth(const std::string& text, bool header) {
  int widest = 0, run = 0, chars = 0, all = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++chars;
    if (c < 0x80 && c != ' ') {
      run += kAsciiWidth;
      all += kAsciiWidth;
    } else {
      widest = std::max(widest, run);
      run = 0;
      all += c < 0x80 ? kAsciiWidth : kHanWidth;
    }
    i += len;
  }
  widest = std::max(widest, run);
  if (chars <= 6 || (header && chars <= 8)) widest = std::max(widest, all);
  return widest + kCellMargins;
}

int FullWidth(const std::string& text) {
  int all = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    all += c < 0x80 ? kAsciiWidth : kHanWidth;
    i += len;
  }
  return all + kCellMargins;
}

// Column widths from content: every column at least as wide as its widest unbreakable run (so
// numbers and units never wrap and short labels never split); the room left goes to the columns
// whose text is longer than that, in proportion to how much longer (each capped at 45% of the
// table); scaled down only when even the minimums do not fit.
}  // namespace

std::vector<int> ColumnTwips(const doc::Table& t, size_t cols, int text_width) {
  std::vector<int> least(cols, kCellMargins), desired(cols, kCellMargins);
  for (size_t r = 0; r < t.rows.size(); ++r)
    for (size_t c = 0; c < cols && c < t.rows[r].size(); ++c) {
      const doc::Cell& cell = t.rows[r][c];
      if (cell.covered || cell.col_span > 1) continue;
      bool header = static_cast<int>(r) < t.header_rows;
      least[c] = std::max(least[c], UnbreakableWidth(cell.text, header));
      desired[c] = std::max(desired[c], std::min(FullWidth(cell.text), text_width * 45 / 100));
    }
  long least_sum = 0, desired_sum = 0;
  for (size_t c = 0; c < cols; ++c) {
    desired[c] = std::max(desired[c], least[c]);
    least_sum += least[c];
    desired_sum += desired[c];
  }
  std::vector<int> twips(cols);
  for (size_t c = 0; c < cols; ++c) {
    if (least_sum >= text_width)
      twips[c] = static_cast<int>(least[c] * text_width / least_sum);
    else if (desired_sum <= text_width)
      twips[c] = static_cast<int>(desired[c] * text_width / desired_sum);
    else
      twips[c] = least[c] + static_cast<int>((desired[c] - least[c]) * (text_width - least_sum) /
                                             std::max(1L, desired_sum - least_sum));
  }
  return twips;
}

}  // namespace jixiao::render
