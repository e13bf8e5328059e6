// `jixiao score CASE --explain [CODE]`: the trail of each leaf — the rule, every input as read
// (with unit and source), the exact arithmetic in fractions, the rounding, and the same 扣分说明
// the workbook and the report print.
// Contract: pure text from the scorecard; `code` empty explains every leaf, else that node (a
// parent explains each of its leaves). Unknown codes return nullopt.
#pragma once

#include <optional>
#include <string>

#include "scoring/scorecard.h"

namespace jixiao {

std::optional<std::string> ExplainScorecard(const Scorecard& card, const std::string& code);

}  // namespace jixiao
