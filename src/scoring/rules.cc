#include "scoring/rules.h"

#include "core/format.h"
#include "model/metric_names.h"
#include "model/target_value.h"

namespace jixiao {
namespace {

const Finding* FindingFor(const Indicator& leaf, const RuleContext& ctx) {
  auto it = ctx.c.findings.find(leaf.code);
  return it == ctx.c.findings.end() ? nullptr : &it->second;
}

Location CaseJson(const RuleContext& ctx, const std::string& path) {
  return {ctx.c.dir + "/case.json", 0, 0, path};
}

std::optional<ResolvedMetric> Metric(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto it = ctx.metrics.find(rule.metric);
  if (it != ctx.metrics.end()) {
    ResolvedMetric m = it->second;
    if (rule.absolute) m.value = m.value.Abs();
    return m;
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

std::string MetricText(const ResolvedMetric& m) { return FormatQuantity(m.value, m.unit); }

Rational Clamp01(const Rational& r) { return Max(Rational(0), Min(Rational(1), r)); }

RuleOutcome FromFraction(const Indicator& leaf, const Rational& fraction, std::string value,
                         std::string evidence) {
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  out.score = weight * fraction;
  out.value = std::move(value);
  out.evidence = std::move(evidence);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " × " + FormatShare(fraction) + " = " +
                TrimmedDecimal(out.score);
  if (fraction < Rational(1)) {
    out.deductions.push_back({weight - out.score, Rational(1) - fraction, out.evidence});
  }
  return out;
}

std::optional<RuleOutcome> Deduction(const Indicator& leaf, const RuleContext& ctx) {
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  Rational total;
  if (const Finding* f = FindingFor(leaf, ctx)) {
    for (const auto& d : f->deductions) {
      out.deductions.push_back(ResolveDeduction(d, leaf.weight));
      total += out.deductions.back().points;
    }
  }
  out.score = Max(Rational(0), weight - total);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " − " + TrimmedDecimal(total) +
                (weight < total ? "，扣完为止，得0" : " = " + TrimmedDecimal(out.score));
  return out;
}

std::optional<RuleOutcome> Levels(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  std::string labels;
  for (const auto& l : rule.levels) labels += (labels.empty() ? "" : "、") + l.label;
  const Finding* f = FindingFor(leaf, ctx);
  if (!f || !f->level) {
    ctx.diags.Error("rule.level_missing", f ? f->where : CaseJson(ctx, "$.findings." + leaf.code),
                    "指标“" + leaf.code + " " + leaf.name + "”按档次评分，请在 findings." +
                        leaf.code + ".level 中选择：" + labels);
    return std::nullopt;
  }
  for (const auto& l : rule.levels) {
    if (l.label == *f->level) {
      return FromFraction(leaf, l.fraction, l.label,
                          "评定为“" + l.label + "”（得分值的" + FormatShare(l.fraction) + "）");
    }
  }
  ctx.diags.Error(
      "rule.level_unknown", f->where,
      "档次“" + *f->level + "”不在指标“" + leaf.code + "”的评分档次中，可选：" + labels);
  return std::nullopt;
}

const char* const kCircled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};

std::string ElementMark(size_t index) {
  return index < 10 ? kCircled[index] : "(" + std::to_string(index + 1) + ")";
}

std::optional<RuleOutcome> Elements(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  const Finding* f = FindingFor(leaf, ctx);
  if (!f || !f->has_met_elements) {
    ctx.diags.Error("rule.elements_missing",
                    f ? f->where : CaseJson(ctx, "$.findings." + leaf.code),
                    "指标“" + leaf.code + " " + leaf.name + "”按要素评分，请在 findings." +
                        leaf.code + ".met_elements 中列出满足的要素序号（1–" +
                        std::to_string(rule.elements.size()) + "，全不满足写 []）");
    return std::nullopt;
  }
  std::vector<bool> met(rule.elements.size(), false);
  for (int n : f->met_elements) {
    if (n < 1 || static_cast<size_t>(n) > rule.elements.size()) {
      ctx.diags.Error(
          "rule.element_range", f->where,
          "要素序号" + std::to_string(n) + "超出范围 1–" + std::to_string(rule.elements.size()));
      return std::nullopt;
    }
    met[static_cast<size_t>(n - 1)] = true;
  }
  RuleOutcome out;
  int met_count = 0;
  for (size_t i = 0; i < rule.elements.size(); ++i) {
    if (met[i]) {
      out.score += rule.elements[i].points;
      ++met_count;
    } else {
      out.deductions.push_back({rule.elements[i].points, std::nullopt,
                                "未满足要素" + ElementMark(i) + "：" + rule.elements[i].text});
    }
  }
  out.value =
      "满足" + std::to_string(met_count) + "/" + std::to_string(rule.elements.size()) + "项要素";
  out.evidence = out.value;
  out.formula = "得分 = 满足要素分值之和 = " + TrimmedDecimal(out.score);
  return out;
}

std::optional<RuleOutcome> Ratio(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto m = Metric(leaf, ctx);
  if (!m) return std::nullopt;
  Rational fraction;
  std::string how;
  if (rule.direction == Direction::kHigher) {
    fraction = Clamp01(m->value / rule.target);
    how = "实际值 ÷ 目标值";
  } else {
    fraction = m->value <= rule.target ? Rational(1) : Clamp01(rule.target / m->value);
    how = "目标值 ÷ 实际值";
  }
  std::string target = FormatQuantity(rule.target, m->unit);
  auto out = FromFraction(leaf, fraction, MetricText(*m),
                          rule.metric + "为" + MetricText(*m) + "，目标值" + target);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " × min(1, " + how +
                ") = " + FormatScoreNumber(leaf.weight) + " × " + FormatShare(fraction) + " = " +
                TrimmedDecimal(out.score);
  return out;
}

std::optional<RuleOutcome> Bands(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto m = Metric(leaf, ctx);
  if (!m) return std::nullopt;
  for (const auto& band : rule.bands) {
    if (!Compare(m->value, band.op, band.value)) continue;
    std::string range = band.op == CompareOp::kDefault ? "其他情况"
                                                       : std::string(CompareOpSymbol(band.op)) +
                                                             FormatQuantity(band.value, m->unit);
    std::string shown = MetricText(*m);
    return FromFraction(leaf, band.fraction, shown,
                        rule.metric + (rule.absolute ? "（绝对值）" : "") + "为" + shown +
                            "，适用“" + range + "”档（得分值的" + FormatShare(band.fraction) +
                            "）");
  }
  ctx.diags.Error("rule.no_band", rule.where,
                  "指标“" + leaf.code + "”的" + rule.metric + "为" + MetricText(*m) +
                      "，不落在任何评分区间；请补充区间或加一个无 op 的缺省区间");
  return std::nullopt;
}

std::optional<RuleOutcome> Linear(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  auto m = Metric(leaf, ctx);
  if (!m) return std::nullopt;
  Rational gap =
      rule.direction == Direction::kHigher ? rule.full_at - m->value : m->value - rule.full_at;
  gap = Max(Rational(0), gap);
  Rational units = gap / rule.per;
  if (rule.steps != StepMode::kExact && units.den() != 1) {
    int64_t whole = units.num() / units.den();
    units = Rational(rule.steps == StepMode::kStarted ? whole + 1 : whole);
  }
  Rational deducted = units * rule.deduct;
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  out.score = Max(Rational(0), weight - deducted);
  out.value = MetricText(*m);
  std::string full = FormatQuantity(rule.full_at, m->unit);
  out.evidence = rule.metric + "为" + out.value + "，满分标准" +
                 (rule.direction == Direction::kHigher ? "≥" : "≤") + full;
  if (!gap.IsZero()) {
    out.evidence += "，相差" + FormatQuantity(gap, m->unit == "%" ? "个百分点" : m->unit) + "，每" +
                    TrimmedDecimal(rule.per) + "扣" + FormatPoints(rule.deduct);
    out.deductions.push_back({Min(weight, deducted), std::nullopt, out.evidence});
  }
  out.formula = "得分 = max(0, " + FormatScoreNumber(leaf.weight) + " − " + TrimmedDecimal(units) +
                " × " + TrimmedDecimal(rule.deduct) + ") = " + TrimmedDecimal(out.score);
  return out;
}

std::optional<RuleOutcome> Target(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  if (!ctx.c.targets.present) {
    ctx.diags.Error("rule.missing_file", rule.where,
                    "指标“" + leaf.code + "”按绩效目标“" + rule.target_name + "”评分，但案例目录 " +
                        ctx.c.dir + " 中没有 targets.csv，请补充绩效目标表");
    return std::nullopt;
  }
  const TargetRow* row = nullptr;
  for (const auto& r : ctx.c.targets.rows)
    if (r.level3 == rule.target_name) row = &r;
  if (!row) {
    ctx.diags.Error(
        "rule.target_missing", rule.where,
        "targets.csv 中没有三级指标“" + rule.target_name + "”（指标“" + leaf.code + "”需要）");
    return std::nullopt;
  }
  Location at{ctx.c.targets.file, row->line, 0, "实际值"};
  if (row->actual.empty()) {
    ctx.diags.Error("rule.target_actual", at,
                    "绩效目标“" + row->level3 + "”缺少实际值，指标“" + leaf.code + "”评分需要它");
    return std::nullopt;
  }
  TargetValue target = TargetValue::Parse(row->value);
  TargetValue actual = TargetValue::Parse(row->actual);
  std::string evidence = "目标值" + target.text + "，实际值" + actual.text;
  if (!target.quantitative) {
    bool met = actual.text == target.text;
    auto out = FromFraction(leaf, met ? Rational(1) : Rational(0), actual.text,
                            evidence + (met ? "，已达成" : "，未达成"));
    return out;
  }
  if (!actual.quantitative) {
    ctx.diags.Error("rule.target_actual", at,
                    "绩效目标“" + row->level3 + "”的指标值是数值（" + target.text + "），实际值“" +
                        actual.text + "”也应是数值");
    return std::nullopt;
  }
  const Rational& t = target.number;
  const Rational& a = actual.number;
  Rational fraction(1);
  if (!Compare(a, target.op, t)) {
    bool below = a < t;
    if (below)
      fraction = t.IsZero() ? Rational(0) : Clamp01(a / t);
    else
      fraction = a.IsZero() ? Rational(0) : Clamp01(t / a);
  }
  bool met = fraction == Rational(1);
  return FromFraction(leaf, fraction, actual.text, evidence + (met ? "，已达成" : "，未达成"));
}

std::optional<RuleOutcome> Timeliness(const Indicator& leaf, const RuleContext& ctx) {
  const Rule& rule = *leaf.rule;
  if (!ctx.c.transfers.present) {
    ctx.diags.Error("rule.missing_file", rule.where,
                    "指标“" + leaf.code + " " + leaf.name +
                        "”按资金划拨时效评分，需要 transfers.csv，但案例目录 " + ctx.c.dir +
                        " 中没有该文件");
    return std::nullopt;
  }
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  Rational total;
  int64_t late_items = 0, late_days = 0;
  for (const auto& t : ctx.c.transfers.rows) {
    int64_t days = t.DaysLate();
    if (days <= 0) continue;
    ++late_items;
    late_days += days;
    Rational points = rule.per_item ? *rule.per_item : *rule.per_day * Rational(days);
    total += points;
    out.deductions.push_back({points, std::nullopt,
                              t.item + "（" + FormatYuan(t.amount) + "）应于" + t.due.ToString() +
                                  "前划拨，实际" + t.actual.ToString() + "划拨，逾期" +
                                  std::to_string(days) + "天"});
  }
  out.score = Max(Rational(0), weight - total);
  out.value = late_items == 0 ? "及时" : "逾期" + std::to_string(late_items) + "项";
  out.evidence = "共" + std::to_string(ctx.c.transfers.rows.size()) + "项资金划拨，" +
                 (late_items == 0 ? "均按期完成"
                                  : "逾期" + std::to_string(late_items) + "项、合计" +
                                        std::to_string(late_days) + "天");
  out.formula =
      "得分 = max(0, " + FormatScoreNumber(leaf.weight) + " − " +
      (rule.per_item ? std::to_string(late_items) + "项 × " + TrimmedDecimal(*rule.per_item)
                     : std::to_string(late_days) + "天 × " + TrimmedDecimal(*rule.per_day)) +
      ") = " + TrimmedDecimal(out.score);
  return out;
}

}  // namespace

DeductionLine ResolveDeduction(const CaseDeduction& d, Score weight) {
  if (!d.is_share) return {d.amount, std::nullopt, d.reason};
  return {d.amount * weight.ToRational(), d.amount, d.reason};
}

std::optional<RuleOutcome> EvaluateRule(const Indicator& leaf, const RuleContext& ctx) {
  switch (leaf.rule->type) {
    case RuleType::kDeduction:
      return Deduction(leaf, ctx);
    case RuleType::kLevels:
      return Levels(leaf, ctx);
    case RuleType::kElements:
      return Elements(leaf, ctx);
    case RuleType::kRatio:
      return Ratio(leaf, ctx);
    case RuleType::kBands:
      return Bands(leaf, ctx);
    case RuleType::kLinear:
      return Linear(leaf, ctx);
    case RuleType::kTarget:
      return Target(leaf, ctx);
    case RuleType::kTimeliness:
      return Timeliness(leaf, ctx);
  }
  return std::nullopt;
}

}  // namespace jixiao
