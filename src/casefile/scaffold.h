// `jixiao new`: a case folder to fill in — case.json with the project block and one finding per
// leaf, every data table with its header row (README.md shows an example row of each), narrative
// stubs named after the report template's sections, and the framework copied in (or derived from
// a 绩效目标表) so the folder is self-contained wherever it is moved.
// Contract: refuses an existing non-empty folder; writes atomically; problems go to `diags`.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct NewCaseOptions {
  std::string dir;
  std::string framework;  // shipped id, or a path to a framework .json
  std::string targets;    // optional 绩效目标表: .csv or .xlsx
  // Optional: the table as first filed (.xlsx), whose header block (项目名称, 实施单位, 资金 …)
  // stands when `targets` is a corrected copy without one (the web page saves fixes as CSV).
  std::string targets_header;
  std::string templates_dir;  // report section templates (for the narrative stubs)
  // Project fields already known (case.json "project" keys: name, year, town, unit, …), e.g.
  // typed into the web page's 新建评价 form; a non-empty one wins over the table's header.
  std::map<std::string, std::string> project;
};

inline constexpr const char* kStubMark = "【待填写】";
// What `new --targets` dropped or re-placed from the unit's table, one located line each; `sheet`
// lists it on the workbook's 说明 sheet.
inline constexpr const char* kTargetChangesFile = "targets_changes.txt";

// The data tables of a case and their header rows (DESIGN.md §4).
struct TableSpec {
  const char* file;
  const char* header;   // CSV header line
  const char* example;  // one example row, shown in README.md
  const char* purpose;
};
const std::vector<TableSpec>& CaseTables();

// The narrative keys (file names without .md) in the report template's order, each with the
// heading printed above it ([[narrative:KEY]] under "## 立项背景"); empty when unreadable.
std::vector<std::pair<std::string, std::string>> NarrativeSections(const std::string& dir);

// Returns false when an error was reported. `summary` receives what was written.
bool NewCase(const NewCaseOptions& options, Diagnostics& diags, std::string& summary);

}  // namespace jixiao
