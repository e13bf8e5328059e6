// The one number policy for text the evaluator typed (narrative, analysis, problems): figures
// are respelled the way core/format prints them, so the same figure reads the same everywhere.
// Contract: only the spelling changes, never the value; quoted text (“…”, 《…》) stays as written.
#pragma once

#include <string>

namespace jixiao::report {

// The number policy applied to evaluator text (docs/templates.md): a measured percentage carries
// two decimals ("98.9%" -> "98.90%", "执行率为100%" -> "执行率为100.00%"; a quoted standard such as
// "按60%比例" stays); money spent, budgeted or computed carries separators and two decimals
// ("324292.5元" -> "324,292.50元", "年预算总额为135万元" -> "135.00万元"); a standard, limit or
// rate quoted from a policy (its clause names 标准/限额/每人/每餐/不超过/最高…, or 以上/以下/以内
// or a "/" rate follows) reads as the policy writes it ("每人每年150.00元" -> "每人每年150元",
// "2,800.00元/人" -> "2800元/人"); no blank before a unit or around the “/” of a rate; an amount
// of more decimals keeps them; counts of four or more digits carry separators
// ("219000餐次" -> "219,000餐次", "3126人" -> "3,126人"). Years, 文号, codes, dates stay.
std::string NormalizeFigures(const std::string& text);
// A bare percentage value ("100%", "98.9%") with two decimals; other values as NormalizeFigures
// ("≥219000餐次" -> "≥219,000餐次").
std::string NormalizeValue(const std::string& value);

}  // namespace jixiao::report
