// Sheet and column names of the data-entry workbook.
#include "casefile/entry_layout.h"

#include <utility>

namespace jixiao::entry {

const std::vector<ProjectField>& ProjectFields() {
  static const std::vector<ProjectField> kFields = {
      {"name", "项目名称", "年度＋地区＋事项，如：2024年××镇××项目"},
      {"year", "年度", "如：2024"},
      {"district", "区", "所在区（县、市），如：××区"},
      {"town", "街镇", "如：××镇、××街道；区级项目没有街镇时留空"},
      {"unit", "项目单位", "项目实施单位全称"},
      {"authority", "主管部门", ""},
      {"commissioner", "委托部门", "委托评价的部门"},
      {"evaluator", "评价机构", "第三方评价机构全称"},
      {"lead", "主评人", ""},
      {"kind", "项目类型", "如：经常性项目"},
      {"period", "实施期间", "如：2024年1月1日至2024年12月31日"},
      {"date", "报告日期", "封面日期，如：2025年7月"},
      {"report_title", "报告标题", "封面标题与“项目名称+绩效评价报告”不同时填写"},
  };
  return kFields;
}

const std::vector<Column>& BudgetColumns() {
  static const std::vector<Column> k = {{"序号", 6},
                                        {"项目构成", 24},
                                        {"项目明细", 28},
                                        {"资金来源", 10},
                                        {"年初预算(元)", 15},
                                        {"调整金额(元)", 15},
                                        {"调整后预算(元)", 15},
                                        {"实际支出(元)", 15},
                                        {"单价(元)", 10},
                                        {"数量", 8},
                                        {"单位", 6},
                                        {"依据", 22}};
  return k;
}
const std::vector<Column>& FundingColumns() {
  static const std::vector<Column> k = {
      {"资金来源", 14}, {"预算金额(元)", 16}, {"到位金额(元)", 16}};
  return k;
}
const std::vector<Column>& HistoryColumns() {
  static const std::vector<Column> k = {
      {"年度", 8}, {"年初预算(元)", 16}, {"调整后预算(元)", 16}, {"实际支出(元)", 16}};
  return k;
}
const std::vector<Column>& TransferColumns() {
  static const std::vector<Column> k = {
      {"事项", 50}, {"金额(元)", 14}, {"截止日期", 12}, {"实际日期", 12}};
  return k;
}
const std::vector<Column>& PlanColumns() {
  static const std::vector<Column> k = {{"序号", 6},      {"政策", 30},     {"内容", 30},
                                        {"计划数量", 10}, {"实际数量", 10}, {"单位", 8}};
  return k;
}
const std::vector<Column>& DisbursementColumns() {
  static const std::vector<Column> k = {
      {"月份", 8}, {"批次", 8}, {"人次", 8}, {"金额(元)", 14}, {"备注", 30}};
  return k;
}
const std::vector<Column>& TargetColumns() {
  static const std::vector<Column> k = {
      {"一级", 10},    {"二级", 12},   {"三级", 26},     {"指标值类型", 8}, {"指标值", 12},
      {"计量单位", 8}, {"实际值", 12}, {"出处依据", 14}, {"指标解释", 30},  {"评(扣)分标准", 30}};
  return k;
}
const std::vector<Column>& MetricColumns() {
  static const std::vector<Column> k = {
      {"指标名称", 22}, {"数值", 12}, {"单位", 8}, {"数据来源", 40}, {"说明", 36}};
  return k;
}
const std::vector<Column>& FindingColumns() {
  static const std::vector<Column> k = {
      {"编码", 7},      {"指标名称", 24}, {"分值(分)", 8},    {"评分方式", 22},
      {"业绩值", 14},   {"等级", 12},     {"满足的要素", 12}, {"调整后得分(分)", 10},
      {"调整原因", 20}, {"分析", 60},     {"摘要用语", 30},   {"得分比例", 10},
      {"不适用", 8}};
  return k;
}
const std::vector<Column>& DeductionColumns() {
  static const std::vector<Column> k = {
      {"编码", 8}, {"指标名称", 24}, {"扣分(分或比例)", 14}, {"原因", 70}};
  return k;
}

const std::vector<Column>& ObservationColumns() {
  static const std::vector<Column> k = {{"类别", 8}, {"标题", 30}, {"内容", 80}, {"相关指标", 14}};
  return k;
}

std::string BareHeader(const std::string& header) {
  size_t cut = header.find('(');
  size_t full = header.find("（");
  if (full != std::string::npos && (cut == std::string::npos || full < cut)) cut = full;
  std::string bare = cut == std::string::npos ? header : header.substr(0, cut);
  while (!bare.empty() && (bare.back() == ' ')) bare.pop_back();
  return bare;
}

std::string HeaderUnit(const std::string& header) {
  size_t open = header.find('(');
  size_t width = 1;
  if (open == std::string::npos) {
    open = header.find("（");
    width = std::string("（").size();
  }
  if (open == std::string::npos) return "";
  size_t close = header.find(')', open);
  if (close == std::string::npos) close = header.find("）", open);
  if (close == std::string::npos) return "";
  return header.substr(open + width, close - open - width);
}

std::string SheetOfFile(const std::string& file) {
  static const std::pair<const char*, const char*> kFiles[] = {
      {"budget.csv", kBudget},   {"funding.csv", kFunding},
      {"history.csv", kHistory}, {"transfers.csv", kTransfers},
      {"plan.csv", kPlan},       {"disbursements.csv", kDisbursements},
      {"targets.csv", kTargets}};
  for (const auto& [name, sheet] : kFiles)
    if (file == name) return sheet;
  return "";
}

}  // namespace jixiao::entry
