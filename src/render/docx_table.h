// DOCX tables (WordprocessingML): widths from content (column_widths.h), gridSpan/vMerge merges,
// repeated header rows, rows that never split, merged groups kept on one page
// (table_pagination.h), and the run and paragraph helpers the DOCX writer shares.
#pragma once

#include <string>

#include "document/document.h"

namespace jixiao::render {

// A run of `text`; ①–⑳ are split into runs of their own that take `east_asian` (the style's East
// Asian font) in every font slot, the rest keeps the style's fonts (Times New Roman digits).
std::string DocxText(const std::string& text, bool bold = false, int half_points = 0,
                     const char* east_asian = "仿宋_GB2312");
std::string DocxPara(const std::string& style, const std::string& runs,
                     const std::string& extra_ppr = "");

// The caption paragraph (kept with the table) and the table, `text_width` twips wide on a page
// whose text is `page_twips` high.
std::string DocxTable(const doc::Table& t, int text_width, int page_twips);

}  // namespace jixiao::render
