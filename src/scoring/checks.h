// Consistency checks on a case before it is scored: budget arithmetic (年初 + 调整 = 调整后 per
// line and in total, declared 合计 rows, 实际 ≤ 调整后, 单价 × 数量 = 年初), funding against the
// budget, the history row of the evaluated year, and findings that name unknown indicators.
// Contract: pure; each finding is a located Diagnostic with a stable code (see docs/checks.md).
#pragma once

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

void CheckCase(const Framework& framework, const Case& c, Diagnostics& diags);

// After scoring (issue 24 §5): one shortfall scored twice — two leaves that both lost points on
// the same metric, or on the execution rate (a 预算执行率 metric and a target row such as
// 资金支付完成率 about the same money). A warning located at the second rule.
void CheckShortfallScoredTwice(const Framework& framework, const Scorecard& card,
                               Diagnostics& diags);

}  // namespace jixiao
