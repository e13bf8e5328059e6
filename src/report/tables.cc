#include "report/tables.h"

namespace jixiao::report {

doc::Cell HeaderCell(const std::string& text) {
  doc::Cell c;
  c.text = text;
  c.bold = true;
  return c;
}

doc::Cell TextCell(const std::string& text, doc::Align align) {
  doc::Cell c;
  c.text = text;
  c.align = align;
  return c;
}

doc::Cell NumberCell(const std::string& text) { return TextCell(text, doc::Align::kCenter); }

std::vector<doc::Cell> HeaderRow(const std::vector<std::string>& titles) {
  std::vector<doc::Cell> row;
  for (const auto& t : titles) row.push_back(HeaderCell(t));
  return row;
}

namespace {

std::optional<doc::Table> BuildTableWithEveryColumn(const std::string& name,
                                                    const ReportInput& in) {
  if (name == "score_summary") return ScoreSummaryTable(in);
  if (name == "framework") return FrameworkTable(in);
  if (name == "scoring_sheet") return ScoringSheetTable(in);
  if (name.rfind("category:", 0) == 0) return CategoryTable(name.substr(9), in);
  if (name == "budget_initial") return BudgetInitialTable(in);
  if (name == "budget_execution") return BudgetExecutionTable(in);
  if (name == "history") return HistoryTable(in);
  if (name == "funding") return FundingTable(in);
  if (name == "plan") return PlanTable(in);
  if (name == "disbursements") return DisbursementTable(in);
  if (name == "targets") return TargetTable(in);
  return std::nullopt;
}

}  // namespace

// A column the case has no data for (no 依据, no 单价, a framework without 评分标准) is not drawn.
std::optional<doc::Table> BuildTable(const std::string& name, const ReportInput& in) {
  std::optional<doc::Table> table = BuildTableWithEveryColumn(name, in);
  if (table) table->DropEmptyColumns();
  return table;
}

std::string ChineseNumber(int n) {
  static const char* const kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[n];
  if (n < 20) return std::string("十") + (n % 10 ? kDigits[n % 10] : "");
  if (n < 100) return std::string(kDigits[n / 10]) + "十" + (n % 10 ? kDigits[n % 10] : "");
  return std::to_string(n);
}

std::string CategoryLabel(const std::string& name) {
  return name.rfind("项目", 0) == 0 ? name : "项目" + name;
}

}  // namespace jixiao::report
