// Hand edits of a 绩效目标表's rows (the unit's page): cells set and rows inserted on a copy of the
// table's grid, deletions through FixTargetTable (which moves a merged 一级/二级 down), so the
// table is written by the one CSV writer that `targets fix` uses.
#include <algorithm>

#include "app/targets_app.h"
#include "ingest/target_rows.h"

namespace jixiao {

FixedTable EditTargetTable(const TargetFile& file, const std::vector<TargetRowEdit>& edits) {
  TargetFile copy = file;
  CsvTable& grid = copy.grid;
  const TargetColumns columns = FindTargetColumns(grid);
  std::vector<TargetChange> changes;
  std::vector<targets::Issue> deletions;
  int next_line = 1;
  for (const auto& row : grid.rows) next_line = std::max(next_line, row.line + 1);
  auto set = [&](CsvRow& row, const CsvColumn& column, const std::string& value, bool record) {
    if (column.index < 0) return;
    if (row.cells.size() <= static_cast<size_t>(column.index)) row.cells.resize(column.index + 1);
    std::string& cell = row.cells[column.index];
    if (cell == value) return;
    if (record) changes.push_back({row.line, grid.header[column.index], cell, value, "手工修改"});
    cell = value;
  };
  for (const auto& edit : edits) {
    auto at = std::find_if(grid.rows.begin(), grid.rows.end(),
                           [&](const CsvRow& r) { return r.line == edit.line; });
    if (at == grid.rows.end()) continue;
    if (edit.kind == TargetRowEdit::Kind::kSet) {
      set(*at, columns.level3, edit.level3, true);
      set(*at, columns.value, edit.value, true);
    } else if (edit.kind == TargetRowEdit::Kind::kDelete) {
      targets::Issue issue;
      issue.row = edit.line;
      issue.rule = "手工删除";
      targets::Fix fix;
      fix.delete_row = true;
      fix.line = edit.line;
      issue.fixes.push_back(fix);
      deletions.push_back(issue);
    } else {
      CsvRow added;
      added.line = next_line++;
      added.cells.assign(grid.header.size(), "");
      set(added, columns.level3, edit.level3, false);
      set(added, columns.value, edit.value, false);
      changes.push_back(
          {edit.line, "", "",
           "在第" + std::to_string(edit.line) + "行后添加“" + edit.level3 + "” " + edit.value,
           "手工添加"});
      grid.rows.insert(at + 1, added);
    }
  }
  FixedTable out = FixTargetTable(copy, deletions);
  changes.insert(changes.end(), out.changes.begin(), out.changes.end());
  out.changes = changes;
  return out;
}

}  // namespace jixiao
