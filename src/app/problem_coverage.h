// Problems that explain the lost points (issue 22): `validate` warns when the 存在问题 of a case
// leave most of the points its leaves lost unexplained, naming each deducted indicator no problem
// lists. A problem covers the leaves under each code in its `indicators` (B2 covers B21, B22…).
// Contract: one warning (code case.problems_coverage) located at case.json $.problems, or none
// when the problems cover at least two thirds of the lost points and the largest single
// deduction, or nothing was lost.
#pragma once

#include "core/diagnostics.h"
#include "scoring/evaluation.h"

namespace jixiao {

void CheckProblemsCoverLosses(const Evaluation& evaluation, Diagnostics& diags);

}  // namespace jixiao
