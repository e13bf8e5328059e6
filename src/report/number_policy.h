// The one number policy for text the evaluator typed (narrative, analysis, problems): figures
// are respelled the way core/format prints them, so the same figure reads the same everywhere.
// Contract: only the spelling changes, never the value; quoted text (“…”, 《…》) stays as written.
#pragma once

#include <string>

namespace jixiao::report {

// The number policy applied to evaluator text (docs/templates.md): a measured percentage carries
// two decimals ("98.9%" -> "98.90%", "执行率为100%" -> "执行率为100.00%"; a quoted standard such as
// "按60%比例" stays); every 元 and 万元 amount carries separators and two decimals ("324292.5元" ->
// "324,292.50元", "150元" -> "150.00元", "每餐3元" -> "每餐3.00元") except a rate per unit written
// with “/”, a policy's standard, which reads as the policy writes it ("2,800.00元/人" ->
// "2800元/人", "13万元 /人" -> "13万元/人"); no blank before a unit or around the “/” of a rate; an
// amount of more decimals keeps them; counts of four or more digits carry separators
// ("219000餐次" -> "219,000餐次", "3126人" -> "3,126人"). Years, 文号, codes, dates stay.
std::string NormalizeFigures(const std::string& text);
// A bare percentage value ("100%", "98.9%") with two decimals; other values as NormalizeFigures
// ("≥219000餐次" -> "≥219,000餐次").
std::string NormalizeValue(const std::string& value);

}  // namespace jixiao::report
