// The DOCX chart part of a bar chart (DrawingML): values cached in the part (no embedded
// workbook), the axis ticks of the HTML chart, value labels in the unit the labels carry, and
// text no smaller than the body's tables (the part's own font size, not the drawing's scaling).
#pragma once

#include <string>

#include "document/document.h"

namespace jixiao::render {

std::string DocxChartPart(const doc::Chart& c);

}  // namespace jixiao::render
