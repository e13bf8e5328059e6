// The 自评表 scorer and 复核 checks: recomputes every score of a SelfEvaluation under a rule set,
// exactly, and lists what a reviewer finds, each finding located and in Chinese with the printed
// and the computed figure side by side (docs/selfeval.md, "Findings").
// Contract: pure (no I/O, no formatting choices beyond the one formatter in messages); never
// throws on any form the reader returns; a score it cannot compute (an 实际完成值 it cannot read)
// is nullopt and the total then takes the printed score, saying so in a finding.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/rational.h"
#include "model/selfeval.h"
#include "model/selfeval_rules.h"

namespace jixiao {

struct SelfEvalRowResult {
  size_t index = 0;  // into SelfEvaluation::rows
  int line = 0;
  std::string indicator;
  bool not_applicable = false;
  std::optional<Rational> weight;    // the weight that scores: printed, or derived by the rules
  std::optional<Rational> claimed;   // printed 得分
  std::optional<Rational> computed;  // by the rule, rounded as the rule set says
  std::string how;                   // "实际/目标×分值 = 80/100×10"
  std::vector<Diagnostic> findings;
};

struct SelfEvalBudgetResult {
  bool present = false;
  std::optional<Rational> rate;  // percent number, exact: 全年执行数/全年预算数×100
  std::optional<Rational> weight, claimed, computed;
  std::vector<Diagnostic> findings;
};

struct SelfEvalResult {
  std::string source, unit, project, rules_id;
  std::optional<Rational> claimed_total, computed_total;
  std::string claimed_grade, computed_grade;
  std::vector<Diagnostic> findings;  // form level
  SelfEvalBudgetResult budget;
  std::vector<SelfEvalRowResult> rows;  // every row but template rows, in form order
  // Every finding (form, budget, rows), and counts by severity.
  std::vector<const Diagnostic*> AllFindings() const;
  size_t Count(Severity s) const;
};

SelfEvalResult ScoreSelfEval(const SelfEvaluation& form, const SelfEvalRules& rules);

// Whether a printed score agrees with the exact one under the rule set's rounding: within 0.005
// of the exact value or of its rounded value (0.1: within 0.05; whole_down: the floor).
bool ScoreAgrees(const Rational& printed, const Rational& exact, SelfEvalRounding rounding);

// Half a unit of the last decimal printed: "80.4%" → 0.05, "86" → 0.5, "85.60" → 0.005.
Rational PrintedTolerance(const std::string& printed);

// 错误 / 警告 / 提示.
const char* SeverityLabel(Severity s);

}  // namespace jixiao
