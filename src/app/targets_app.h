// The 绩效目标表 jobs for budget units: load a target table (a targets.csv in UTF-8 or GBK, or a
// directory holding one, with project.json and budget.csv beside it), check it, write a revised
// table with the mechanical suggestions applied (`targets fix`), and render the 申报表.
// Contract: load problems are located errors; checker findings are returned, not printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "model/case.h"
#include "targets/checker.h"

namespace jixiao {

struct TargetFile {
  Table<TargetRow> targets;
  TargetProject project;
  CsvTable grid;            // the table's cells as read, for `targets fix`
  std::string budget_file;  // budget.csv found beside the table, "" when none
};

std::optional<TargetFile> LoadTargetTable(const std::string& path, Diagnostics& diags);
std::vector<targets::Issue> CheckTargetTable(const TargetFile& file, const Case* budget);
std::string TargetIssuesJson(const std::vector<targets::Issue>& issues);
// The rows with a unit written inside the 指标值 and a blank 计量单位 split ("≥30000人次" ->
// "≥30000" | 人次), each split said in `notices` (info) since the unit's table is kept as written.
Table<TargetRow> TargetsWithUnits(const Table<TargetRow>& targets, Diagnostics* notices);
// Renders the 申报表 from TargetsWithUnits (its notices go to `diags`).
std::optional<std::vector<OutputFile>> RenderTargetTable(const TargetFile& file,
                                                         const std::vector<std::string>& formats,
                                                         Diagnostics& diags);

// One applied suggestion: the cell (line, column) before and after, and the rule behind it.
struct TargetChange {
  int line = 0;
  std::string column;  // 一级/二级/三级/指标值, or "" for a deleted row
  std::string before, after, rule;
};
struct FixedTable {
  std::string csv;  // UTF-8 with BOM; every changed cell ends with （待确认）
  std::vector<TargetChange> changes;
};
FixedTable FixTargetTable(const TargetFile& file, const std::vector<targets::Issue>& issues);

// A row edited by hand (the web page): a new 三级指标 name and 指标值 for row `line`, the row
// deleted (a merged 一级/二级 it holds passes to the next row, as in FixTargetTable), or a new
// row inserted after it in the same group. Typed cells are kept as typed (no （待确认））.
// kAddToGroup adds a row under `level1`/`level2` (a category the table lacks): after the last row
// of that 一级, or where the national order 产出, 成本, 效益, 满意度 puts it (`line` unused).
struct TargetRowEdit {
  enum class Kind { kSet, kDelete, kInsertAfter, kAddToGroup } kind = Kind::kSet;
  int line = 0;
  std::string level3, value;
  std::string level1, level2;  // kAddToGroup only
};
FixedTable EditTargetTable(const TargetFile& file, const std::vector<TargetRowEdit>& edits);

// The group a whole-table finding says is missing (缺少效益指标, 缺少满意度指标, 没有成本目标,
// 缺少产出指标中的“数量”类目标): its 一级 and the 二级 a unit may choose (the first preselected).
// nullopt for other findings (a row's, or 全表's count).
struct MissingGroup {
  std::string level1;
  std::vector<std::string> level2s;
};
std::optional<MissingGroup> MissingGroupOf(const targets::Issue& issue);

}  // namespace jixiao
