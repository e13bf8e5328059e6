// Computed tables of the evaluation report, built from the case data and the scorecard.
// Contract: every figure in a cell is printed by core/format; a table whose data the case lacks
// is not built (the builder reports the template's reference instead of inventing numbers).
#pragma once

#include <optional>
#include <string>

#include "document/document.h"
#include "report/report_input.h"

namespace jixiao::report {

// Names: score_summary, framework, category:CODE, budget_initial, budget_execution, history,
// funding, plan, disbursements, targets, scoring_sheet.
std::optional<doc::Table> BuildTable(const std::string& name, const ReportInput& in);

// Charts: category_rates (得分率 by 一级).
std::optional<doc::Chart> BuildChart(const std::string& name, const ReportInput& in);

// Score tables (score_tables.cc).
doc::Table ScoreSummaryTable(const ReportInput& in);
doc::Table FrameworkTable(const ReportInput& in);
std::optional<doc::Table> CategoryTable(const std::string& code, const ReportInput& in);
doc::Table ScoringSheetTable(const ReportInput& in);

// Evidence tables (data_tables.cc).
std::optional<doc::Table> BudgetInitialTable(const ReportInput& in);
std::optional<doc::Table> BudgetExecutionTable(const ReportInput& in);
std::optional<doc::Table> HistoryTable(const ReportInput& in);
std::optional<doc::Table> FundingTable(const ReportInput& in);
std::optional<doc::Table> PlanTable(const ReportInput& in);
std::optional<doc::Table> DisbursementTable(const ReportInput& in);
std::optional<doc::Table> TargetTable(const ReportInput& in);
// 完成情况 of a 绩效目标 row: 已完成 when the actual meets the value; when not, 部分完成 if the
// indicator of that name scored part of its weight (救助资金发放及时性 3/5) or the actual says
// 部分/基本, else 未完成; "—" when the two cannot be compared.
std::string TargetStatus(const ReportInput& in, const TargetRow& row);

// Helpers shared by both files.
doc::Cell HeaderCell(const std::string& text);
doc::Cell TextCell(const std::string& text, doc::Align align = doc::Align::kLeft);
doc::Cell NumberCell(const std::string& text);
std::vector<doc::Cell> HeaderRow(const std::vector<std::string>& titles);

}  // namespace jixiao::report
