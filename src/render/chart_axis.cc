#include "render/chart_axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace jixiao::render {

ChartAxis AxisOf(const doc::Chart& chart) {
  ChartAxis axis;
  double top = chart.axis_max;
  for (double v : chart.values) top = std::max(top, v);
  if (!(top > 0)) top = 1;
  double power = std::pow(10.0, std::floor(std::log10(top)));
  for (double scale : {0.1, 1.0, 10.0}) {
    bool found = false;
    for (double m : {1.0, 2.0, 2.5, 5.0}) {
      double step = m * power * scale;
      if (top / step <= 5.0 + 1e-9) {
        axis.step = step;
        found = true;
        break;
      }
    }
    if (found) break;
  }
  axis.max = chart.axis_max > 0 ? chart.axis_max : std::ceil(top / axis.step - 1e-9) * axis.step;
  axis.percent = !chart.value_labels.empty();
  for (const auto& label : chart.value_labels)
    axis.percent = axis.percent && !label.empty() && label.back() == '%';
  return axis;
}

std::string TickLabel(const ChartAxis& axis, double value) {
  char buffer[32];
  double rounded = std::round(value * 100) / 100;
  if (rounded == std::floor(rounded))
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  else
    std::snprintf(buffer, sizeof buffer, "%g", rounded);
  return std::string(buffer) + (axis.percent ? "%" : "");
}

}  // namespace jixiao::render
