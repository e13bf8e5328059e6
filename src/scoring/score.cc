#include "scoring/score.h"

#include <cctype>

#include "core/format.h"
#include "core/quantity.h"
#include "scoring/checks.h"
#include "scoring/metrics.h"
#include "scoring/not_applicable.h"
#include "scoring/rules.h"

namespace jixiao {

std::string DeductionSentence(Score weight, const Rational& exact_score, Score rounded) {
  Score lost = weight - rounded;
  // Issue 23: short of full marks by less than half a hundredth (99.96% of "=100%"): said so.
  if (lost.hundredths == 0 && exact_score < weight.ToRational())
    return "根据评分标准，得分 = " + FormatExactDecimal(exact_score) + "分，按0.01分四舍五入为" +
           FormatScore(rounded) + "，差额不足0.005分，不扣分。";
  if (lost.hundredths == 0) return "根据评分标准，不扣分。";
  std::string text = "根据评分标准，";
  if (weight.hundredths > 0) {
    Rational share = (weight.ToRational() - exact_score) / weight.ToRational();
    std::string shown = FormatShare(share);
    // Shares are how criteria are written (25%, 2/3); other fractions (7/12) read better as points.
    if (shown.back() == '%' || share.den() == 3) text += "扣权重的" + shown + "，";
  }
  return text + "扣" + FormatScore(lost) + "。";
}

namespace {

// Issue 23 §6: a typed 业绩值 ("97%") that differs from the figure the rule computed ("98.74%")
// at the typed precision is warned, with both figures, at the finding.
void CheckTypedValue(const std::string& code, const Finding& f, const std::string& computed,
                     Diagnostics& diags) {
  if (!f.value || computed.empty()) return;
  QuantityParse typed = ParseQuantity(*f.value), ours = ParseQuantity(computed);
  if (!typed.quantity || !ours.quantity || ours.quantity->unit.empty()) return;
  auto factor =
      UnitFactor(typed.quantity->unit.empty() ? ours.quantity->unit : typed.quantity->unit,
                 ours.quantity->unit);
  if (!factor) return;
  int decimals = 0;
  if (size_t dot = f.value->find('.'); dot != std::string::npos)
    while (dot + 1 + static_cast<size_t>(decimals) < f.value->size() &&
           std::isdigit(
               static_cast<unsigned char>((*f.value)[dot + 1 + static_cast<size_t>(decimals)])))
      ++decimals;
  const Rational as_typed = typed.quantity->value * *factor;
  if (as_typed.RoundScaled(decimals) == ours.quantity->value.RoundScaled(decimals)) return;
  diags.Warning("finding.value_differs", f.where,
                "指标 " + code + " 填写的业绩值“" + *f.value + "”与按数据计算的“" + computed +
                    "”不一致：请核对，改为计算值或在分析中说明差异");
}

class Scorer {
 public:
  Scorer(const Framework& fw, const Case& c, Diagnostics& diags, Scorecard& card,
         const Framework& weighted, const std::map<std::string, Score>& not_applicable,
         const NotApplicableNotes& notes)
      : fw_(fw),
        c_(c),
        diags_(diags),
        card_(card),
        weighted_(weighted),
        not_applicable_(not_applicable),
        notes_(notes) {}

  Score Node(const Indicator& node, int parent) {
    int index = static_cast<int>(card_.indicators.size());
    card_.indicators.push_back({});
    IndicatorResult r;
    r.code = node.code;
    r.name = node.name;
    r.level = node.level;
    r.parent = parent;
    r.weight = weighted_.Find(node.code)->weight;  // node.weight unless 不适用 moved weight
    r.leaf = node.IsLeaf();
    if (auto note = notes_.leaves.find(node.code); note != notes_.leaves.end())
      r.weight_note = note->second;
    if (r.leaf) {
      Leaf(node, r);
    } else {
      for (const auto& child : node.children) r.score += Node(child, index);
    }
    Score score = r.score;
    card_.indicators[static_cast<size_t>(index)] = std::move(r);
    return score;
  }

 private:
  void Leaf(const Indicator& node, IndicatorResult& r) {
    r.rule_type = RuleTypeName(node.rule->type);
    if (auto na = not_applicable_.find(node.code); na != not_applicable_.end()) {
      r.not_applicable_weight = na->second;
      r.value = "不适用";
      r.rule_text = DescribeRule(*node.rule, na->second);
      const std::string where = fw_.not_applicable_within_level1
                                    ? "在所属一级指标内按分值比例调剂至其他适用指标"
                                    : "按百分制折算，按分值比例计入其他适用指标";
      r.evidence = "该指标不适用，原分值" + FormatScore(na->second) + "不计入评分，" + where;
      r.sentence = "该指标不适用，不扣分；原分值" + FormatScore(na->second) + where + "。";
      r.summary = "该指标不适用（原分值" + FormatScore(na->second) + "），" + where + "。";
      r.arithmetic = "不适用：分值 " + FormatScore(na->second) + " → 0";
      return;
    }
    RuleContext ctx{fw_, c_, card_.metrics, diags_};
    auto outcome = EvaluateRule(node, ctx);
    if (!outcome) return;  // error already reported; the scorecard will not be published
    auto it = c_.findings.find(node.code);
    const Finding* f = it == c_.findings.end() ? nullptr : &it->second;
    Rational exact = outcome->score;
    r.deductions = outcome->deductions;
    r.rule_text = DescribeRule(*node.rule, node.weight);
    r.inputs = outcome->inputs;
    r.arithmetic = outcome->arithmetic;
    if (f) {
      for (size_t i = 0; i < f->deductions.size(); ++i) {
        const CaseDeduction& d = f->deductions[i];
        r.inputs.push_back({"findings." + node.code + ".deductions[" + std::to_string(i) + "]",
                            "扣" + d.amount.Describe(node.weight.ToRational()) + "：" + d.reason,
                            d.where.ToString()});
      }
    }
    // Findings may add deductions to any non-deduction rule (扣分 beyond the rule itself).
    if (f && node.rule->type != RuleType::kDeduction && !f->deductions.empty()) {
      std::string terms;
      Rational taken;
      for (const auto& d : f->deductions) {
        r.deductions.push_back(ResolveDeduction(d, node.weight));
        exact -= r.deductions.back().points;
        taken += r.deductions.back().points;
        terms += " − " + r.deductions.back().points.ToString();
      }
      if (outcome->score < taken)
        WarnCapped(node.code, taken, outcome->score, "按评分标准所得", f->deductions, r.deductions,
                   diags_);
      exact = Max(Rational(0), exact);
      r.arithmetic += "；另扣 findings：max(0, " + outcome->score.ToString() + terms +
                      ") = " + exact.ToString();
    }
    // Weight moved here from a 不适用 leaf: the leaf is scored on its declared weight (levels and
    // deductions in points keep their meaning), then scaled exactly to its new weight.
    if (r.weight != node.weight && node.weight.hundredths > 0) {
      const Rational factor = r.weight.ToRational() / node.weight.ToRational();
      r.arithmetic += "；不适用指标分值折算：" + exact.ToString() + " × " +
                      FormatScoreNumber(r.weight) + "/" + FormatScoreNumber(node.weight) + " = " +
                      (exact * factor).ToString();
      exact = exact * factor;
    }
    r.exact = exact;
    if (f) CheckTypedValue(node.code, *f, outcome->value, diags_);
    r.value = f && f->value ? *f->value : outcome->value;
    // A leaf scored on a percentage shows it as its 业绩值, not the evaluator's level word (B222
    // “有效” scored on 96.44%): the word stays in the analysis.
    auto percentage = [](const std::string& t) {
      return !t.empty() && t.back() == '%' &&
             t.find_first_not_of("0123456789.%") == std::string::npos;
    };
    auto has_digit = [](const std::string& t) {
      return t.find_first_of("0123456789") != std::string::npos;
    };
    if (f && f->value && percentage(outcome->value) && !has_digit(*f->value))
      r.value = outcome->value;
    r.evidence = outcome->evidence;
    r.formula = outcome->formula;
    r.score = Score::Round(exact);
    if (fw_.whole_points_down && exact.den() != 1) {  // "rounding": "whole_down"
      r.score = Score{(exact.num() / exact.den()) * 100};
      r.arithmetic += "；按整分向下取整：" + exact.ToString() + " → " + FormatScore(r.score);
    }
    r.sentence = DeductionSentence(r.weight, exact, r.score);
    if (f && f->override_score) {
      const ScoreOverride& o = *f->override_score;
      if (node.weight < o.score || o.score.hundredths < 0) {
        diags_.Error("finding.override_range", o.where,
                     "调整后得分" + FormatScore(o.score) + "超出该指标分值范围 0–" +
                         FormatScore(node.weight));
        return;
      }
      r.override_reason = o.reason;
      r.inputs.push_back({"findings." + node.code + ".override",
                          FormatScore(o.score) + "（" + o.reason + "）", o.where.ToString()});
      r.sentence = "按评分标准计算得" + FormatScore(r.score) + "，评价小组调整为" +
                   FormatScore(o.score) + "，理由：" + o.reason + "。";
      r.score = o.score;
    }
    r.summary =
        "该指标满分" + FormatScore(r.weight) + "，根据评分标准得" + FormatScore(r.score) + "。";
  }

  const Framework& fw_;
  const Case& c_;
  Diagnostics& diags_;
  Scorecard& card_;
  const Framework& weighted_;
  const std::map<std::string, Score>& not_applicable_;
  const NotApplicableNotes& notes_;
};

}  // namespace

Scorecard ScoreCase(const Framework& fw, const Case& c, Diagnostics& diags) {
  Diagnostics local;
  Scorecard card;
  card.case_id = c.id;
  card.framework_id = fw.id;
  card.framework_title = fw.title;
  card.total_weight = fw.total;
  card.metrics = ResolveMetrics(fw, c, local);
  CheckCase(fw, c, local);
  std::map<std::string, Score> not_applicable;
  NotApplicableNotes notes;
  const Framework weighted = ApplyNotApplicable(fw, c, not_applicable, local, &notes);
  card.not_applicable_notes = notes.scopes;
  Scorer scorer(fw, c, local, card, weighted, not_applicable, notes);
  for (const auto& top : fw.indicators) card.total += scorer.Node(top, -1);
  card.grade = fw.GradeFor(card.total);
  VerifyScorecard(weighted, card, local);
  CheckShortfallScoredTwice(fw, card, local);
  card.checks = local.items();
  diags.Append(local);
  return card;
}

void VerifyScorecard(const Framework& fw, const Scorecard& card, Diagnostics& diags) {
  std::vector<Score> child_sums(card.indicators.size());
  Score top_sum;
  for (const auto& r : card.indicators) {
    if (r.parent >= 0)
      child_sums[static_cast<size_t>(r.parent)] += r.score;
    else
      top_sum += r.score;
    if (r.score.hundredths < 0 || r.weight < r.score) {
      diags.Error(
          "score.range", {card.case_id, 0, 0, r.code},
          "指标“" + r.code + "”得分" + FormatScore(r.score) + "超出分值" + FormatScore(r.weight));
    }
  }
  for (size_t i = 0; i < card.indicators.size(); ++i) {
    const auto& r = card.indicators[i];
    if (!r.leaf && child_sums[i] != r.score) {
      diags.Error("score.parent_sum", {card.case_id, 0, 0, r.code},
                  "指标“" + r.code + "”得分" + FormatScore(r.score) + "与下级指标得分之和" +
                      FormatScore(child_sums[i]) + "不一致");
    }
  }
  if (top_sum != card.total) {
    diags.Error(
        "score.total_sum", {card.case_id, 0, 0, "total"},
        "总分" + FormatScore(card.total) + "与一级指标得分之和" + FormatScore(top_sum) + "不一致");
  }
  if (fw.GradeFor(card.total) != card.grade) {
    diags.Error("score.grade", {card.case_id, 0, 0, "grade"},
                "总分" + FormatScore(card.total) + "应评为“" + fw.GradeFor(card.total) +
                    "”，而非“" + card.grade + "”");
  }
}

}  // namespace jixiao
