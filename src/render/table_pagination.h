// How a table breaks over pages. A vertically merged group of rows (a 一级 with its 二级) that
// fits on a page is kept on one page, whole, its label merged once: the writer does not know where
// pages break, and a group left to flow over a break would leave the next page without its label
// (a merged cell prints only on its first page), while cutting it in advance repeats the label on
// the same page. A group taller than a page is cut between rows no later column joins into pieces
// of nearly a page, each repeating the label and starting a new page (writers break the table
// there: DOCX ends the table and continues it on the next page, header repeated; HTML breaks
// before the piece's <tbody>), so a label never prints twice on one page. A group that
// cannot be cut (details sharing one merged 调整金额) is kept whole when it fits on a page. A label
// merged over the whole body (the project's name) is not repeated. A closing 合计 row keeps with
// the two rows before it. Writers keep each row of a kept piece with the next one (DOCX: keepNext
// on every paragraph of the row and cantSplit; HTML: one <tbody> per piece, break-inside: avoid).
#pragma once

#include <vector>

#include "document/document.h"

namespace jixiao::render {

struct PagedTable {
  doc::Table table;                  // the input with tall merges cut into pieces
  std::vector<bool> keep_with_next;  // per row: this row stays on the page of the next one
  std::vector<bool> page_before;     // per row: a piece of a cut group starts a new page here
};

// `row_twips`: the estimated height of each row of `t`.
PagedTable Paginate(const doc::Table& t, const std::vector<int>& row_twips, int page_twips);

}  // namespace jixiao::render
