// A unit's 绩效目标表 read leniently for scaffolding: CSV (targets.csv layout, GBK or UTF-8; a
// folder stands for its targets.csv) or
// .xlsx (the first sheet with a header row naming 一级/二级/三级/指标值, title rows above it
// allowed, merged 一级/二级 cells carried down).
// Contract: rows keep their location (file:line or sheet!cell); blank 指标值 is kept (the caller
// decides); unreadable files and missing columns are located errors in `diags`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct RawTargetRow {
  std::string level1, level2, level3, value, value_type, unit, explanation, criteria, source;
  std::string actual;     // the unit's 实际完成值 (申报表/自评 layouts), "" when absent
  Location where;         // the row
  Location value_where;   // its 指标值 cell
  Location actual_where;  // its 实际完成值 cell
  // A cell ended with （待确认）: a fix the unit accepted (`targets fix`, the target page) and has
  // not confirmed. The mark is a status: it is cut from the cells and kept here.
  bool pending = false;
};

// `project`, when given, receives the 申报表's header block above the header row (issue 23 §8):
// case.json project keys "name" (项目名称), "authority" (主管部门), "unit" (实施单位) → the text
// in the next non-empty cell to the right of the label; for an .xlsx also what the 申报表 reader of
// `targets check` finds (主管部门及代码, 项目单位, 年度 of the title) and "funds" (资金总额,
// 财政拨款, 其他资金 as exact 元 text), which case.json has no key for.
std::vector<RawTargetRow> ReadTargetTable(const std::string& file, Diagnostics& diags,
                                          std::map<std::string, std::string>* project = nullptr);

}  // namespace jixiao
