// The target rule: a leaf scored against a row of the case's 绩效目标表 (targets.csv).
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

}  // namespace jixiao
