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

doc::Document BuildSelfEvalReport(const SelfEvaluation& form, const SelfEvalResult& result,
                                  const SelfEvalRules& rules);

}  // namespace jixiao::report
