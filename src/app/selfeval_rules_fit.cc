#include "app/selfeval_rules_fit.h"

#include <cctype>

#include "core/format.h"
#include "core/text.h"

namespace jixiao {
namespace {

bool InCategory(const std::string& level1, const SelfEvalCategory& c) {
  if (level1.find(c.name) != std::string::npos) return true;
  for (const auto& s : c.synonyms)
    if (!s.empty() && level1.find(s) != std::string::npos) return true;
  return false;
}

// The points a heading prints: "产出指标（40分）" → 40; nullopt without a number before 分.
std::optional<Rational> HeadingPoints(const std::string& text) {
  static const std::string kFen = "分";
  for (size_t at = text.find(kFen); at != std::string::npos; at = text.find(kFen, at + 1)) {
    size_t begin = at;
    while (begin > 0 &&
           (std::isdigit(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.'))
      --begin;
    if (begin < at) return Rational::Parse(text.substr(begin, at - begin));
  }
  return std::nullopt;
}

}  // namespace

bool SelfEvalRulesCompareWeights(const SelfEvalRules& rules) {
  return (rules.weight_mode == SelfEvalWeightMode::kPrinted ||
          rules.weight_mode == SelfEvalWeightMode::kWeightColumn) &&
         !rules.categories.empty();
}

std::vector<FormBlockWeight> FormBlockWeights(const SelfEvaluation& form,
                                              const SelfEvalRules& rules) {
  std::vector<FormBlockWeight> out;
  for (const auto& c : rules.categories) {
    std::string level1;  // a blank 一级 cell continues the block above (merged cells)
    std::optional<Rational> heading, sum = Rational(0);
    Location where;
    bool any = false;
    for (const auto& row : form.rows) {
      if (!row.level1.blank()) level1 = row.level1.text;
      if (row.template_row || !InCategory(level1, c)) continue;
      if (!any) {
        heading = HeadingPoints(level1), where = row.level1.where;
        for (const auto& [name, points] : form.block_points)
          if (!heading && InCategory(name, c)) heading = points;
      }
      any = true;
      if (sum && row.weight.value)
        *sum += *row.weight.value;
      else if (!row.not_applicable)
        sum.reset();
    }
    if (!any) continue;
    if (heading)
      out.push_back({c.name, *heading, where});
    else if (sum)
      out.push_back({c.name, *sum, where});
  }
  return out;
}

bool SelfEvalRulesFit(const SelfEvaluation& form, const SelfEvalRules& rules) {
  if (!SelfEvalRulesCompareWeights(rules)) return true;
  const auto blocks = FormBlockWeights(form, rules);
  if (blocks.empty()) return true;
  Rational sum = 0;
  for (const auto& b : blocks) {
    for (const auto& c : rules.categories)
      if (c.name == b.category && c.points != b.points) return false;
    sum += b.points;
  }
  if (form.budget.present && form.budget.weight.value)
    return *form.budget.weight.value == rules.budget.points;
  return blocks.size() < rules.categories.size() || sum + rules.budget.points == Rational(100);
}

std::optional<SelfEvalRules> BudgetUnscoredRules(const SelfEvaluation& form,
                                                 const SelfEvalRules& rules) {
  if (!SelfEvalRulesCompareWeights(rules) || rules.budget.points.IsZero() ||
      (form.budget.present && form.budget.weight.value))
    return std::nullopt;
  Rational rows = 0;
  bool any = false;
  for (const auto& r : form.rows) {
    if (r.template_row) continue;
    if (!r.weight.value) return std::nullopt;  // every row prints its 分值
    rows += *r.weight.value, any = true;
  }
  if (!any || rows != Rational(100)) return std::nullopt;
  SelfEvalRules out = rules;
  out.id = rules.id + kBudgetUnscored;
  out.name = SelfEvalRulesName(rules) + "（预算执行不计分，按表上分值）";
  out.budget.points = 0;
  out.rows_total = 100;
  for (const auto& b : FormBlockWeights(form, rules))
    for (auto& c : out.categories)
      if (c.name == b.category) c.points = b.points;
  return out;
}

std::string FormWeightsText(const SelfEvaluation& form, const SelfEvalRules& rules) {
  std::string out;
  for (const auto& b : FormBlockWeights(form, rules))
    out += (out.empty() ? "" : "、") + b.category + FormatPoints(b.points);
  out += out.empty() ? "" : "，";
  out += form.budget.present && form.budget.weight.value
             ? "预算执行" + FormatPoints(*form.budget.weight.value)
             : "预算执行未列分值";
  return out;
}

std::string RulesWeightsText(const SelfEvalRules& rules) {
  std::string out;
  for (const auto& c : rules.categories)
    out += (out.empty() ? "" : "、") + c.name + FormatPoints(c.points);
  out += out.empty() ? "" : "，";
  return out + (rules.budget.points.IsZero() ? "预算执行不计分"
                                             : "预算执行" + FormatPoints(rules.budget.points));
}

}  // namespace jixiao
