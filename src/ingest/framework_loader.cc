#include "ingest/framework_loader.h"

#include "core/limits.h"
#include "core/text.h"
#include "ingest/json.h"
#include "ingest/rule_loader.h"

namespace jixiao {
namespace {

std::optional<Score> ReadWeight(JsonReader& in, const JsonValue& v) {
  auto value = in.Number(v);
  if (!value) return std::nullopt;
  if (Rational(limits::kMaxPoints) < *value) {
    in.Error(v, "framework.weight_range",
             "分值“" + v.text + "”超过上限 " + std::to_string(limits::kMaxPoints) +
                 " 分（见 docs/limits.md），请检查是否多写了位数");
    return std::nullopt;
  }
  auto score = Score::Exact(*value);
  if (!score || value->IsNegative()) {
    in.Error(v, "framework.weight", "分值必须是非负数且最多两位小数，实际为“" + v.text + "”");
    return std::nullopt;
  }
  return score;
}

std::optional<Indicator> ReadIndicator(JsonReader& in, const JsonValue& v, int level) {
  if (!in.Expect(v, JsonValue::Type::kObject)) return std::nullopt;
  in.RejectUnknown(v, {"code", "name", "weight", "explanation", "criteria", "rule", "children"});
  Indicator node;
  node.level = level;
  node.where = in.Where(v);
  bool ok = true;
  const JsonValue* code = in.Member(v, "code", true);
  const JsonValue* name = in.Member(v, "name", true);
  const JsonValue* weight = in.Member(v, "weight", true);
  if (!code || !name || !weight) return std::nullopt;
  if (auto s = in.String(*code))
    node.code = Trim(*s);
  else
    ok = false;
  if (auto s = in.String(*name))
    node.name = *s;
  else
    ok = false;
  if (node.code.empty() && code->IsString()) {
    in.Error(*code, "framework.code", "指标编码不能为空");
    ok = false;
  }
  if (auto w = ReadWeight(in, *weight))
    node.weight = *w;
  else
    ok = false;
  if (const JsonValue* e = in.Member(v, "explanation", false))
    node.explanation = in.String(*e).value_or("");
  if (const JsonValue* c = in.Member(v, "criteria", false))
    node.criteria = in.String(*c).value_or("");
  if (const JsonValue* children = in.Member(v, "children", false)) {
    if (in.Expect(*children, JsonValue::Type::kArray)) {
      for (const auto& child : children->items) {
        if (auto parsed = ReadIndicator(in, child, level + 1))
          node.children.push_back(*parsed);
        else
          ok = false;
      }
    } else {
      ok = false;
    }
  }
  if (const JsonValue* rule = in.Member(v, "rule", false)) {
    if (auto parsed = ReadRule(in, *rule, node.weight))
      node.rule = *parsed;
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return node;
}

void ReadGrades(JsonReader& in, const JsonValue& v, Framework& fw) {
  if (!in.Expect(v, JsonValue::Type::kArray)) return;
  for (const auto& item : v.items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"label", "min"});
    const JsonValue* label = in.Member(item, "label", true);
    const JsonValue* min = in.Member(item, "min", true);
    if (!label || !min) continue;
    auto l = in.String(*label);
    auto m = ReadWeight(in, *min);
    if (l && m) fw.grades.push_back({*l, *m});
  }
}

void ReadDeclaredMetrics(JsonReader& in, const JsonValue& v, Framework& fw) {
  if (!in.Expect(v, JsonValue::Type::kArray)) return;
  for (const auto& item : v.items) {
    if (!in.Expect(item, JsonValue::Type::kObject)) continue;
    in.RejectUnknown(item, {"name", "unit", "description", "signed"});
    const JsonValue* name = in.Member(item, "name", true);
    const JsonValue* unit = in.Member(item, "unit", true);
    if (!name || !unit) continue;
    DeclaredMetric m;
    m.name = in.String(*name).value_or("");
    m.unit = in.String(*unit).value_or("");
    if (const JsonValue* d = in.Member(item, "description", false))
      m.description = in.String(*d).value_or("");
    if (const JsonValue* sign = in.Member(item, "signed", false))
      if (in.Expect(*sign, JsonValue::Type::kBool)) m.is_signed = sign->boolean;
    m.where = in.Where(item);
    fw.metrics.push_back(m);
  }
}

}  // namespace

std::optional<Framework> ParseFramework(const std::string& file, const std::string& json_text,
                                        Diagnostics& diags) {
  size_t errors_before = diags.ErrorCount();
  JsonValue root;
  try {
    root = ParseJson(file, json_text);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return std::nullopt;
  }
  JsonReader in(file, diags);
  if (!in.Expect(root, JsonValue::Type::kObject)) return std::nullopt;
  in.RejectUnknown(root, {"id", "title", "basis", "total", "grades", "metrics", "indicators",
                          "rounding", "not_applicable"});
  Framework fw;
  fw.file = file;
  if (const JsonValue* id = in.Member(root, "id", true)) fw.id = in.String(*id).value_or("");
  if (const JsonValue* title = in.Member(root, "title", true))
    fw.title = in.String(*title).value_or("");
  if (const JsonValue* basis = in.Member(root, "basis", false)) {
    if (in.Expect(*basis, JsonValue::Type::kArray))
      for (const auto& b : basis->items)
        if (auto s = in.String(b)) fw.basis.push_back(*s);
  }
  if (const JsonValue* total = in.Member(root, "total", true))
    fw.total = ReadWeight(in, *total).value_or(Score{});
  if (const JsonValue* grades = in.Member(root, "grades", true)) ReadGrades(in, *grades, fw);
  if (const JsonValue* rounding = in.Member(root, "rounding", false)) {
    auto text = in.String(*rounding);
    if (text && *text == "whole_down")
      fw.whole_points_down = true;
    else if (text && *text != "0.01")
      in.Error(
          *rounding, "framework.rounding",
          "rounding 只能写 \"0.01\"（四舍五入到0.01分，默认）或 \"whole_down\"（按整分向下取整）");
  }
  if (const JsonValue* na = in.Member(root, "not_applicable", false)) {
    auto text = in.String(*na);
    if (text && *text == "within_level1")
      fw.not_applicable_within_level1 = true;
    else if (text && *text != "rescale")
      in.Error(*na, "framework.not_applicable",
               "not_applicable 只能写 \"rescale\"（按百分制折算，默认）或 "
               "\"within_level1\"（分值在所属一级指标内调剂）");
  }
  if (const JsonValue* metrics = in.Member(root, "metrics", false))
    ReadDeclaredMetrics(in, *metrics, fw);
  if (const JsonValue* indicators = in.Member(root, "indicators", true)) {
    if (in.Expect(*indicators, JsonValue::Type::kArray)) {
      for (const auto& item : indicators->items)
        if (auto node = ReadIndicator(in, item, 1)) fw.indicators.push_back(*node);
    }
  }
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  ValidateFramework(fw, diags);
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  return fw;
}

std::optional<Framework> LoadFramework(const std::string& file, Diagnostics& diags) {
  std::string why;
  auto bytes = ReadFileBytes(file, &why);
  if (!bytes) {
    diags.Error("file.unreadable", {file, 0, 0, ""}, "无法读取指标体系文件：" + why);
    return std::nullopt;
  }
  return ParseFramework(file, *bytes, diags);
}

}  // namespace jixiao
