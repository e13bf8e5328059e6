// Hand edits of a 绩效目标表's rows (the unit's page): cells set and rows inserted on a copy of the
// table's grid, deletions through FixTargetTable (which moves a merged 一级/二级 down), so the
// table is written by the one CSV writer that `targets fix` uses.
#include <algorithm>

#include "app/targets_app.h"
#include "ingest/target_rows.h"

namespace jixiao {
namespace {

// The national order of the 一级 (产出, 成本, 效益, 满意度); others (管理指标…) after them.
int GroupRank(const std::string& level1) {
  if (level1.find("产出") != std::string::npos) return 0;
  if (level1.find("成本") != std::string::npos) return 1;
  if (level1.find("效益") != std::string::npos) return 2;
  if (level1.find("满意") != std::string::npos) return 3;
  return 4;
}

// The grid row a kAddToGroup row goes after: the last row of the same 一级, else the last row
// of an earlier 一级 in the national order; 0 when the new row goes first.
int AddToGroupAfter(const TargetFile& file, const TargetRowEdit& edit) {
  int after = 0;
  for (const auto& r : file.targets.rows)
    if (r.level1 == edit.level1) after = r.line;
  if (after != 0) return after;
  const int rank = GroupRank(edit.level1);
  for (const auto& r : file.targets.rows)
    if (GroupRank(r.level1) <= rank) after = r.line;
  return after;
}

}  // namespace

std::optional<MissingGroup> MissingGroupOf(const targets::Issue& issue) {
  if (issue.row != 0) return std::nullopt;
  if (issue.rule == "T04" && issue.message.rfind("没有成本目标", 0) == 0)
    return MissingGroup{"成本指标", {"经济成本指标", "社会成本指标", "生态环境成本指标"}};
  if (issue.rule != "T03") return std::nullopt;
  if (issue.indicator == "效益指标")
    return MissingGroup{"效益指标",
                        {"社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标"}};
  if (issue.indicator == "满意度指标") return MissingGroup{"满意度指标", {"服务对象满意度指标"}};
  if (issue.indicator == "产出指标")
    return MissingGroup{"产出指标", {"数量指标", "质量指标", "时效指标"}};
  for (const char* kind : {"数量", "质量", "时效"})
    if (issue.indicator == std::string("产出指标/") + kind)
      return MissingGroup{"产出指标", {std::string(kind) + "指标"}};
  return std::nullopt;
}

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
  for (auto edit : edits) {
    const bool add_to_group = edit.kind == TargetRowEdit::Kind::kAddToGroup;
    if (add_to_group) edit.line = AddToGroupAfter(file, edit);
    if (add_to_group && edit.line == 0) {  // before the first row
      grid.rows.insert(grid.rows.begin(), CsvRow{});
      grid.rows.front().line = next_line++;
      grid.rows.front().cells.assign(grid.header.size(), "");
      edit.line = grid.rows.front().line;
      set(grid.rows.front(), columns.level1, edit.level1, false);
      set(grid.rows.front(), columns.level2, edit.level2, false);
      set(grid.rows.front(), columns.level3, edit.level3, false);
      set(grid.rows.front(), columns.value, edit.value, false);
      changes.push_back(
          {edit.line, "", "",
           "在表首添加“" + edit.level1 + "/" + edit.level2 + "/" + edit.level3 + "” " + edit.value,
           "手工添加"});
      continue;
    }
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
      if (add_to_group) {
        set(added, columns.level1, edit.level1, false);
        set(added, columns.level2, edit.level2, false);
      }
      set(added, columns.level3, edit.level3, false);
      set(added, columns.value, edit.value, false);
      const std::string what =
          add_to_group ? edit.level1 + "/" + edit.level2 + "/" + edit.level3 : edit.level3;
      changes.push_back(
          {edit.line, "", "",
           "在第" + std::to_string(edit.line) + "行后添加“" + what + "” " + edit.value,
           "手工添加"});
      auto next = grid.rows.insert(at + 1, added) + 1;
      // The row after keeps its own 一级/二级 where it left them blank (merged cells).
      if (add_to_group && next != grid.rows.end()) {
        for (const auto& r : file.targets.rows)
          if (r.line == next->line) {
            auto blank = [&](const CsvColumn& c) {
              return c.index >= 0 && (next->cells.size() <= static_cast<size_t>(c.index) ||
                                      next->cells[c.index].empty());
            };
            if (blank(columns.level1)) set(*next, columns.level1, r.level1, false);
            if (blank(columns.level2)) set(*next, columns.level2, r.level2, false);
          }
      }
    }
  }
  FixedTable out = FixTargetTable(copy, deletions);
  changes.insert(changes.end(), out.changes.begin(), out.changes.end());
  out.changes = changes;
  return out;
}

}  // namespace jixiao
