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
// The regions an account may take: the registered ones, else those the accounts already use.
std::vector<std::string> AccountRegions(Db& db);
// "" when `region` may be chosen from `allowed` (any non-empty name when nothing is registered and
// no account has a region), else the Chinese message for the 所属区域 field.
std::string RegionChoiceProblem(const std::vector<std::string>& allowed, const std::string& region);
// The name in `allowed` that contains what was typed or is contained in it (阆中市 in
// 南充市阆中市), else "": the close match a refusal names.
std::string NearRegion(const std::vector<std::string>& allowed, const std::string& region);
// An account's 区域 (webtrial5 item 8): "" when empty (the role decides whether it is needed), when
// nothing is offered yet, or when it is one of `allowed`; else the Chinese message for the field,
// naming the close match when there is one.
std::string AccountRegionProblem(const std::vector<std::string>& allowed,
                                 const std::string& region);

}  // namespace jixiao::web
