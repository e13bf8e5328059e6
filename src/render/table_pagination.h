// How a table breaks over pages. A vertically merged group of rows (a 一级 with its 二级) is kept
// on one page when it takes at most a quarter of the page (so a page ends at most a quarter
// blank); a taller group is cut between rows no later column joins, into pieces that fit, each
// repeating the merged label, so a page never starts with rows whose label stayed on the page
// before. A group that cannot be cut (details sharing one merged 调整金额) is kept whole when it
// fits on a page. A label merged over the whole body (the project's name) is not repeated.
// Writers keep each row of a kept piece with the next one (DOCX: keepNext on every paragraph of
// the row and cantSplit; HTML: one <tbody> per piece with break-inside: avoid).
#pragma once

#include <vector>

#include "document/document.h"

namespace jixiao::render {

struct PagedTable {
  doc::Table table;                  // the input with tall merges cut into pieces
  std::vector<bool> keep_with_next;  // per row: this row stays on the page of the next one
};

// `row_twips`: the estimated height of each row of `t`.
PagedTable Paginate(const doc::Table& t, const std::vector<int>& row_twips, int page_twips);

}  // namespace jixiao::render
