#include "model/framework.h"

#include <set>

#include "core/format.h"
#include "model/metric_names.h"

namespace jixiao {

const char* RuleTypeName(RuleType type) {
  switch (type) {
    case RuleType::kDeduction:
      return "deduction";
    case RuleType::kLevels:
      return "levels";
    case RuleType::kElements:
      return "elements";
    case RuleType::kRatio:
      return "ratio";
    case RuleType::kBands:
      return "bands";
    case RuleType::kLinear:
      return "linear";
    case RuleType::kTarget:
      return "target";
    case RuleType::kTimeliness:
      return "timeliness";
  }
  return "deduction";
}

const char* CompareOpSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kGe:
      return "≥";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kLe:
      return "≤";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kEq:
      return "=";
    case CompareOp::kDefault:
      return "";
  }
  return "";
}

bool Compare(const Rational& actual, CompareOp op, const Rational& value) {
  switch (op) {
    case CompareOp::kGe:
      return actual >= value;
    case CompareOp::kGt:
      return actual > value;
    case CompareOp::kLe:
      return actual <= value;
    case CompareOp::kLt:
      return actual < value;
    case CompareOp::kEq:
      return actual == value;
    case CompareOp::kDefault:
      return true;
  }
  return false;
}

const Indicator* Framework::Find(const std::string& code) const {
  const Indicator* found = nullptr;
  ForEach([&](const Indicator& node) {
    if (!found && node.code == code) found = &node;
  });
  return found;
}

const DeclaredMetric* Framework::FindMetric(const std::string& name) const {
  for (const auto& m : metrics)
    if (m.name == name) return &m;
  return nullptr;
}

std::string Framework::GradeFor(Score total) const {
  for (const auto& band : grades)
    if (band.min <= total) return band.label;
  return grades.empty() ? "" : grades.back().label;
}

namespace {

void CheckRuleMetric(const Framework& framework, const Indicator& node, Diagnostics& diags) {
  const Rule& rule = *node.rule;
  bool uses_metric = rule.type == RuleType::kRatio || rule.type == RuleType::kBands ||
                     rule.type == RuleType::kLinear;
  if (!uses_metric) return;
  const DeclaredMetric* declared = framework.FindMetric(rule.metric);
  if (declared && declared->is_signed && !rule.absolute) {
    diags.Error("framework.signed_metric", rule.where,
                "指标“" + node.code + "”按带符号的指标值“" + rule.metric +
                    "”评分，但规则没有说明符号如何计算：请写 \"absolute\": true（按绝对值，"
                    "增减同等扣分）或 \"absolute\": false（按带符号的值）");
  }
  if (FindDerivedMetric(rule.metric) || declared) return;
  std::string derived;
  for (const auto& m : DerivedMetrics())
    derived += (derived.empty() ? "" : "、") + std::string(m.name);
  diags.Error("framework.unknown_metric", rule.where,
              "指标“" + node.code + "”的规则引用了未知指标值“" + rule.metric +
                  "”：请使用可自动计算的指标（" + derived +
                  "），或在指标体系的 metrics 中声明该指标（名称、单位、说明）");
}

void CheckNode(const Framework& framework, const Indicator& node, std::set<std::string>& codes,
               Diagnostics& diags) {
  if (!codes.insert(node.code).second) {
    diags.Error("framework.duplicate_code", node.where,
                "指标编码“" + node.code + "”重复，请为每个指标使用唯一编码");
  }
  if (node.level > 4) {
    diags.Error(
        "framework.too_deep", node.where,
        "指标“" + node.code + "”位于第" + std::to_string(node.level) + "级，指标体系最多四级");
  }
  if (node.IsLeaf()) {
    if (!node.rule) {
      diags.Error("framework.leaf_without_rule", node.where,
                  "末级指标“" + node.code + " " + node.name + "”缺少评分规则 rule");
    } else {
      CheckRuleMetric(framework, node, diags);
    }
    return;
  }
  if (node.rule) {
    diags.Error("framework.rule_on_parent", node.rule->where,
                "指标“" + node.code + "”有下级指标，评分规则只能写在末级指标上");
  }
  Score sum;
  for (const auto& child : node.children) {
    sum += child.weight;
    CheckNode(framework, child, codes, diags);
  }
  if (sum != node.weight) {
    diags.Error("framework.weight_sum", node.where,
                "指标“" + node.code + " " + node.name + "”分值为" + FormatScore(node.weight) +
                    "，但其下级指标分值合计为" + FormatScore(sum) + "，请使二者相等");
  }
}

}  // namespace

void ValidateFramework(const Framework& framework, Diagnostics& diags) {
  Location file_loc{framework.file, 0, 0, "$"};
  std::set<std::string> codes;
  Score sum;
  for (const auto& top : framework.indicators) {
    sum += top.weight;
    CheckNode(framework, top, codes, diags);
  }
  if (framework.indicators.empty()) {
    diags.Error("framework.empty", {framework.file, 0, 0, "$.indicators"},
                "指标体系没有任何指标，请在 indicators 中列出一级指标");
  } else if (sum != framework.total) {
    diags.Error("framework.total", {framework.file, 0, 0, "$.indicators"},
                "一级指标分值合计为" + FormatScore(sum) + "，与总分 total " +
                    FormatScore(framework.total) + "不一致");
  }
  if (framework.grades.empty()) {
    diags.Error("framework.grades", {framework.file, 0, 0, "$.grades"},
                "缺少评价等级 grades，例如 优≥90、良≥80、合格≥60、不合格≥0");
    return;
  }
  if (framework.total < framework.grades.front().min) {
    diags.Error("framework.grades_total", {framework.file, 0, 0, "$.grades[0]"},
                "最高等级“" + framework.grades.front().label + "”的下限" +
                    FormatScore(framework.grades.front().min) + "高于总分" +
                    FormatScore(framework.total) + "，任何得分都达不到");
  }
  for (size_t i = 1; i < framework.grades.size(); ++i) {
    if (!(framework.grades[i].min < framework.grades[i - 1].min)) {
      diags.Error("framework.grades_order",
                  {framework.file, 0, 0, "$.grades[" + std::to_string(i) + "]"},
                  "等级“" + framework.grades[i].label + "”的下限应严格低于上一等级“" +
                      framework.grades[i - 1].label + "”的下限");
    }
  }
  if (framework.grades.back().min != Score{0}) {
    diags.Error(
        "framework.grades_floor",
        {framework.file, 0, 0, "$.grades[" + std::to_string(framework.grades.size() - 1) + "]"},
        "最低等级的下限必须为 0，使每个得分都有等级");
  }
}

}  // namespace jixiao
