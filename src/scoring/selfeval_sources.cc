// The budget block scored by 资金来源 when the rule set gives each source its own 分值
// (budget.sources with points): Σ min(source 执行率, 100%) × 分值.
#include "core/format.h"
#include "core/text.h"
#include "scoring/selfeval_internal.h"

namespace jixiao::selfeval_internal {
namespace {

std::string Bare(std::string name) {
  for (const char* prefix : {"其中：", "其中:", "其中"})
    if (StartsWith(name, prefix)) return Trim(name.substr(std::string(prefix).size()));
  return Trim(name);
}

bool Names(const SelfEvalSourceRule& rule, const std::string& printed) {
  if (printed.find(rule.name) != std::string::npos) return true;
  for (const auto& s : rule.synonyms)
    if (!s.empty() && printed.find(s) != std::string::npos) return true;
  return false;
}

}  // namespace

Rational ScoreSources(const SelfEvalBudget& b, const SelfEvalRules& rules, std::string& parts,
                      std::vector<Diagnostic>& f) {
  Rational total(0);
  const Location block{b.full_year.where.file, b.line, 0, "预算执行"};
  for (const auto& rule : rules.budget.sources) {
    const Rational points = rule.points.value_or(Rational(0));
    const FundingSource* found = nullptr;
    for (const auto& s : b.sources)
      if (Names(rule, Bare(s.name.text))) found = &s;
    std::string part;
    Rational exact(0);
    if (!found) {
      Add(f, Severity::kWarning, "selfeval.source_missing", block,
          "规则（" + rules.id + "）按资金来源分别计分，自评表未列“" + rule.name + "”（分值" +
              Points(points) + "），按0分计；请补列该资金来源");
      part = rule.name + "未列";
    } else if (!found->full_year.value || !found->executed.value ||
               found->full_year.value->fen <= 0) {
      part = Bare(found->name.text) + "无法计算执行率";  // blank or 0: scored 0, cells warn
    } else {
      Rational rate = Rational(found->executed.value->fen, found->full_year.value->fen);
      if (rules.budget.cap) rate = Min(rate, Rational(1));
      exact = rate * points;
      part = Bare(found->name.text) + FormatRateOf(rate) + "×" + TrimmedDecimal(points);
      if (found->score.value && !ScoreAgrees(*found->score.value, exact, rules.rounding)) {
        const bool above = *found->score.value > exact;
        Add(f, above ? Severity::kError : Severity::kWarning,
            above ? "selfeval.score_above_rule" : "selfeval.score_below_rule", found->score.where,
            "资金来源“" + Bare(found->name.text) + "”得分" + (above ? "高于" : "低于") +
                "规则：打印" + Points(*found->score.value) + "，按执行率×分值计算为" +
                Points(ApplyRounding(exact, rules.rounding)) + "（" + part + "）");
      }
    }
    total += exact;
    parts += (parts.empty() ? "" : "＋") + part;
  }
  return total;
}

}  // namespace jixiao::selfeval_internal
