// The eight rule types of DESIGN.md §3, each turning a leaf's rule plus the case into an exact
// score, the 业绩值, deduction lines with reasons, and the evidence (metric values, formula).
// Contract: pure; a rule that needs data the case lacks reports a located error and yields
// nullopt, never a silent zero. Scores are exact rationals in [0, weight]; rounding happens later.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao {

struct RuleContext {
  const Framework& framework;
  const Case& c;
  const std::map<std::string, ResolvedMetric>& metrics;
  Diagnostics& diags;
};

struct RuleOutcome {
  Rational score;  // exact, before case findings' extra deductions and overrides
  std::string value;
  std::vector<DeductionLine> deductions;
  std::string evidence;
  std::string formula;
  std::string arithmetic;          // exact fractions: "3 × 3/4 = 9/4"
  std::vector<TrailInput> inputs;  // every input as read, with unit and source
};

std::optional<RuleOutcome> EvaluateRule(const Indicator& leaf, const RuleContext& ctx);

// An evaluator's deduction as points of this leaf: shares ("25%", "2/3") times the weight.
DeductionLine ResolveDeduction(const CaseDeduction& d, Score weight);

// Deductions typed for a leaf that add up to more than it can lose (`limit`: the weight, or what
// the rule gave) are counted as `limit`; said at the first deduction, issue 21: "指标 A11
// 扣分合计4分超过本指标分值3分，按3分计".
void WarnCapped(const std::string& code, const Rational& taken, const Rational& limit,
                const std::string& limit_name, const std::vector<CaseDeduction>& deductions,
                const std::vector<DeductionLine>& lines, Diagnostics& diags);

// The rule and its parameters in Chinese, for `score --explain`.
std::string DescribeRule(const Rule& rule, Score weight);

// Whether a rule on `metric` compares |value| when it does not say: true for 预算调整率 only.
bool MetricIsAbsoluteByDefault(const std::string& metric);

}  // namespace jixiao
