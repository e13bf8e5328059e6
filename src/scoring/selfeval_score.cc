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
    case Severity::kError:
      return "错误";
    case Severity::kWarning:
      return "警告";
    case Severity::kInfo:
      return "提示";
  }
  return "";
}

bool ScoreAgrees(const Rational& printed, const Rational& exact, SelfEvalRounding rounding) {
  const Rational cent(1, 200);
  if ((printed - exact).Abs() <= cent) return true;
  if ((printed - ApplyRounding(exact, rounding)).Abs() <= cent) return true;
  if (rounding == SelfEvalRounding::kTenth && (printed - exact).Abs() <= Rational(1, 20))
    return true;
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

// 产出 0, 效益 1, 满意度 2, else -1: the order goal blocks repeat their 一级 in.
int CategoryOrder(const std::string& level1) {
  if (level1.find("产出") != std::string::npos) return 0;
  if (level1.find("效益") != std::string::npos) return 1;
  if (level1.find("满意度") != std::string::npos) return 2;
  return -1;
}

// The goal block of each form row: the block its 一级 names, else a new block each time the
// 一级 sequence starts again (产出 … 满意度, then 产出); -1 when the form shows no blocks.
std::vector<int> GoalBlockOf(const SelfEvaluation& form, const SelfEvalRules& rules) {
  std::vector<int> named(form.rows.size(), -1), by_order(form.rows.size(), 0);
  bool any_named = false;
  int block = 0, last = -1;
  for (size_t i = 0; i < form.rows.size(); ++i) {
    for (size_t g = 0; g < rules.goal_blocks.size(); ++g)
      if (NameMatches(form.rows[i].level1.text, rules.goal_blocks[g]))
        named[i] = static_cast<int>(g);
    any_named |= named[i] >= 0;
    int order = CategoryOrder(form.rows[i].level1.text);
    if (order >= 0 && order < last) ++block;
    if (order >= 0) last = order;
    by_order[i] = block;
  }
  if (any_named) return named;
  if (block + 1 == static_cast<int>(rules.goal_blocks.size()) && block > 0) return by_order;
  return std::vector<int>(form.rows.size(), -1);
}

// Under the derived modes, each scored row's weight. kCategories: the category's points split
// equally. kGoalBlocks (no per-row 分值): a met row weighs what it printed (the form gives no
// other evidence), the rest of the block's points are split equally over its other rows.
void DeriveWeights(const SelfEvaluation& form, const SelfEvalRules& rules, SelfEvalResult& result) {
  const bool blocks = rules.weight_mode == SelfEvalWeightMode::kGoalBlocks;
  std::vector<int> block_of = blocks ? GoalBlockOf(form, rules) : std::vector<int>();
  std::map<int, std::vector<SelfEvalRowResult*>> members;  // group index (-1: all) -> rows
  bool any_named = false;
  for (auto& r : result.rows) {
    if (r.not_applicable) continue;
    int g = -1;
    if (blocks) {
      g = block_of[r.index];
    } else {
      for (size_t i = 0; i < rules.categories.size(); ++i)
        if (NameMatches(form.rows[r.index].level1.text, rules.categories[i]))
          g = static_cast<int>(i);
    }
    any_named |= g >= 0;
    members[g].push_back(&r);
  }
  const auto& groups = blocks ? rules.goal_blocks : rules.categories;
  std::string how;
  for (auto& [g, rows] : members) {
    Rational points = g >= 0 ? groups[static_cast<size_t>(g)].points : rules.rows_total;
    if (g < 0 && any_named) points = 0;  // rows outside every named group get nothing
    std::vector<SelfEvalRowResult*> rest;
    Rational left = points;
    for (auto* r : rows) {
      const SelfEvalRow& row = form.rows[r->index];
      auto reading = ReadActual(row.parsed_target.value, row.actual.text);
      bool met = reading.attainment && *reading.attainment == Attainment::kMet;
      if (blocks && met && r->claimed && *r->claimed <= left) {
        r->weight = *r->claimed;
        left -= *r->claimed;
      } else {
        rest.push_back(r);
      }
    }
    if (blocks && rest.empty() && left > Rational(0) && g >= 0) {
      // All met, points missing: weights are whole points on every published form, so when
      // exactly one met row prints a fraction (19.6) and the shortfall makes it whole (20), that
      // row lost the points; otherwise the block as a whole is warned.
      SelfEvalRowResult* odd = nullptr;
      int odd_count = 0;
      for (auto* r : rows)
        if (r->weight && r->weight->den() != 1) odd = r, ++odd_count;
      if (odd_count == 1 && (*odd->weight + left).den() == 1) {
        odd->weight = *odd->weight + left;
        left = 0;
      } else {
        Add(result.findings, Severity::kWarning, "selfeval.lost_marks_no_reason",
            {form.source, 0, 0, groups[static_cast<size_t>(g)].name},
            groups[static_cast<size_t>(g)].name + "各指标均已达成，打印得分合计" +
                FormatPoints(points - left) + "，比该目标分值" + FormatPoints(points) + "少" +
                FormatPoints(left) + "，未说明扣分原因；请补写原因或给满分");
      }
    }
    // The rows left print scores that add up to exactly the points left (保山 2022: 20 + 10 of 30):
    // nothing was deducted, so those scores are the weights; else the points are shared evenly.
    Rational printed_rest = 0;
    bool all_printed = !rest.empty() && left > Rational(0);
    for (auto* r : rest) {
      all_printed = all_printed && r->claimed;
      if (r->claimed) printed_rest += *r->claimed;
    }
    const bool as_printed = all_printed && printed_rest == left;
    Rational each = rest.empty() ? Rational(0) : left / Rational(static_cast<int64_t>(rest.size()));
    for (auto* r : rest) r->weight = as_printed ? *r->claimed : each;
    how += (how.empty() ? "" : "；") + (g >= 0 ? groups[static_cast<size_t>(g)].name : "全部指标") +
           " " + TrimmedDecimal(points) + "分";
    if (rows.size() != rest.size())
      how += "，已达成的" + std::to_string(rows.size() - rest.size()) + "行按打印得分计";
    if (as_printed)
      how += "，其余" + std::to_string(rest.size()) + "行的打印得分之和恰为余下的" +
             TrimmedDecimal(left) + "分，按打印得分计";
    else if (!rest.empty())
      how += "，其余" + TrimmedDecimal(left) + "分÷" + std::to_string(rest.size()) + "行=每行" +
             FormatPoints(each);
  }
  Add(result.findings, Severity::kInfo, "selfeval.weight_derived", {form.source, 0, 0, ""},
      "本规则（" + rules.id + "）不按行列分值，各行分值按规则推得：" + how);
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
            (Trim(row.level3.text).empty()
                 ? "空白指标行（" + (row.level2.text.empty() ? row.level1.text : row.level2.text) +
                       "下，未填三级指标）"
                 : "模板行“" + row.level3.text + "”") +
                "填有得分“" + row.score.text + "”，不计分；请删去该行，或填写指标后再评分");
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
  const bool budget_scored =
      result.budget.present && result.budget.weight && !result.budget.weight->IsZero();
  for (auto& r : result.rows) {
    const SelfEvalRow& row = form.rows[r.index];
    if (r.not_applicable) {
      Add(r.findings, Severity::kInfo, "selfeval.not_applicable", row.score.where,
          "指标“" + row.level3.text + "”不适用" +
              (derived    ? "，不计分，本组分值由其余指标均分"
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
    selfeval_internal::ScoreRow(row, rules, budget_scored ? &form.budget : nullptr, r);
  }
  selfeval_internal::CheckForm(form, rules, result);
  return result;
}

}  // namespace jixiao
