#include "web/change_places.h"

#include <cstdlib>
#include <utility>

#include "casefile/entry_layout.h"
#include "casefile/scaffold.h"
#include "core/diagnostics.h"
#include "report/builder.h"
#include "web/entry_places.h"

namespace jixiao::web {
namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "deductions[2].reason" → index 2, rest "reason"; false when `part` does not open with `list[`.
bool Item(const std::string& part, const std::string& list, int& index, std::string& rest) {
  if (part.rfind(list + "[", 0) != 0) return false;
  index = std::atoi(part.c_str() + list.size() + 1);
  size_t dot = part.find("].");
  rest = dot == std::string::npos ? "" : part.substr(dot + 2);
  return true;
}

std::string Nth(int index) { return "第" + std::to_string(index + 1) + "条"; }

// The column of the 评价结论 sheet (entry_layout) a finding's key is typed in.
std::string FindingField(const std::string& field) {
  static const std::pair<const char*, const char*> kFields[] = {{"value", "业绩值"},
                                                                {"level", "等级"},
                                                                {"share", "得分比例"},
                                                                {"analysis", "分析"},
                                                                {"summary", "摘要用语"},
                                                                {"not_applicable", "不适用"},
                                                                {"override.score", "调整后得分"},
                                                                {"override.reason", "调整原因"},
                                                                {"override", "调整后得分"}};
  for (const auto& [key, label] : kFields)
    if (field == key) return label;
  int i = 0;
  std::string rest;
  if (Item(field, "met_elements", i, rest) || field == "met_elements") return "满足的要素";
  if (Item(field, "deductions", i, rest))
    return "扣分" + Nth(i) + (rest == "amount" ? " 扣分" : rest == "reason" ? " 原因" : "");
  return field == "deductions" ? "扣分" : "";
}

// A case.json path without "$." ("findings.A11.analysis").
std::string CaseField(const std::string& path) {
  Location where;
  where.file = "case.json";
  where.path = "$." + path.substr(0, path.find('['));  // the row's 扣分第N条 is said below
  const std::string page = EntryPlace(where);
  auto after = [&](const std::string& head) {
    return path.size() > head.size() ? path.substr(head.size() + 1) : std::string();
  };
  if (path == "framework") return "评价所用的指标体系";
  if (path == "region") return "所属区域";
  if (path.rfind("project.", 0) == 0) {
    for (const auto& f : entry::ProjectFields())
      if (after("project") == f.key) return page + " " + f.label;
    return page;
  }
  if (path.rfind("findings.", 0) == 0) {
    std::string rest = after("findings");
    size_t dot = rest.find('.');
    std::string label = dot == std::string::npos ? "" : FindingField(rest.substr(dot + 1));
    return label.empty() ? page : page + " " + label;
  }
  if (path.rfind("metrics.", 0) == 0) {
    std::string rest = after("metrics");
    static const std::pair<const char*, const char*> kFields[] = {
        {".value", " 数值"}, {".unit", " 单位"}, {".source", " 数据来源"}};
    for (const auto& [key, label] : kFields)
      if (EndsWith(rest, key))
        return page + " " + rest.substr(0, rest.size() - std::string(key).size()) + label;
    return page + " " + rest;
  }
  for (const char* list : {"experiences", "problems", "suggestions"}) {
    int i = 0;
    std::string rest;
    if (!Item(path, list, i, rest)) continue;
    static const std::pair<const char*, const char*> kFields[] = {
        {"title", " 标题"}, {"text", " 内容"}, {"indicators", " 相关指标"}};
    std::string label;
    for (const auto& [key, text] : kFields)
      if (rest.rfind(key, 0) == 0) label = text;
    return page + Nth(i) + label;
  }
  return page;
}

}  // namespace

std::string NarrativeFileLabel(const std::string& file) {
  if (!EndsWith(file, ".md")) return file;
  const std::string key = file.substr(0, file.size() - 3);
  for (const auto& [k, heading] : NarrativeSections(report::DefaultTemplateDir()))
    if (k == key && !heading.empty()) return "叙述“" + heading + "”";
  return "叙述";
}

std::string ChangePlace(const std::string& place) {
  const size_t space = place.find(' ');
  const std::string file = place.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : place.substr(space + 1);
  // "第 N 行" (a CSV row or a text line) as the number alone.
  int line = 0;
  if (rest.rfind("第 ", 0) == 0 && EndsWith(rest, " 行")) line = std::atoi(rest.c_str() + 4);
  const std::string row = line > 0 ? "第" + std::to_string(line) + "行" : "";
  if (file == "case.json") return rest.empty() || line ? "项目信息与评价结论" : CaseField(rest);
  if (file.rfind("narrative/", 0) == 0) return NarrativeFileLabel(file.substr(10)) + row;
  if (file == "survey/questionnaire.json") return "问卷题目";
  if (file == "survey/responses.csv") return "问卷答卷" + row;
  if (file.rfind("images/", 0) == 0) return "图片 " + file.substr(7);
  if (file == "framework.json") return "指标体系";
  Location where;
  where.file = file;
  where.line = line;
  std::string sheet = EntryPlace(where);
  if (sheet.empty() || sheet == where.ToString()) return place;
  return line == 1 ? sheet + "表头" : sheet;
}

}  // namespace jixiao::web
