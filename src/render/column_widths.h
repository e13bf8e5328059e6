// Column widths of a DOCX table from its content (twips at the 9 pt table font).
// Contract: each column is at least as wide as its widest unbreakable run (a number with its
// unit, an ASCII token, a label of up to six characters), so numbers never wrap and short labels
// never split; the widths sum to `text_width` unless even the minimums do not fit (then scaled).
#pragma once

#include <vector>

#include "document/document.h"

namespace jixiao::render {

std::vector<int> ColumnTwips(const doc::Table& t, size_t cols, int text_width);

}  // namespace jixiao::render
