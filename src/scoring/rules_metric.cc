// The metric rules: ratio, bands, linear. A signed metric (预算调整率) is read as |value| unless
// the rule says `absolute: false`; sentences name the direction (调增/调减) and the magnitude.
#include "core/format.h"
#include "model/metric_names.h"
#include "scoring/rules_internal.h"

namespace jixiao {
namespace {

struct RuleMetric {
  ResolvedMetric m;  // value is |value| when absolute
  Rational raw;      // as derived or entered, with its sign
  bool absolute = false;
};

// "调增9.02%"/"调减6.50%" for 预算调整率; the signed value for other metrics.
std::string SignedText(const std::string& metric, const Rational& raw, const std::string& unit) {
  if (metric == "预算调整率" && !raw.IsZero())
    return std::string(raw.IsNegative() ? "调减" : "调增") + FormatQuantity(raw.Abs(), unit);
  return FormatQuantity(raw, unit);
}

std::string Shown(const Rule& rule, const RuleMetric& rm) {
  return SignedText(rule.metric, rm.raw, rm.m.unit);
}

// "预算调整率为9.02%（调增）", "预算调整率为6.50%（调减，按绝对值评分）"; other metrics with their
// signed value.
std::string Reading(const Rule& rule, const RuleMetric& rm) {
  if (rule.metric == "预算调整率" && rm.absolute && !rm.raw.IsZero())
    return rule.metric + "为" + FormatQuantity(rm.raw.Abs(), rm.m.unit) +
           (rm.raw.IsNegative() ? "（调减，按绝对值评分）" : "（调增）");
  std::string text = rule.metric + "为" + Shown(rule, rm);
  if (rm.absolute && rm.raw.IsNegative())
    text += "（按绝对值" + FormatQuantity(rm.m.value, rm.m.unit) + "评分）";
  else if (rm.absolute && rule.metric != "预算调整率")
    text += "（按绝对值评分）";
  return text;
}

// Where the value lies, as 评分标准 state a band, with both bounds where the bands give them:
// "在5.00%～10.00%（含）之间", "在80.00%（含）～90.00%之间", "不低于90.00%", "超过20.00%". Bands
// are tried in order, so the band before the matched one gives the other bound. Empty for "=".
std::string BandRange(const std::vector<Band>& bands, size_t k, const std::string& unit) {
  auto q = [&](const Rational& v) { return FormatQuantity(v, unit); };
  const Band& b = bands[k];
  const Band* prev = k > 0 ? &bands[k - 1] : nullptr;
  auto is = [](const Band* band, std::initializer_list<CompareOp> ops) {
    if (!band) return false;
    for (CompareOp op : ops)
      if (band->op == op) return true;
    return false;
  };
  using Op = CompareOp;
  switch (b.op) {
    case Op::kEq:
      return "";
    case Op::kDefault:
      if (is(prev, {Op::kLe})) return "超过" + q(prev->value);
      if (is(prev, {Op::kLt})) return "不低于" + q(prev->value);
      if (is(prev, {Op::kGe})) return "低于" + q(prev->value);
      if (is(prev, {Op::kGt})) return "不高于" + q(prev->value);
      return "";
    case Op::kLe:
    case Op::kLt: {
      if (!is(prev, {Op::kLe, Op::kLt, Op::kEq}) || !(prev->value < b.value))
        return (b.op == Op::kLe ? "不高于" : "低于") + q(b.value);
      return "在" + q(prev->value) + (prev->op == Op::kLt ? "（含）" : "") + "～" + q(b.value) +
             (b.op == Op::kLe ? "（含）" : "") + "之间";
    }
    case Op::kGe:
    case Op::kGt: {
      if (!is(prev, {Op::kGe, Op::kGt, Op::kEq}) || !(b.value < prev->value))
        return (b.op == Op::kGe ? "不低于" : "高于") + q(b.value);
      return "在" + q(b.value) + (b.op == Op::kGe ? "（含）" : "") + "～" + q(prev->value) +
             (prev->op == Op::kGt ? "（含）" : "") + "之间";
    }
  }
  return "";
}

// "得满分", "不得分", "得分值的50%".
std::string BandResult(const Rational& fraction) {
  if (fraction == Rational(1)) return "得满分";
  if (fraction.IsZero()) return "不得分";
  return "得分值的" + FormatShare(fraction);
}

TrailInput MetricInput(const Rule& rule, const RuleMetric& rm) {
  TrailInput in;
  in.name = rule.metric;
  in.value = (rm.m.written.empty() ? "" : "填写“" + rm.m.written + "”，读作") + Shown(rule, rm) +
             " = " + Exact(rm.raw) + (rm.m.unit.empty() ? "" : " " + rm.m.unit);
  if (rm.absolute) in.value += "；规则按绝对值 " + Exact(rm.m.value) + " 计";
  if (rm.m.derived)
    in.source = rm.m.source + "（" + rm.m.formula +
                (rm.m.arithmetic.empty() ? "" : "：" + rm.m.arithmetic) + "）";
  else
    in.source = rm.m.where.ToString() + "（来源：" + rm.m.source + "）";
  return in;
}

std::optional<RuleMetric> Metric(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto it = ctx.metrics.find(rule.metric);
  if (it != ctx.metrics.end()) {
    RuleMetric rm{it->second, it->second.value,
                  rule.absolute.value_or(MetricIsAbsoluteByDefault(rule.metric))};
    if (rm.absolute) rm.m.value = rm.m.value.Abs();
    return rm;
  }
  if (const DerivedMetricInfo* info = FindDerivedMetric(rule.metric)) {
    ctx.diags.Error("rule.missing_file", rule.where,
                    "指标“" + leaf.code + " " + leaf.name + "”按“" + rule.metric +
                        "”评分，该值由 " + info->needs + " 计算，但案例目录 " + ctx.c.dir +
                        " 中没有该文件（或无法计算），请补充");
  } else {
    const DeclaredMetric* declared = ctx.framework.FindMetric(rule.metric);
    ctx.diags.Error("rule.missing_metric", CaseJson(ctx, "$.metrics"),
                    "指标“" + leaf.code + " " + leaf.name + "”需要指标值“" + rule.metric +
                        "”，请在 case.json 的 metrics 中填写 {\"value\": …, \"unit\": \"" +
                        (declared ? declared->unit : "") + "\", \"source\": \"数据来源\"}");
  }
  return std::nullopt;
}

}  // namespace

bool MetricIsAbsoluteByDefault(const std::string& metric) { return metric == "预算调整率"; }

std::optional<RuleOutcome> Ratio(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto rm = Metric(leaf, ctx);
  if (!rm) return std::nullopt;
  const Rational& value = rm->m.value;
  Rational fraction;
  std::string how, exact_how;
  if (rule.direction == Direction::kHigher) {
    fraction = Clamp01(value / rule.target);
    how = "实际值 ÷ 目标值";
    exact_how = "min(1, " + Exact(value) + " ÷ " + Exact(rule.target) + ")";
  } else {
    bool within = value <= rule.target;
    fraction = within ? Rational(1) : Clamp01(rule.target / value);
    how = "目标值 ÷ 实际值";
    exact_how = within ? Exact(value) + " ≤ " + Exact(rule.target) + " → 1"
                       : Exact(rule.target) + " ÷ " + Exact(value);
  }
  std::string target = FormatQuantity(rule.target, rm->m.unit);
  bool met = rule.direction == Direction::kHigher ? !(value < rule.target) : value <= rule.target;
  std::string verdict = rule.direction == Direction::kHigher ? (met ? "，达到" : "，未达到")
                                                             : (met ? "，未超过" : "，超过");
  auto out = FromFraction(leaf, fraction, Shown(rule, *rm),
                          Reading(rule, *rm) + verdict + "目标值" + target);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " × min(1, " + how +
                ") = " + FormatScoreNumber(leaf.weight) + " × " + FormatShare(fraction) + " = " +
                TrimmedDecimal(out.score);
  out.arithmetic = Exact(leaf.weight.ToRational()) + " × " + exact_how + " = " +
                   Exact(leaf.weight.ToRational()) + " × " + Exact(fraction) + " = " +
                   Exact(out.score);
  out.inputs.push_back(MetricInput(rule, *rm));
  return out;
}

std::optional<RuleOutcome> Bands(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto rm = Metric(leaf, ctx);
  if (!rm) return std::nullopt;
  for (size_t k = 0; k < rule.bands.size(); ++k) {
    const Band& band = rule.bands[k];
    if (!Compare(rm->m.value, band.op, band.value)) continue;
    std::string range = BandRange(rule.bands, k, rm->m.unit);
    auto out = FromFraction(leaf, band.fraction, Shown(rule, *rm),
                            Reading(rule, *rm) + (range.empty() ? "" : "，" + range) + "，" +
                                BandResult(band.fraction));
    out.inputs.push_back(MetricInput(rule, *rm));
    out.arithmetic =
        (band.op == CompareOp::kDefault
             ? std::string("无区间匹配，取缺省档")
             : Exact(rm->m.value) + " " + CompareOpSymbol(band.op) + " " + Exact(band.value)) +
        "；" + out.arithmetic;
    return out;
  }
  ctx.diags.Error("rule.no_band", rule.where,
                  "指标“" + leaf.code + "”的" + Reading(rule, *rm) +
                      "，不落在任何评分区间；请补充区间或加一个无 op 的缺省区间");
  return std::nullopt;
}

std::optional<RuleOutcome> Linear(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto rm = Metric(leaf, ctx);
  if (!rm) return std::nullopt;
  const Rational& value = rm->m.value;
  Rational weight = leaf.weight.ToRational();
  Rational gap = rule.direction == Direction::kHigher ? rule.full_at - value : value - rule.full_at;
  gap = Max(Rational(0), gap);
  Rational units = gap / rule.per;
  Rational exact_units = units;
  if (rule.steps != StepMode::kExact && units.den() != 1) {
    int64_t whole = units.num() / units.den();
    units = Rational(rule.steps == StepMode::kStarted ? whole + 1 : whole);
  }
  Rational per_step = rule.deduct.PointsOf(weight);
  Rational deducted = units * per_step;
  RuleOutcome out;
  out.score = Max(Rational(0), weight - deducted);
  out.value = Shown(rule, *rm);
  std::string full = FormatQuantity(rule.full_at, rm->m.unit);
  bool higher = rule.direction == Direction::kHigher;
  std::string step_unit = rm->m.unit == "%" ? "个百分点" : rm->m.unit;
  out.evidence = Reading(rule, *rm) +
                 (gap.IsZero() ? std::string(higher ? "，达到满分标准" : "，未超过满分标准") + full
                               : "，较满分标准" + full + (higher ? "低" : "高"));
  if (!gap.IsZero()) {
    // "预算执行率为97.77%，较满分标准100.00%低2.23个百分点，每低1个百分点扣0.5分"; when the
    // two-decimal gap would not give the deduction (2.23 × 0.5 = 1.12, deducted 1.11), the gap
    // carries the decimals that do: "低2.2287个百分点".
    std::string shown_gap = FormatQuantity(gap, step_unit);
    if (rm->m.unit == "%") {
      Rational target = Min(weight, deducted);
      for (int places = 2; places <= 6; ++places) {
        auto shown = Rational::Parse(gap.ToDecimal(places));
        if (!shown) break;
        Rational u = *shown / rule.per;
        if (rule.steps != StepMode::kExact && u.den() != 1)
          u = Rational(u.num() / u.den() + (rule.steps == StepMode::kStarted ? 1 : 0));
        if (Min(weight, u * per_step).RoundScaled(2) == target.RoundScaled(2)) {
          if (places > 2) shown_gap = gap.ToDecimal(places) + step_unit;
          break;
        }
      }
    }
    out.evidence += shown_gap + "，每" + std::string(higher ? "低" : "高") +
                    TrimmedDecimal(rule.per) + step_unit + "扣" + rule.deduct.Describe(weight);
    out.deductions.push_back({Min(weight, deducted), std::nullopt, out.evidence});
  }
  out.formula = "得分 = max(0, " + FormatScoreNumber(leaf.weight) + " − " + TrimmedDecimal(units) +
                " × " + TrimmedDecimal(per_step) + ") = " + TrimmedDecimal(out.score);
  std::string steps = rule.steps == StepMode::kExact ? ""
                      : units == exact_units         ? ""
                      : rule.steps == StepMode::kStarted
                          ? "（不足一档按一档：" + Exact(exact_units) + " → " + Exact(units) + "）"
                          : "（满一档才扣：" + Exact(exact_units) + " → " + Exact(units) + "）";
  out.arithmetic = "相差 " + Exact(gap) + "，档数 " + Exact(gap) + " ÷ " + Exact(rule.per) + " = " +
                   Exact(exact_units) + steps + "；每档 " + Exact(per_step) + "分；max(0, " +
                   Exact(weight) + " − " + Exact(units) + " × " + Exact(per_step) +
                   ") = " + Exact(out.score);
  out.inputs.push_back(MetricInput(rule, *rm));
  return out;
}

}  // namespace jixiao
