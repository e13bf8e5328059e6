// The bureau page's charts drawn on the server as inline SVG (no script, no style attribute, so
// the page's CSP holds): the 得分排名 bars, the 一级得分率 bars per evaluation and the grade
// distribution, as `compare` draws them in compare.xlsx. Pure: figures arrive already computed
// and printed (core/format.h); only bar lengths are derived here. Every text is XML-escaped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/rational.h"

namespace jixiao::web {

struct ChartBar {
  std::string label;  // e.g. "1 马桥镇医疗救助"
  std::string shown;  // the figure as printed, e.g. "95.50分" or "98.21%"
  Rational value;     // what the length is drawn from (>= 0)
  std::string href;   // drill-down link; empty for none
};

struct ChartGroup {  // one evaluation's 一级 rates, one bar per series
  std::string label, href;
  std::vector<ChartBar> bars;  // in series order; a bar with empty `shown` is missing
};

// Horizontal bars scaled to `full` (the axis end, e.g. 100分); empty string when no bars.
std::string BarChartSvg(const std::string& title, const std::vector<ChartBar>& bars,
                        const Rational& full);
// One band per group, one thin bar per series (colours keyed by a legend of `series`).
std::string GroupedChartSvg(const std::string& title, const std::vector<std::string>& series,
                            const std::vector<ChartGroup>& groups, const Rational& full);

// Label shortened to at most `max_chars` characters (UTF-8), "…" marking the cut.
std::string ShortLabel(const std::string& text, size_t max_chars);
// Each label shortened as ShortLabel does, except where two different labels would then read the
// same ("2 2024年马桥镇医疗救助项…" twice): those keep their start and their end, the cut in the
// middle ("2 2024年马…项目（一期）"), as much of the end as tells them apart.
std::vector<std::string> DistinctLabels(const std::vector<std::string>& labels, size_t max_chars);

}  // namespace jixiao::web
