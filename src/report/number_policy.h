// The one number policy for text the evaluator typed (narrative, analysis, problems): figures
// are respelled the way core/format prints them, so the same figure reads the same everywhere.
// Contract: only the spelling changes, never the value; quoted text (“…”, 《…》) stays as written.
#pragma once

#include <string>

namespace jixiao::report {

// The number policy applied to evaluator text (docs/templates.md): a measured percentage carries
// two decimals ("98.9%" -> "98.90%", "执行率为100%" -> "执行率为100.00%"; a quoted standard such as
// "按60%比例" stays), 元 amounts of four or more digits or with decimals carry separators and two
// decimals ("324292.5元" -> "324,292.50元", "4625元" -> "4,625.00元"; a smaller integer amount in
// the same sentence as such an amount too, "500元" -> "500.00元", except a rate per unit such as
// "每餐3元"; a standard on its own stays), 万元 amounts two decimals ("6.5万元" -> "6.50万元"; a
// per-unit limit such as "13万元/人" stays).
std::string NormalizeFigures(const std::string& text);
// A bare percentage value ("100%", "98.9%") with two decimals; other values unchanged.
std::string NormalizeValue(const std::string& value);

}  // namespace jixiao::report
