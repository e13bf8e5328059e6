// Pieces of the 自评表 scorer shared between its files (not for other modules).
// Contract: as scoring/selfeval_score.h; pure.
#pragma once

#include <string>

#include "scoring/selfeval_score.h"

namespace jixiao::selfeval_internal {

void Add(std::vector<Diagnostic>& out, Severity s, const std::string& code, const Location& where,
         const std::string& message);
std::string Points(const Rational& points);  // "8.04分"
// Scores one non-template row with its weight already set; fills computed, how and findings.
// `budget` is the form's budget block when the rule set scores it (else nullptr).
void ScoreRow(const SelfEvalRow& row, const SelfEvalRules& rules, const SelfEvalBudget* budget,
              SelfEvalRowResult& out);
void ScoreBudget(const SelfEvalBudget& budget, const SelfEvalRules& rules,
                 SelfEvalBudgetResult& out);
// The block's exact score when the rule set scores each 资金来源 (budget.SourcesScored()):
// Σ min(source 执行率, 100%) × its 分值; `parts` gets "中央资金100.00%×6＋…". A source's printed
// 得分 off its own rule and a scored source the form does not print (0 points) are findings.
Rational ScoreSources(const SelfEvalBudget& budget, const SelfEvalRules& rules, std::string& parts,
                      std::vector<Diagnostic>& findings);
// Weight sum, category split, 总分 against its cells and the computed total, 等级.
void CheckForm(const SelfEvaluation& form, const SelfEvalRules& rules, SelfEvalResult& result);

}  // namespace jixiao::selfeval_internal
