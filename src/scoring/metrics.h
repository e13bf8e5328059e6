// Metrics: derived from the case tables (预算执行率, 预算调整率, 资金到位率, 成本节约率, late
// transfers, disbursement batches) and entered in case.json with a source note. Contract: a derived
// metric is never taken from what the user typed; a typed value for a metric that can be derived is
// reported (warning) and the derived value wins. Zero denominators leave the metric underived, with
// a warning naming the figure that is zero.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

std::map<std::string, ResolvedMetric> ResolveMetrics(const Framework& fw, const Case& c,
                                                     Diagnostics& diags);

struct BudgetSums {
  Money initial, adjustment, adjusted, actual;
};
BudgetSums SumBudget(const Case& c);

}  // namespace jixiao
