// The value axis of a bar chart, shared by the DOCX chart part and the HTML SVG so both print the
// same ticks: 0 to the axis maximum (the chart's, else the largest value rounded up to a step) in
// steps of 1, 2, 2.5 or 5 times a power of ten giving at most five intervals; tick labels carry
// "%" when the series is a share (its value labels end in %).
#pragma once

#include <string>

#include "document/document.h"

namespace jixiao::render {

struct ChartAxis {
  double max = 1, step = 1;
  bool percent = false;
};

ChartAxis AxisOf(const doc::Chart& chart);

// A tick's label: "20%", "2.5".
std::string TickLabel(const ChartAxis& axis, double value);

}  // namespace jixiao::render
