// Whether a 自评表's own weights fit a rule set: the 一级 block weights the form prints (the
// "（40分）" of a 产出指标 heading, else the sum of its rows' 分值) and its budget 分值, against
// the set's categories and budget points. Used to choose a shipped set by the form's layout when
// none was named, and to say which set would fit when the named one does not (issue 24). Contract:
// pure; only rule sets scored by printed weights (分值 or 权重 column) are compared.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/selfeval.h"
#include "model/selfeval_rules.h"

namespace jixiao {

struct FormBlockWeight {
  std::string category;  // the rule's category name (产出指标)
  Rational points;
  Location where;  // the heading or first row's 一级 cell
};

// The form's block weights by `rules`' categories (a category the form has no row of is left
// out); empty when the rule set has no categories or the form prints no weights.
std::vector<FormBlockWeight> FormBlockWeights(const SelfEvaluation& form,
                                              const SelfEvalRules& rules);

// Whether `rules` weighs rows by printed weights and names categories (else nothing to compare).
bool SelfEvalRulesCompareWeights(const SelfEvalRules& rules);

// Whether the form's weights fit: every category's block weight equal to the set's, and the budget
// 分值 printed equal to the set's (when not printed: blocks + the set's budget points = 100).
// A form whose weights cannot be compared (no categories, no printed weights) fits.
bool SelfEvalRulesFit(const SelfEvaluation& form, const SelfEvalRules& rules);

// A form whose rows' printed 分值 total 100 and whose budget block prints no 分值 (the 中央转移支付
// layout: 产出50/效益30/满意度20, 预算执行只列不计分) under a printed-weights set that scores the
// budget: that set with the budget not scored and the form's own block weights, its id ending in
// kBudgetUnscored; nullopt otherwise. Applied when no rule set was named (trial 3 item 5).
inline constexpr char kBudgetUnscored[] = "+预算不计分";
std::optional<SelfEvalRules> BudgetUnscoredRules(const SelfEvaluation& form,
                                                 const SelfEvalRules& rules);

// "产出指标40分、效益指标40分、满意度指标20分，预算执行未列分值" as the form prints them.
std::string FormWeightsText(const SelfEvaluation& form, const SelfEvalRules& rules);
// "产出指标50分、效益指标30分、满意度指标10分，预算执行10分" as the rule set gives them.
std::string RulesWeightsText(const SelfEvalRules& rules);

}  // namespace jixiao
