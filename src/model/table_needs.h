// Which case tables a framework's indicators score from (issue 21, trial 3 item 9): a table a
// rule reads (a derived metric such as 资金到位率 from funding.csv, a 时效 rule from
// transfers.csv, a 绩效目标 rule from targets.csv) must be
// filled; the others are optional. Pure; the file names are the case
// folder's (budget.csv, funding.csv, transfers.csv).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/framework.h"

namespace jixiao {

// File -> the leaves that score from it, as "A32 资金到位率", in the framework's order.
std::map<std::string, std::vector<std::string>> TablesNeeded(const Framework& framework);

// "A32 资金到位率、A33 预算执行率" (at most `shown` names, then "等N项").
std::string IndicatorList(const std::vector<std::string>& indicators, size_t shown = 4);

}  // namespace jixiao
