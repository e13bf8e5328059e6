// Column widths of a table from its content, for DOCX (twips) and HTML (shares of the width).
// Contract: every column is at least as wide as its widest unbreakable segment (a number with its
// unit, an ASCII word, a document number such as 〔2022〕7号; see text_metrics.h), so none of them
// ever wraps; the room left goes where it saves the most lines of table height (a text column
// whose entries wrap), and what no line needs is shared out by the text still wrapping. When
// even the segments do not fit at 9 pt the table is set smaller (8, 7.5, then 7 pt); only below
// that are widths scaled. Where the room allows, a short label (一级指标, 满意度指标, A11 立项依据
// 充分性, 调增2.38%: no clause punctuation, at most 10 em, else the widest tier of 8, 7, 6, 5, 4
// em that fits) gets one line, the long texts giving up the room. Widths sum to `text_width`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "render/text_metrics.h"

namespace jixiao::render {

// Left plus right cell margins of the table style (80 twips each) and the borders.
inline constexpr int kCellMarginsTwips = 170;

struct TableLayout {
  std::vector<int> twips;  // one per column
  int half_points = 18;    // the table's font size
};

TableLayout LayOutColumns(const doc::Table& t, size_t cols, int text_width);

// The lines each row takes at `layout` (a merged cell's lines shared among its rows).
std::vector<int> RowLines(const doc::Table& t, const TableLayout& layout);

// Segments(text, half_points), cut once per thread and shared with the layout's measures.
std::shared_ptr<const std::vector<Segment>> MeasuredSegments(const std::string& text,
                                                             int half_points);

// A label short enough (at most 8 em) that the HTML holds it on one line (white-space: nowrap).
bool ShortLabel(const std::string& text, int half_points);

// Byte offsets in `text` where a writer breaks the line explicitly, so that a protected segment
// (〔2022〕7号, 100.00%) that does not fit after the text before it starts a new line whole.
std::vector<size_t> ProtectedBreaks(const std::string& text, int cell_twips, int half_points);

}  // namespace jixiao::render
