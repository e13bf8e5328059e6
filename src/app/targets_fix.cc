// `targets fix`: the table's own cells with every mechanical suggestion applied. A later fix of the
// same cell replaces an earlier one (the checker emits the most specific last); changed cells end
// with （待确认） so the unit confirms them; template placeholder rows are dropped.
#include <map>
#include <set>

#include "app/targets_app.h"
#include "core/csv_field.h"
#include "ingest/target_rows.h"

namespace jixiao {

FixedTable FixTargetTable(const TargetFile& file, const std::vector<targets::Issue>& issues) {
  const CsvTable& grid = file.grid;
  TargetColumns columns = FindTargetColumns(grid);
  auto index = [&](const std::string& column) {
    const CsvColumn& c = column == "一级"   ? columns.level1
                         : column == "二级" ? columns.level2
                         : column == "三级" ? columns.level3
                                            : columns.value;
    return c.index;
  };
  std::map<std::pair<int, int>, std::pair<std::string, std::string>>
      edits;  // (line, col) -> value, rule
  std::set<int> deleted;
  std::map<int, std::string> deleted_rule;
  for (const auto& issue : issues) {
    if (!issue.file.empty()) continue;
    for (const auto& fix : issue.fixes) {
      int line = fix.line ? fix.line : issue.row;
      if (fix.delete_row) {
        deleted.insert(line);
        deleted_rule[line] = issue.rule;
      } else if (index(fix.column) >= 0) {
        edits[{line, index(fix.column)}] = {fix.value, issue.rule};
      }
    }
  }
  FixedTable out;
  out.csv = "\xEF\xBB\xBF" + CsvRecord(grid.header);
  // A deleted row may hold the merged 一级 (or 二级) of the rows below it: the next kept row whose
  // cell is blank takes it, so the rows keep their category.
  const int merged_columns[] = {columns.level1.index, columns.level2.index};
  std::map<int, std::string> carried;  // column -> value left by deleted rows
  size_t carried_from = 0;             // the change that lists the deletion
  auto cell_at = [](const std::vector<std::string>& cells, int i) {
    return i >= 0 && i < static_cast<int>(cells.size()) ? cells[i] : std::string();
  };
  for (const auto& row : grid.rows) {
    if (deleted.count(row.line)) {
      std::string shown;
      for (const auto& c : row.cells) shown += c.empty() ? "" : (shown.empty() ? "" : " ") + c;
      out.changes.push_back({row.line, "", shown, "", deleted_rule[row.line]});
      for (int col : merged_columns) {
        if (col < 0 || cell_at(row.cells, col).empty()) continue;
        if (col == columns.level1.index) carried.erase(columns.level2.index);  // a new 一级 group
        carried[col] = row.cells[col];
        carried_from = out.changes.size() - 1;
      }
      continue;
    }
    std::vector<std::string> cells = row.cells;
    cells.resize(std::max(cells.size(), grid.header.size()));
    for (int col : merged_columns) {
      auto it = carried.find(col);
      if (it == carried.end()) continue;
      bool new_group = !cell_at(cells, columns.level1.index).empty() ||
                       (col == columns.level2.index && !cells[col].empty());
      if (!new_group && cells[col].empty()) {
        cells[col] = it->second;
        std::string& note = out.changes[carried_from].after;
        note += (note.empty() ? "" : "，") + grid.header[col] + "“" + it->second + "”移到第" +
                std::to_string(row.line) + "行";
      }
    }
    if (!cell_at(cells, columns.level1.index).empty() || !carried.empty()) carried.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      auto it = edits.find({row.line, static_cast<int>(i)});
      if (it == edits.end() || it->second.first == cells[i]) continue;
      out.changes.push_back(
          {row.line, grid.header[i], cells[i], it->second.first, it->second.second});
      cells[i] = it->second.first + "（待确认）";
    }
    out.csv += CsvRecord(cells);
  }
  return out;
}

}  // namespace jixiao
