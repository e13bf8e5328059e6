// The 绩效自评报告 of one scored 自评表, drafted from the data in the usual outline: 一、基本情况;
// 二、绩效目标完成情况分析 (budget, total and grade, a table of every indicator);
// 三、偏离绩效目标的原因和 改进措施 (every missed target with its 偏差原因, or that none was
// given); 四、自评结果应用和公开情况. Contract: a pure builder into doc::Document; every figure
// comes from the form or the scorer and is printed by core/format.h; no figure is written into the
// text by hand.
#pragma once

#include "document/document.h"
#include "model/selfeval.h"
#include "model/selfeval_rules.h"
#include "scoring/selfeval_score.h"

namespace jixiao::report {

// The budget's split by 资金来源 in one line ("其中：财政资金全年预算数251.89万元、全年执行数
// 251.89万元；单位资金…"), amounts in `unit` (元 or 万元); empty when the form prints no split.
std::string FundingSourcesText(const SelfEvalBudget& budget, const std::string& unit);

// Who the report speaks for, and the name to use when the form's header has none.
struct SelfEvalReportOptions {
  std::string project;  // e.g. the page's title; the form's 项目名称 wins when printed
  bool review = false;  // false: the unit's own 自评 (自评分 beside 复核分); true: "经复核，…"
};

// Titled "<项目名称>项目绩效自评报告" ("…项目" is not doubled); "项目支出绩效自评报告" with no
// name.
doc::Document BuildSelfEvalReport(const SelfEvaluation& form, const SelfEvalResult& result,
                                  const SelfEvalRules& rules,
                                  const SelfEvalReportOptions& options = {});

}  // namespace jixiao::report
