// The target rule: a leaf scored against a row of the case's 绩效目标表 (targets.csv). Numbers
// compare in the target's unit (exact conversion only); qualitative 实际值 are read by the tables
// of model/target_value.h; 基本… scores the share the rule declares in `partly`. With national
// bands the evaluator's 等级/得分比例 (finding level/share) are used, the share checked in its
// band.
#include "core/format.h"
#include "model/target_value.h"
#include "scoring/rules_internal.h"

namespace jixiao {

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
  Location value_at{ctx.c.targets.file, row->line, 0, "指标值"};
  if (row->actual.empty()) {
    ctx.diags.Error("rule.target_actual", at,
                    "绩效目标“" + row->level3 + "”缺少实际值，指标“" + leaf.code + "”评分需要它");
    return std::nullopt;
  }
  TargetValue target = TargetValue::Parse(TargetWithUnit(row->value, row->unit));
  if (!target.error.empty()) {
    ctx.diags.Error("rule.target_value", value_at,
                    "绩效目标“" + row->level3 + "”的指标值“" + row->value + "”：" + target.error);
    return std::nullopt;
  }
  if (target.quantitative && !target.comparator_written) {
    // Issue 24 §5: a bare 指标值 (43.2) is read as ≥, explicitly; warned whenever reading it as
    // "=" would judge the 实际值 differently (100% against 100% reads the same either way).
    ActualReading as_eq = ReadActual(target, row->actual);
    target.op = CompareOp::kGe;
    ActualReading as_ge = ReadActual(target, row->actual);
    if (as_eq.attainment != as_ge.attainment)
      ctx.diags.Warning("rule.target_bare_value", value_at,
                        "绩效目标“" + row->level3 + "”的指标值“" + row->value +
                            "”未写比较符，按“≥" + row->value +
                            "”评分（按“=”则结论不同）；请写明 ≥、≤ 或 =");
  }
  ActualReading actual = ReadActual(target, row->actual);
  if (!actual.attainment) {
    ctx.diags.Error("rule.target_actual", at, "绩效目标“" + row->level3 + "”：" + actual.error);
    return std::nullopt;
  }
  if (actual.quantitative && actual.bare && target.unit == "%" && Rational(1) < target.number &&
      Rational(0) < actual.number && actual.number <= Rational(1)) {
    ctx.diags.Warning("rule.target_percent_fraction", at,
                      "绩效目标“" + row->level3 + "”的指标值为" + target.text + "，实际值“" +
                          row->actual + "”未写单位，按" + row->actual + "%计；若指" +
                          (actual.number * Rational(100)).ToString() + "%，请写“" +
                          (actual.number * Rational(100)).ToString() + "%”");
  } else if (actual.quantitative && actual.bare && !target.unit.empty()) {
    // Issue 23: "29516" against "≥29000人", "98.5" against "≥95%": read in the target's unit, said.
    ctx.diags.Warning("rule.target_actual_unit", at,
                      "绩效目标“" + row->level3 + "”的指标值为" + target.text + "，实际值“" +
                          row->actual + "”未写单位，按" + row->actual + target.unit +
                          "计；请在实际值中写明单位（如“" + row->actual + target.unit + "”）");
  }
  std::string where = ctx.c.targets.file + ":" + std::to_string(row->line);
  std::vector<TrailInput> inputs = {
      {"指标值", target.text, where + " 列“指标值”"},
      {"实际值",
       row->actual +
           (actual.quantitative
                ? " = " + actual.number.ToString() + (target.unit.empty() ? "" : " " + target.unit)
                : "") +
           (actual.how.empty() ? "" : "（" + actual.how + "）"),
       where + " 列“实际值”"}};
  // Issue 23: a qualitative target reads "目标为“及时”，实际为“及时”", not "目标值及时".
  std::string evidence = target.quantitative
                             ? "目标值" + target.text + "，实际值为" + actual.shown
                             : "目标为“" + target.text + "”，实际为“" + actual.shown + "”";
  if (!actual.note.empty()) evidence += "（" + actual.note + "）";
  Rational fraction(1);
  std::string arithmetic;
  const Finding* f = FindingFor(leaf, ctx);
  const bool chosen = f && f->level && !f->level->empty();
  if (actual.quantitative && (chosen || (f && f->share))) {
    ctx.diags.Error("rule.target_level", f->where,
                    "指标“" + leaf.code + "”按数值目标“" + row->level3 +
                        "”计分，等级与得分比例不适用：请清空评价结论表中该行的“等级”“得分比例”");
    return std::nullopt;
  }
  std::optional<Attainment> level = actual.attainment;
  if (!actual.quantitative) {
    std::string how = actual.how;
    if (chosen) {
      level = AttainmentFromLabel(*f->level);
      if (!level) {
        ctx.diags.Error("rule.target_level", f->where,
                        "指标“" + leaf.code + "”的等级“" + *f->level +
                            "”不是 达成、部分达成、未达成 之一，请从下拉列表选择");
        return std::nullopt;
      }
      how = "评价人选定“" + *f->level + "”（实际值“" + row->actual + "”）";
    }
    if (f && f->share) {
      if (!rule.national_bands) {
        ctx.diags.Error("rule.target_bands", f->share_where,
                        "指标“" + leaf.code + "”填了得分比例，但指标体系 " + rule.where.file +
                            " 中它的 target 规则没有声明档次：请在规则中写 \"bands\": "
                            "\"national\"，或清空得分比例");
        return std::nullopt;
      }
      if (!InNationalBand(*level, *f->share)) {
        ctx.diags.Error("rule.target_share", f->share_where,
                        "指标“" + leaf.code + "”的得分比例 " + FormatShare(*f->share) + " 不在“" +
                            AttainmentLabel(*level) + "”档 " + NationalBandText(*level) +
                            " 之内：请改为该档内的比例，或改选等级");
        return std::nullopt;
      }
      fraction = *f->share;
      how += "，评价人填得分比例 " + FormatShare(fraction);
    } else if (*level == Attainment::kPartly) {
      if (!rule.partly) {
        ctx.diags.Error("rule.target_partly", at,
                        "绩效目标“" + row->level3 + "”的实际值“" + row->actual +
                            "”表示部分达成，但指标体系 " + rule.where.file + " 中指标“" +
                            leaf.code +
                            "”的 target 规则没有声明部分达成的得分比例：请在该规则中写 "
                            "\"partly\": \"50%\"（按评分标准填写），或在录入工作簿“评价结论”"
                            "表该行的“得分比例”列填写（规则需声明 \"bands\": \"national\"）");
        return std::nullopt;
      }
      fraction = *rule.partly;
      how += "，按规则 partly 得 " + FormatShare(fraction);
    } else if (*level == Attainment::kNotMet) {
      fraction = Rational(0);
    }
    arithmetic = how + " → 比例 " + Exact(fraction);
  } else if (*actual.attainment != Attainment::kMet) {
    const Rational& t = target.number;
    const Rational& a = actual.number;
    if (a < t) {
      fraction = t.IsZero() ? Rational(0) : Clamp01(a / t);
      arithmetic = "未满足 " + std::string(CompareOpSymbol(target.op)) + Exact(t) +
                   "：实际值 ÷ 目标值 = " + Exact(a) + " ÷ " + Exact(t) + " = " + Exact(fraction);
    } else {
      fraction = a.IsZero() ? Rational(0) : Clamp01(t / a);
      arithmetic = "未满足 " + std::string(CompareOpSymbol(target.op)) + Exact(t) +
                   "：目标值 ÷ 实际值 = " + Exact(t) + " ÷ " + Exact(a) + " = " + Exact(fraction);
    }
    const Rational w = leaf.weight.ToRational();
    const Rational capped = CapMissedStrict(target, w * fraction, w, Rational(1, 100));
    if (!w.IsZero() && capped < w * fraction) {
      fraction = capped / w;
      arithmetic += "；“" + std::string(CompareOpSymbol(target.op)) +
                    "”不含界限值，未达成不得满分，至多得分值减0.01分 → 比例 " + Exact(fraction);
    }
  } else {
    arithmetic = Exact(actual.number) + " " + CompareOpSymbol(target.op) + " " +
                 Exact(target.number) + "，已达成 → 比例 1";
  }
  std::string verdict =
      !actual.quantitative
          ? (*level == Attainment::kMet ? "，已达成" : "，" + AttainmentLabel(*level))
      : fraction == Rational(1) ? "，已达成"
      : fraction.IsZero()       ? "，未达成"
      // Issue 23: 99.96% of "=100%" is short of the target, not a 部分达成 worth reporting.
      : Score::Round(leaf.weight.ToRational() * fraction) == leaf.weight ? "，略低于目标值"
                                                                         : "，部分达成";
  auto out = FromFraction(leaf, fraction, actual.shown, evidence + verdict);
  out.inputs = inputs;
  out.arithmetic = arithmetic + "；" + out.arithmetic;
  return out;
}

}  // namespace jixiao
