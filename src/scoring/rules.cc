#include "scoring/rules.h"

#include "core/format.h"
#include "core/text.h"
#include "model/target_value.h"
#include "scoring/rules_internal.h"

namespace jixiao {

const Finding* FindingFor(const Indicator& leaf, const RuleContext& ctx) {
  auto it = ctx.c.findings.find(leaf.code);
  return it == ctx.c.findings.end() ? nullptr : &it->second;
}

Location CaseJson(const RuleContext& ctx, const std::string& path) {
  return {ctx.c.dir + "/case.json", 0, 0, path};
}

Rational Clamp01(const Rational& r) { return Max(Rational(0), Min(Rational(1), r)); }

std::string Exact(const Rational& r) { return r.ToString(); }

RuleOutcome FromFraction(const Indicator& leaf, const Rational& fraction, std::string value,
                         std::string evidence) {
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  out.score = weight * fraction;
  out.value = std::move(value);
  out.evidence = std::move(evidence);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " × " + FormatShare(fraction) + " = " +
                TrimmedDecimal(out.score);
  out.arithmetic = Exact(weight) + " × " + Exact(fraction) + " = " + Exact(out.score);
  if (fraction < Rational(1)) {
    out.deductions.push_back({weight - out.score, Rational(1) - fraction, out.evidence});
  }
  return out;
}

namespace {

std::optional<RuleOutcome> Deduction(const Indicator& leaf, const RuleContext& ctx) {
  RuleOutcome out;
  Rational weight = leaf.weight.ToRational();
  Rational total;
  std::string terms;
  if (const Finding* f = FindingFor(leaf, ctx)) {
    for (const auto& d : f->deductions) {
      out.deductions.push_back(ResolveDeduction(d, leaf.weight));
      total += out.deductions.back().points;
      terms += " − " + Exact(out.deductions.back().points);
    }
  }
  if (const Finding* f = FindingFor(leaf, ctx); f && weight < total)
    WarnCapped(leaf.code, total, weight, "分值", f->deductions, out.deductions, ctx.diags);
  out.score = Max(Rational(0), weight - total);
  out.formula = "得分 = " + FormatScoreNumber(leaf.weight) + " − " + TrimmedDecimal(total) +
                (weight < total ? "，扣完为止，得0" : " = " + TrimmedDecimal(out.score));
  out.arithmetic =
      "max(0, " + Exact(weight) + (terms.empty() ? " − 0" : terms) + ") = " + Exact(out.score);
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
      // The share is the deduction sentence's ("扣权重的50%"); the evidence names the grade only.
      auto out = FromFraction(leaf, l.fraction, l.label, "评定为“" + l.label + "”");
      out.inputs.push_back({"findings." + leaf.code + ".level", l.label, f->where.ToString()});
      return out;
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
  Rational unmet_points;
  std::string unmet_marks;
  for (size_t i = 0; i < rule.elements.size(); ++i) {
    if (met[i]) {
      out.score += rule.elements[i].points;
      ++met_count;
    } else {
      unmet_points += rule.elements[i].points;
      unmet_marks += ElementMark(i);
      out.deductions.push_back({rule.elements[i].points, std::nullopt,
                                "未满足要素" + ElementMark(i) + "“" + rule.elements[i].text + "”"});
    }
  }
  // The evaluator's phrase says what fell short; an element may be met in part
  // ("经镇政府办公会审议" is the 集体决策 of ③, the 绩效评估 is missing):
  // "项目设立前未开展事前绩效评估和专家论证， 要素③未完全满足", not the element's whole text as if
  // none of it were done.
  if (!unmet_marks.empty() && !Trim(f->summary).empty()) {
    std::string summary = Trim(f->summary);
    while (summary.size() >= 3 && (summary.compare(summary.size() - 3, 3, "。") == 0 ||
                                   summary.compare(summary.size() - 3, 3, "；") == 0))
      summary.resize(summary.size() - 3);
    out.deductions.clear();
    out.deductions.push_back(
        {unmet_points, std::nullopt, summary + "，要素" + unmet_marks + "未完全满足"});
  }
  out.value =
      "满足" + std::to_string(met_count) + "/" + std::to_string(rule.elements.size()) + "项要素";
  out.evidence = out.value;
  out.formula = "得分 = 满足要素分值之和 = " + TrimmedDecimal(out.score);
  std::string terms;
  for (size_t i = 0; i < rule.elements.size(); ++i)
    if (met[i]) terms += (terms.empty() ? "" : " + ") + Exact(rule.elements[i].points);
  out.arithmetic = (terms.empty() ? "0" : terms) + " = " + Exact(out.score);
  out.inputs.push_back({"findings." + leaf.code + ".met_elements", out.value, f->where.ToString()});
  return out;
}

std::string Printed(const Date& d) { return FormatDate(d.year, d.month, d.day); }

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
  std::string terms;
  int64_t late_items = 0, late_days = 0;
  for (const auto& t : ctx.c.transfers.rows) {
    int64_t days = t.DaysLate();
    out.inputs.push_back({"划拨事项",
                          t.item + "，截止" + Printed(t.due) + "，实际" + Printed(t.actual) +
                              (days > 0 ? "，逾期" + std::to_string(days) + "天" : "，按期"),
                          ctx.c.transfers.file + ":" + std::to_string(t.line)});
    if (days <= 0) continue;
    ++late_items;
    late_days += days;
    const Amount& each = rule.per_item ? *rule.per_item : *rule.per_day;
    Rational count = rule.per_item ? Rational(1) : Rational(days);
    Rational points = each.PointsOf(weight) * count;
    total += points;
    terms += " − " + (rule.per_item ? Exact(points) : Exact(count) + " × " + Exact(points / count));
    out.deductions.push_back(
        {points, each.share ? std::optional<Rational>(each.value * count) : std::nullopt,
         t.item + "（" + FormatYuan(t.amount) + "）应于" + Printed(t.due) + "前划拨，实际于" +
             Printed(t.actual) + "划拨，逾期" + std::to_string(days) + "天"});
  }
  out.score = Max(Rational(0), weight - total);
  // The 业绩值 counts what the rule deducts for: days ("逾期4天（1项）") or items ("逾期1项").
  out.value = late_items == 0 ? "及时"
              : rule.per_item ? "逾期" + std::to_string(late_items) + "项"
                              : "逾期" + std::to_string(late_days) + "天（" +
                                    std::to_string(late_items) + "项）";
  out.evidence = "共" + std::to_string(ctx.c.transfers.rows.size()) + "项资金划拨，" +
                 (late_items == 0 ? "均按期完成"
                                  : "逾期" + std::to_string(late_items) + "项、合计" +
                                        std::to_string(late_days) + "天");
  const Amount& each = rule.per_item ? *rule.per_item : *rule.per_day;
  out.formula =
      "得分 = max(0, " + FormatScoreNumber(leaf.weight) + " − " +
      (rule.per_item ? std::to_string(late_items) + "项" : std::to_string(late_days) + "天") +
      " × " + TrimmedDecimal(each.PointsOf(weight)) + ") = " + TrimmedDecimal(out.score);
  out.arithmetic = "每" + std::string(rule.per_item ? "项" : "天") + "扣" + each.Describe(weight) +
                   "；max(0, " + Exact(weight) + (terms.empty() ? " − 0" : terms) +
                   ") = " + Exact(out.score);
  return out;
}

}  // namespace

void WarnCapped(const std::string& code, const Rational& taken, const Rational& limit,
                const std::string& limit_name, const std::vector<CaseDeduction>& deductions,
                const std::vector<DeductionLine>& lines, Diagnostics& diags) {
  if (deductions.empty()) return;
  std::vector<Rational> each;
  for (const auto& line : lines) each.push_back(line.points);
  Location where = deductions.front().where;
  diags.Warning("finding.deduction_capped", where,
                CappedDeductionsMessage(code, taken, limit, limit_name, each));
}

DeductionLine ResolveDeduction(const CaseDeduction& d, Score weight) {
  if (!d.amount.share) return {d.amount.value, std::nullopt, d.reason};
  return {d.amount.PointsOf(weight.ToRational()), d.amount.value, d.reason};
}

std::string DescribeRule(const Rule& rule, Score weight) {
  Rational w = weight.ToRational();
  auto signs = [&]() -> std::string {
    if (!rule.absolute) return MetricIsAbsoluteByDefault(rule.metric) ? "，按绝对值（默认）" : "";
    return *rule.absolute ? "，absolute: true（按绝对值）" : "，absolute: false（按带符号的值）";
  };
  switch (rule.type) {
    case RuleType::kDeduction:
      return "deduction：满分" + FormatScore(weight) + "，减去 findings 中的扣分，扣完为止";
    case RuleType::kLevels: {
      std::string text = "levels：";
      for (const auto& l : rule.levels) text += l.label + " " + FormatShare(l.fraction) + "；";
      return text;
    }
    case RuleType::kElements: {
      std::string text = "elements：";
      for (size_t i = 0; i < rule.elements.size(); ++i)
        text += std::to_string(i + 1) + ". " + rule.elements[i].text + " " +
                FormatPoints(rule.elements[i].points) + "；";
      return text;
    }
    case RuleType::kRatio:
      return "ratio：" + rule.metric + "，目标值 " + Exact(rule.target) + "，" +
             (rule.direction == Direction::kHigher ? "越高越好" : "越低越好") + signs();
    case RuleType::kBands: {
      std::string text = "bands：" + rule.metric + signs() + "；";
      for (const auto& b : rule.bands)
        text += (b.op == CompareOp::kDefault ? std::string("其他")
                                             : CompareOpSymbol(b.op) + Exact(b.value)) +
                " → " + FormatShare(b.fraction) + "；";
      return text;
    }
    case RuleType::kLinear:
      return "linear：" + rule.metric + "，满分标准 " +
             (rule.direction == Direction::kHigher ? "≥" : "≤") + Exact(rule.full_at) + "，每差 " +
             Exact(rule.per) + " 扣" + rule.deduct.Describe(w) + "，" +
             (rule.steps == StepMode::kExact     ? "不足一档按比例扣"
              : rule.steps == StepMode::kStarted ? "不足一档按一档扣"
                                                 : "满一档才扣") +
             signs();
    case RuleType::kTarget:
      return "target：绩效目标“" + rule.target_name + "”" +
             (rule.partly ? "，“基本…”得 " + FormatShare(*rule.partly) : "");
    case RuleType::kTimeliness:
      return "timeliness：transfers.csv，" +
             (rule.per_item ? "每逾期一项扣" + rule.per_item->Describe(w)
                            : "每逾期一天扣" + rule.per_day->Describe(w)) +
             "，扣完为止";
  }
  return "";
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
