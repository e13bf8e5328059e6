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

// Issue 23: every exact fraction of a text with its decimal first, "220000/2469" →
// "89.1049…（= 220000/2469）", "4058177/450000 %" → "9.0183…%（= 4058177/450000）"; shares with a
// denominator up to 12 and at most 1 (1/3, 3/4), decimals ("3.09/3") and dates are left as
// written; "290/3" (a rate) is "96.6666…（= 290/3）".
std::string WithDecimals(const std::string& text);

// Issue 21: the rule keys of scoring's rule text in Chinese ("规则：deduction：" →
// "规则：扣分制：", "absolute: true（按绝对值）" → "按绝对值"): the one table `score --explain` and
// the web's explain page use. Text already in Chinese is returned unchanged.
std::string RuleKindsInChinese(const std::string& text);

}  // namespace jixiao
