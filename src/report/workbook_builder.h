// The scoring workbook (scoring.xlsx) reviewers audit: 评分表 with four merged level columns,
// subtotals, total, 得分率 and 评级 as live formulas; 得分汇总; 预算执行; 发放明细; 绩效目标;
// 数据核查. Contract: every formula's cached value equals the engine's figure, so the file reads
// the same before and after a spreadsheet recalculates it.
#pragma once

#include <functional>
#include <string>

#include "core/diagnostics.h"
#include "document/workbook.h"
#include "report/report_input.h"

namespace jixiao::report {

// How the 数据核查 sheet names each item's place (issue 21 N3). Left empty, as the CLI leaves it:
// file:line and the rule code, for a user who owns the case files. Set by the web: `place` gives
// the page or sheet!cell the browser user fills in and `message` the page's wording; the code
// column is dropped and a place `place` cannot name is left blank, never a file path.
struct CheckPlaces {
  std::function<std::string(const Location&)> place;
  std::function<std::string(const std::string&)> message;
};

doc::Workbook BuildScoringWorkbook(const ReportInput& in, const CheckPlaces& places = {});

// The 评分表 sheet alone, with the cells of its subtotal rows (for 得分汇总's references).
struct ScoreSheetLayout {
  int weight_col = 0, score_col = 0;
  std::vector<int> subtotal_rows;  // one per 一级, in order
  int total_row = 0, grade_row = 0;
};
doc::Sheet ScoreSheet(const ReportInput& in, ScoreSheetLayout& layout);

}  // namespace jixiao::report
