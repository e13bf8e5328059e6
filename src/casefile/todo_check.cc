// The to-fill list of a scaffolded case.
#include "casefile/todo_check.h"

#include <map>
#include <set>

#include "casefile/scaffold.h"
#include "casefile/targets_framework.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/json.h"
#include "model/metric_names.h"
#include "model/table_needs.h"

namespace jixiao {
namespace {

bool EmptyString(const JsonValue* v) { return v && v->IsString() && Trim(v->text).empty(); }

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "、") + item;
  return out;
}

}  // namespace

size_t ReportFrameworkTodo(const Framework& framework, Diagnostics& diags, bool as_errors) {
  size_t count = 0;
  framework.ForEach([&](const Indicator& node) {
    if (!node.IsLeaf() || !StartsWith(node.criteria, kTodoMark)) return;
    ++count;
    diags.Add(as_errors ? Severity::kError : Severity::kWarning, "todo.framework", node.where,
              "指标 " + node.code + " " + node.name + " 待完善：" +
                  node.criteria.substr(std::string(kTodoMark).size()));
  });
  return count;
}

size_t ReportCaseTodo(const std::string& dir, const Framework* framework, Diagnostics& diags) {
  const std::string file = dir + "/case.json";
  JsonValue root;
  try {
    root = ReadJsonFile(file);
  } catch (const InputError&) {
    return 0;  // LoadCase reports it
  }
  if (!root.IsObject()) return 0;
  size_t count = 0;
  // Issue 21: 错误 only for what scoring cannot do without; optional tables, the project's cover
  // fields, narrative stubs, 业绩值 and 分析 are 警告 (the report prints placeholders for them).
  auto todo = [&](const std::string& code, Location where, const std::string& message,
                  Severity severity = Severity::kWarning) {
    ++count;
    diags.Add(severity, code, std::move(where), message);
  };
  auto at = [&](const JsonValue& v) { return Location{file, v.line, v.column, v.path}; };

  static const std::pair<const char*, const char*> kProject[] = {
      {"name", "项目名称"},         {"year", "年度"},
      {"district", "区"},           {"town", "街镇"},
      {"unit", "项目单位"},         {"authority", "主管部门"},
      {"commissioner", "委托部门"}, {"evaluator", "评价机构"},
      {"lead", "主评人"},           {"kind", "项目类型"},
      {"period", "实施期间"},       {"date", "报告日期"}};
  if (const JsonValue* project = root.Find("project"); project && project->IsObject()) {
    std::vector<std::string> empty;
    // 街镇 is optional: blank means not applicable (a district-level project has none).
    for (const auto& [key, label] : kProject)
      if (std::string(key) != "town" && EmptyString(project->Find(key)))
        empty.push_back(std::string(key) + "（" + label + "）");
    if (!empty.empty())
      todo("todo.project", at(*project),
           "项目信息待填写：" + Join(empty) + "；不适用的项可删去该键（街镇不适用时留空即可）");
  }
  // A table an indicator scores from is required, named with those indicators (trial 3 item 9:
  // “可不填” before the first save, an error after it); only the others may be left out.
  const auto needs =
      framework ? TablesNeeded(*framework) : std::map<std::string, std::vector<std::string>>{};
  for (const TableSpec& table : CaseTables()) {
    const std::string path = dir + "/" + table.file;
    if (!IsRegularFile(path)) continue;
    try {
      if (!ReadCsvFile(path).rows.empty()) continue;
      if (auto need = needs.find(table.file); need != needs.end())
        todo("todo.table", {path, 1, 0, ""},
             std::string("只有表头，待填写") + table.purpose + "：指标 " +
                 IndicatorList(need->second) + " 按此表评分，必须填写（示例行见 README.md）",
             Severity::kError);
      else
        todo("todo.table", {path, 1, 0, ""},
             std::string("只有表头，待填写") + table.purpose +
                 "（示例行见 README.md）；评价所用指标体系没有指标按此表评分，"
                 "本项目没有这类数据时删去该文件");
    } catch (const InputError&) {
    }
  }
  std::vector<std::string> stubs;
  if (const JsonValue* narrative = root.Find("narrative"); narrative && narrative->IsObject()) {
    for (const auto& [key, item] : narrative->members) {
      if (!item.IsString()) continue;
      auto text = ReadFileBytes(dir + "/narrative/" + item.text);
      if (text && text->find(kStubMark) != std::string::npos)
        stubs.push_back("narrative/" + item.text);
    }
  }
  if (!stubs.empty())
    todo("todo.narrative", {dir + "/" + stubs.front(), 0, 0, ""},  // linked to its first section
         "叙述待填写（写好后删去【待填写】那一行）：" + Join(stubs));

  const JsonValue* findings = root.Find("findings");
  bool scaffold = count > 0;
  if (findings && findings->IsObject())
    for (const auto& [code, f] : findings->members)
      if (f.IsObject())
        for (const auto& [key, v] : f.members) scaffold = scaffold || EmptyString(&v);
  if (!framework) return count;
  count += ReportFrameworkTodo(*framework, diags, false);
  if (!scaffold) return count;

  std::set<std::string> metrics;
  if (const JsonValue* m = root.Find("metrics"); m && m->IsObject())
    for (const auto& [name, v] : m->members) metrics.insert(name);
  // A table a rule reads, absent (the web form's save drops an empty one): listed as needed, with
  // the indicators, unless each of them has its figure in metrics (trial 3 item 9).
  for (const TableSpec& table : CaseTables()) {
    auto need = needs.find(table.file);
    if (need == needs.end() || IsRegularFile(dir + "/" + table.file)) continue;
    std::vector<std::string> unmet;
    framework->ForEach([&](const Indicator& leaf) {
      const std::string shown = leaf.code + " " + leaf.name;
      for (const auto& n : need->second)
        if (n == shown && !(leaf.rule && metrics.count(leaf.rule->metric))) unmet.push_back(n);
    });
    if (!unmet.empty())
      todo("todo.table", {dir + "/" + table.file, 1, 0, ""},
           std::string("待填写") + table.purpose + "：指标 " + IndicatorList(unmet) +
               " 按此表评分，必须填写（示例行见 README.md）",
           Severity::kError);
  }
  const bool survey = IsRegularFile(dir + "/survey/questionnaire.json");
  std::map<std::string, std::string> actuals;  // 三级 -> 实际值
  std::string targets_file = dir + "/targets.csv";
  if (IsRegularFile(targets_file)) {
    try {
      CsvTable csv = ReadCsvFile(targets_file);
      CsvColumn name = csv.Column("三级"), actual = csv.Column("实际值");
      CsvColumn value = csv.Column("指标值");
      for (const auto& row : csv.rows) {
        auto text = [&](const CsvColumn& c) {
          return c.present() && static_cast<size_t>(c.index) < row.cells.size()
                     ? Trim(row.cells[static_cast<size_t>(c.index)])
                     : std::string();
        };
        actuals[text(name)] = text(actual);
        if (text(value).find(kTodoMark) != std::string::npos)
          todo("todo.target_value", {targets_file, row.line, value.index + 1, "指标值"},
               "绩效目标“" + text(name) + "”的指标值待完善：请填写指标值（如“≥95%”“及时”）",
               Severity::kError);
      }
    } catch (const InputError&) {
    }
  }
  framework->ForEach([&](const Indicator& leaf) {
    if (!leaf.IsLeaf() || !leaf.rule) return;
    const JsonValue* f = findings && findings->IsObject() ? findings->Find(leaf.code) : nullptr;
    std::vector<std::string> need;
    const Rule& rule = *leaf.rule;
    size_t blocking = 0;  // inputs the rule scores from (the rest only fill the report)
    if (rule.type == RuleType::kLevels &&
        (!f || !f->Find("level") || EmptyString(f->Find("level"))))
      need.push_back("等级 level");
    if (rule.type == RuleType::kElements && (!f || !f->Find("met_elements")))
      need.push_back("满足的要素 met_elements");
    if (!rule.metric.empty() && !FindDerivedMetric(rule.metric) && !metrics.count(rule.metric) &&
        !survey)
      need.push_back("指标值 metrics.“" + rule.metric + "”");
    if (rule.type == RuleType::kTarget) {
      auto it = actuals.find(rule.target_name);
      if (it == actuals.end())
        need.push_back("targets.csv 中的“" + rule.target_name + "”行");
      else if (it->second.empty())
        need.push_back("targets.csv 中“" + rule.target_name + "”的实际值");
    }
    blocking = need.size();
    if (f && EmptyString(f->Find("value"))) need.push_back("业绩值 value");
    if (f && EmptyString(f->Find("analysis"))) need.push_back("分析 analysis");
    if (need.empty()) return;
    Location where = f ? at(*f) : Location{file, 0, 0, "$.findings." + leaf.code};
    // Where a workbook user types it (issue 23: not case.json).
    const bool target_row = rule.type == RuleType::kTarget;
    todo("todo.finding", where,
         "指标 " + leaf.code + " " + leaf.name + " 待填写：" + Join(need) +
             "（录入工作簿“评价结论”表编码 " + leaf.code + " 一行" +
             (target_row ? "，实际值在“绩效目标”表" : "") + "）",
         blocking > 0 ? Severity::kError : Severity::kWarning);
  });
  return count;
}

}  // namespace jixiao
