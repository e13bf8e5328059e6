// Scores one case against its framework: metrics, rules, case findings, overrides, roll-up,
// grade, and the consistency checks.
// Contract: pure (no I/O). Every problem goes to `diags`; the returned scorecard's `checks` hold
// the same problems for display. Callers must not publish a scorecard when diags has errors.
#pragma once

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

Scorecard ScoreCase(const Framework& framework, const Case& c, Diagnostics& diags);

// Self-check of a scorecard: parents equal the sum of their children, the total equals the sum of
// the 一级, every score lies within [0, weight], and the grade matches the total.
void VerifyScorecard(const Framework& framework, const Scorecard& card, Diagnostics& diags);

// "根据评分标准，扣权重的25%，扣0.75分。" / "根据评分标准，不扣分。" for an exact score.
std::string DeductionSentence(Score weight, const Rational& exact_score, Score rounded);

}  // namespace jixiao
