// A 项目支出绩效自评表 kept as an .xlsx, in the layouts units publish: national (财预〔2020〕10号),
// 四川 衔接资金 (分值 before 年度指标值, no 年初), 云南 公开 (指标性质 / 指标值 / 度量单位 split,
// money in 元), 湖北-style (budget worth 20 points, 年度绩效目标1/2 blocks, no per-row 分值) and
// 四川 2023 (权重, budget split by funding source). The layout is told from the header cells, never
// from positions. Contract: the form comes back as the three CSV-shaped tables the CSV folder holds
// (form, budget, summary; canonical columns, line = the sheet's row number) with every cell's
// sheet!cell kept; an unreadable workbook or a sheet without an indicator header is a located
// error.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "ingest/selfeval_reader.h"

namespace jixiao {

// The canonical columns of form.csv, budget.csv and summary.csv (issue 24).
const std::vector<std::string>& SelfEvalFormColumns();
const std::vector<std::string>& SelfEvalBudgetColumns();
const std::vector<std::string>& SelfEvalSummaryColumns();

enum class SelfEvalLayout { kNational, kSichuanXianjie, kYunnanPublic, kHubei, kSichuan2023 };
std::string LayoutName(SelfEvalLayout layout);  // 全国通用, 四川衔接资金, …

// A 年度绩效目标N (40分) block of the 湖北-style form: the form.csv lines it covers.
struct SelfEvalGoalBlock {
  std::string name;    // 年度绩效目标1
  std::string points;  // "40" as printed, empty when not printed
  int first_line = 0, last_line = 0;
};

struct SelfEvalWorkbook {
  SelfEvalLayout layout = SelfEvalLayout::kNational;
  std::string sheet;
  std::string money_unit = "万元";  // of the budget amounts, from the block's label
  CsvTable form;                    // SelfEvalFormColumns(); 一级 names without their "(50分)"
  CsvTable budget;  // SelfEvalBudgetColumns() (amount headers carry the unit: 全年预算数(元))
  CsvTable summary;  // SelfEvalSummaryColumns(); one row when the form prints a 总分
  CsvTable
      project;  // 字段, 内容: 单位, 项目名称, 主管部门, 年度, 总体目标, 实际完成情况 (header block)
  std::vector<SelfEvalGoalBlock> goal_blocks;
  std::map<std::string, std::string> block_points;  // 一级 name -> "50" from 产出指标(50分)
  // Where each value was read: (table, line, column) -> "Sheet!C5"; table is form/budget/summary.
  std::map<std::pair<std::string, std::pair<int, std::string>>, std::string> cells;
  std::string CellOf(const std::string& table, int line, const std::string& column) const;
};

bool LoadSelfEvalWorkbook(const std::string& file, SelfEvalWorkbook& out, Diagnostics& diags);

// The workbook's tables as the CSV folder's files (name = the .xlsx path), for ReadSelfEvalCsv:
// one reader and one set of rules for both sources.
SelfEvalCsvInput SelfEvalWorkbookInput(const SelfEvalWorkbook& wb);
// A location read from that input (<xlsx>/form.csv:L:C) as the workbook cell it came from
// (<xlsx> Sheet!F16; a whole row as Sheet!16:16); any other location unchanged.
Location SelfEvalWorkbookLocation(const SelfEvalWorkbook& wb, const Location& where);
// The sheet row of a form.csv line of that input (0 when none).
int SelfEvalWorkbookRow(const SelfEvalWorkbook& wb, int csv_line);

}  // namespace jixiao
