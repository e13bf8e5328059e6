// Test support for the checker's table tests: a sound base table (three outputs, a cost, an effect
// and satisfaction; quiet) that a case appends its rows to, and lookups of the findings by rule,
// severity and line. Included by tests only.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "targets/checker.h"

namespace jixiao::targets::table_test {

struct R {
  const char *l1, *l2, *l3, *type, *value, *unit;
};

// A sound base: three outputs, a cost, an effect and satisfaction; the row under test is appended.
inline const std::vector<R> kBase = {
    {"产出指标", "数量指标", "培训班期数", "定量", "≥12", "期"},
    {"产出指标", "质量指标", "培训合格率", "定量", "≥95", "%"},
    {"产出指标", "时效指标", "培训完成时间", "", "2025年12月31日前", ""},
    {"产出指标", "成本指标", "项目总成本", "定量", "≤220", "万元"},
    {"效益指标", "社会效益指标", "学员就业率", "定量", "≥80", "%"},
    {"满意度指标", "服务对象满意度指标", "学员满意度", "定量", "≥90", "%"},
};

// The rows as a loaded table, lines from 2 (line 1 is the header).
inline Table<TargetRow> MakeTable(const std::vector<R>& rows) {
  Table<TargetRow> t;
  t.present = true;
  int line = 2;
  for (const auto& r : rows) {
    TargetRow row;
    row.level1 = r.l1;
    row.level2 = r.l2;
    row.level3 = r.l3;
    row.value_type = r.type;
    row.value = r.value;
    row.unit = r.unit;
    row.line = line++;
    t.rows.push_back(row);
  }
  return t;
}

inline std::vector<Issue> Run(std::vector<R> extra, int64_t total_wan = 220) {
  std::vector<R> rows = kBase;
  rows.insert(rows.end(), extra.begin(), extra.end());
  Table<TargetRow> t = MakeTable(rows);
  TargetProject p;
  p.present = true;
  p.name = "职业技能培训项目";
  p.overall_goal = p.annual_goal = "完成职业技能培训";
  p.overall_goal_given = p.annual_goal_given = true;
  p.total_funds = p.fiscal_funds = Money{total_wan * 1000000};
  p.other_funds = Money{0};
  return Check({t, &p, nullptr});
}

// The findings on the first appended row (line 8) and later, as "rule/severity".
inline std::vector<std::string> On(const std::vector<Issue>& issues, int from_line = 8) {
  std::vector<std::string> out;
  for (const auto& i : issues)
    if (i.row >= from_line)
      out.push_back(i.rule + "/" + std::to_string(static_cast<int>(i.severity)));
  std::sort(out.begin(), out.end());
  return out;
}

inline bool Found(const std::vector<Issue>& issues, const std::string& rule, Severity s, int line) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
    return i.rule == rule && i.severity == s && i.row == line;
  });
}

inline bool Any(const std::vector<Issue>& issues, const std::string& rule) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.rule == rule; });
}

}  // namespace jixiao::targets::table_test
