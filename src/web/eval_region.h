// An evaluation's 所属区域 is what the bureau's reach is matched on, so it is chosen, never typed
// freely (issue 21, trial 3: “阆中市” for “南充市阆中市” hid an evaluation from the bureau for
// good). The choices are the registered regions and those accounts already carry; a region outside
// them is refused with a message naming the field. The evaluator changes a region later on the
// page.
#pragma once

#include <string>
#include <vector>

#include "web/db.h"

namespace jixiao::web {

// The regions an evaluation may take: registered ones and those of accounts, sorted, no repeats.
std::vector<std::string> EvaluationRegions(Db& db);
// "" when `region` may be chosen from `allowed` (any non-empty name when nothing is registered and
// no account has a region), else the Chinese message for the 所属区域 field.
std::string RegionChoiceProblem(const std::vector<std::string>& allowed, const std::string& region);

}  // namespace jixiao::web
