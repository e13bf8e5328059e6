// Reads back the `score --json` contract into a Scorecard (the archive stores scorecards so), and
// rebuilds the framework tree they describe (codes, names, weights, levels) for comparisons.
// Contract: inverse of ScorecardJson for the fields it prints; deduction reasons are kept.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

std::optional<Scorecard> ScorecardFromJson(const std::string& where, const std::string& json,
                                           Diagnostics& diags);
// A framework whose tree mirrors the scorecard's nodes (no rules), with the given grade bands.
Framework FrameworkFromScorecard(const Scorecard& card, const std::string& title,
                                 const std::vector<GradeBand>& grades);

}  // namespace jixiao
