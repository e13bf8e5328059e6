// The `score --json` contract of DESIGN.md §5, and the plain-text summary `score` prints. Lives
// below app/ and archive/ (both write it; the archive stores scorecards in this form).
// Contract: numbers are JSON numbers rounded half-up to 2 decimals; `indicators` lists every node
// in pre-order; parents carry "value": null and no deductions.
#pragma once

#include <string>
#include <vector>

#include "scoring/scorecard.h"

namespace jixiao {

// With `warnings`, the object also carries "warnings": [{code, where, message}] (score --json).
std::string ScorecardJson(const Scorecard& card, const std::vector<Diagnostic>* warnings = nullptr);
std::string ScorecardText(const Scorecard& card);

}  // namespace jixiao
