// Helpers shared by the rule files (rules.cc, rules_metric.cc, rules_target.cc). Internal to
// scoring; not part of the module's interface.
#pragma once

#include <optional>
#include <string>

#include "scoring/rules.h"

namespace jixiao {

const Finding* FindingFor(const Indicator& leaf, const RuleContext& ctx);
Location CaseJson(const RuleContext& ctx, const std::string& path);
Rational Clamp01(const Rational& r);
std::string Exact(const Rational& r);  // "9/4", "2.25", "3"
// weight × fraction, with the 业绩值, evidence, formula, exact arithmetic and deduction line.
RuleOutcome FromFraction(const Indicator& leaf, const Rational& fraction, std::string value,
                         std::string evidence);

std::optional<RuleOutcome> Ratio(const Indicator& leaf, const RuleContext& ctx);
std::optional<RuleOutcome> Bands(const Indicator& leaf, const RuleContext& ctx);
std::optional<RuleOutcome> Linear(const Indicator& leaf, const RuleContext& ctx);
std::optional<RuleOutcome> Target(const Indicator& leaf, const RuleContext& ctx);

}  // namespace jixiao
