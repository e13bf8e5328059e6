// ScoreSelfEval: row weights (printed or derived), the rows, the budget block and the form checks.
#include "scoring/selfeval_score.h"

#include <map>

#include "core/format.h"
#include "core/money.h"
#include "core/text.h"
#include "scoring/selfeval_internal.h"

namespace jixiao {

const char* SeverityLabel(Severity s) {
  switch (s) {
    case Severity::kError: return "错误";
    case Severity::kWarning: return "警告";
    case Severity::kInfo: return "提示";
  }
  return "";
}

bool ScoreAgrees(const Rational& printed, const Rational& exact, SelfEvalRounding rounding) {
  const Rational cent(1, 200);
  if ((printed - exact).Abs() <= cent) return true;
  if ((printed - ApplyRounding(exact, rounding)).Abs() <= cent) return true;
  if (rounding == SelfEvalRounding::kTenth && (printed - exact).Abs() <= Rational(1, 20)) return true;
  return false;
}

Rational PrintedTolerance(const std::string& printed) {
  std::string t = Trim(printed);
  size_t dot = t.find('.');
  if (dot == std::string::npos) return Rational(1, 2);
  int decimals = 0;
  for (size_t i = dot + 1; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) ++decimals;
  Rational tol(1, 2);
  for (int i = 0; i < decimals && i < 6; ++i) tol = tol / Rational(10);
  return tol;
}

std::vector<const Diagnostic*> SelfEvalResult::AllFindings() const {
  std::vector<const Diagnostic*> out;
  for (const auto& d : findings) out.push_back(&d);
  for (const auto& d : budget.findings) out.push_back(&d);
  for (const auto& r : rows)
    for (const auto& d : r.findings) out.push_back(&d);
  return out;
}

size_t SelfEvalResult::Count(Severity s) const {
  size_t n = 0;
  for (const auto* d : AllFindings()) n += d->severity == s;
  return n;
}

namespace selfeval_internal {

void Add(std::vector<Diagnostic>& out, Severity s, const std::string& code, const Location& where,
         const std::string& message) {
  out.push_back({s, code, where, message});
}

std::string Points(const Rational& points) { return FormatPoints(points); }

}  // namespace selfeval_internal

namespace {

using selfeval_internal::Add;

bool NameMatches(const std::string& cell, const SelfEvalCategory& c) {
  std::string t = Trim(cell);
  if (t.empty()) return false;
  if (t == c.name || t.find(c.name) != std::string::npos) return true;
  for (const auto& s : c.synonyms)
    if (t == s || t.find(s) != std::string::npos) return true;
  return false;
}

// Under the derived modes, each scored row's weight: its group's points split equally.
void DeriveWeights(const SelfEvaluation& form, const SelfEvalRules& rules, SelfEvalResult& result) {
  const auto& groups = rules.weight_mode == SelfEvalWeightMode::kCategories ? rules.categories
                                                                            : rules.goal_blocks;
  std::map<int, std::vector<SelfEvalRowResult*>> members;  // group index (-1: all) -> rows
  bool any_named = false;
  for (auto& r : result.rows) {
    if (r.not_applicable) continue;
    int g = -1;
    for (size_t i = 0; i < groups.size(); ++i)
      if (NameMatches(form.rows[r.index].level1.text, groups[i])) g = static_cast<int>(i);
    any_named |= g >= 0;
    members[g].push_back(&r);
  }
  std::string how;
  for (auto& [g, rows] : members) {
    Rational points = g >= 0 ? groups[static_cast<size_t>(g)].points : rules.rows_total;
    if (g < 0 && any_named) points = 0;  // rows outside every named group get nothing
    Rational each = rows.empty() ? Rational(0) : points / Rational(static_cast<int64_t>(rows.size()));
    for (auto* r : rows) r->weight = each;
    how += (how.empty() ? "" : "；") + (g >= 0 ? groups[static_cast<size_t>(g)].name : "全部指标") +
           " " + TrimmedDecimal(points) + "分÷" + std::to_string(rows.size()) + "行=每行" +
           FormatPoints(each);
  }
  Add(result.findings, Severity::kInfo, "selfeval.weight_derived", {form.source, 0, 0, ""},
      "本规则（" + rules.id + "）不按行列分值：各行分值按组均分推得：" + how);
}

}  // namespace

SelfEvalResult ScoreSelfEval(const SelfEvaluation& form, const SelfEvalRules& rules) {
  SelfEvalResult result;
  result.source = form.source;
  result.unit = form.header.unit.text;
  result.project = form.header.project.text;
  result.rules_id = rules.id;
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const SelfEvalRow& row = form.rows[i];
    if (row.template_row) {
      if (row.score.value || !Trim(row.score.text).empty())
        Add(result.findings, Severity::kInfo, "selfeval.template_row", row.score.where,
            "模板行“" + row.level3.text + "”填有得分“" + row.score.text + "”，不计分；请删去模板行");
      continue;
    }
    SelfEvalRowResult r;
    r.index = i;
    r.line = row.line;
    r.indicator = row.level3.text;
    r.not_applicable = row.not_applicable;
    r.weight = row.weight.value;
    r.claimed = row.score.value;
    // An unreadable 分值/得分 is the reader's located error (app/ puts it first in the findings).
    result.rows.push_back(r);
  }
  const bool derived = rules.weight_mode == SelfEvalWeightMode::kCategories ||
                       rules.weight_mode == SelfEvalWeightMode::kGoalBlocks;
  if (derived) DeriveWeights(form, rules, result);
  selfeval_internal::ScoreBudget(form.budget, rules, result.budget);
  const bool budget_scored = result.budget.present && result.budget.weight &&
                             !result.budget.weight->IsZero();
  for (auto& r : result.rows) {
    const SelfEvalRow& row = form.rows[r.index];
    if (r.not_applicable) {
      Add(r.findings, Severity::kInfo, "selfeval.not_applicable", row.score.where,
          "指标“" + row.level3.text + "”不适用" +
              (derived ? "，不计分，本组分值由其余指标均分"
               : r.weight ? "，分值" + FormatPoints(*r.weight) +
                                (rules.rescale_not_applicable ? "扣除后总分按百分制折算" : "不计")
                          : ""));
      continue;
    }
    if (!r.weight && !derived)
      Add(r.findings, Severity::kError, "selfeval.weight_missing", row.weight.where,
          "指标“" + row.level3.text + "”未填" +
              (rules.weight_mode == SelfEvalWeightMode::kWeightColumn ? "权重" : "分值") +
              "，无法计分；请填写分值");
    selfeval_internal::ScoreRow(row, rules, budget_scored, r);
  }
  selfeval_internal::CheckForm(form, rules, result);
  return result;
}

}  // namespace jixiao
