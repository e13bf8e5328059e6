// The data-entry workbook's layout, shared by `jixiao sheet` (writes it) and `jixiao import`
// (reads it back): sheet names, column headers with units, and the 项目信息 field labels.
// Contract: row 1 of every data sheet is the header; import finds columns by header text (the
// part before any unit parenthesis), so columns may be reordered; data starts on row 2.
#pragma once

#include <string>
#include <vector>

namespace jixiao::entry {

inline constexpr const char* kGuide = "说明";
inline constexpr const char* kProject = "项目信息";
inline constexpr const char* kBudget = "预算执行";
inline constexpr const char* kFunding = "资金到位";
inline constexpr const char* kHistory = "历年预算";
inline constexpr const char* kTransfers = "资金划拨";
inline constexpr const char* kPlan = "计划完成";
inline constexpr const char* kDisbursements = "发放明细";
inline constexpr const char* kTargets = "绩效目标";
inline constexpr const char* kMetrics = "指标数据";
inline constexpr const char* kFindings = "评价结论";
inline constexpr const char* kDeductions = "扣分明细";
inline constexpr const char* kObservations = "经验问题建议";

// 说明 sheet: labels in column A, what a person reads in column B (the project's name, the
// framework's Chinese title), the ids import needs in hidden column C. Workbooks made before
// issue 21 hold the ids in column B under 案例编号 and 指标体系.
inline constexpr const char* kGuideCaseId = "案例编号";
inline constexpr const char* kGuideProject = "项目";
inline constexpr const char* kGuideFramework = "指标体系";

struct ProjectField {
  const char* key;    // case.json project key
  const char* label;  // 项目信息!A
  const char* hint;
};
const std::vector<ProjectField>& ProjectFields();

struct Column {
  const char* header;  // with unit, e.g. "年初预算(元)"
  double width;
};
// Column lists per data sheet (the CSV column is the header without its unit).
const std::vector<Column>& BudgetColumns();
const std::vector<Column>& FundingColumns();
const std::vector<Column>& HistoryColumns();
const std::vector<Column>& TransferColumns();
const std::vector<Column>& PlanColumns();
const std::vector<Column>& DisbursementColumns();
const std::vector<Column>& TargetColumns();
const std::vector<Column>& MetricColumns();
const std::vector<Column>& FindingColumns();
const std::vector<Column>& DeductionColumns();
const std::vector<Column>& ObservationColumns();

// The sheet that holds a case table: "budget.csv" -> "预算执行"; "" for a file no sheet holds.
std::string SheetOfFile(const std::string& file);

// "年初预算(元)" -> "年初预算"; "分值（分）" -> "分值".
std::string BareHeader(const std::string& header);
// The unit in a header's parenthesis: "年初预算(万元)" -> "万元"; "" when none.
std::string HeaderUnit(const std::string& header);

}  // namespace jixiao::entry
