// The 项目支出绩效自评表 as a print-ready workbook in the national layout (财预〔2020〕10号):
// header block, budget block, 年度总体目标, the indicator table (一级/二级 merged) and 总分/等级,
// on A4. Blank (`result` null: `selfeval new`) it has the rule set's 分值, pale-yellow cells to
// fill, a drop-down of the qualitative levels and a required-reason prompt; scored (`selfeval
// score`) it carries the computed 得分, 执行率, 总分 and 等级. Contract: a pure builder into
// doc::Workbook; the layout is one ingest/selfeval_workbook reads back; figures are the scorer's,
// shown to 0.01.
#pragma once

#include <string>
#include <vector>

#include "core/rational.h"
#include "document/workbook.h"
#include "model/selfeval.h"
#include "model/selfeval_rules.h"
#include "scoring/selfeval_score.h"

namespace jixiao::report {

// Whole-point 分值 for a blank form: each 一级 category's points (rules.categories, by name or
// synonym) split over its rows, the remainder one point at a time from the first row; rows of no
// category share what the categories leave of rules.rows_total. Sums to rows_total exactly.
std::vector<Rational> SplitCategoryWeights(const std::vector<std::string>& level1,
                                           const SelfEvalRules& rules);

// A 指标值 with no figure in it (“效果明显”, “按时完成”): a qualitative row, given a drop-down.
bool QualitativeTarget(const std::string& target);

// `as_typed` (the web's 「下载填好的自评表」, webtrial4 item 2): the 得分, budget 得分, 总分 and
// 等级 cells carry what the unit filled in, and a labelled line below gives the recomputed 复核分.
doc::Workbook BuildSelfEvalWorkbook(const SelfEvaluation& form, const SelfEvalRules& rules,
                                    const SelfEvalResult* result, bool as_typed = false);

}  // namespace jixiao::report
