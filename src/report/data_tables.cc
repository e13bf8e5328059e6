// Tables of the case's evidence: budget composition and execution, history, funding, plan,
// disbursements and the 绩效目标表 with actual values.
#include "core/format.h"
#include "core/text.h"
#include "model/target_value.h"
#include "report/number_policy.h"
#include "report/tables.h"
#include "report/text_lint.h"

namespace jixiao::report {
namespace {

std::string Yuan(Money m) { return FormatYuanBare(m); }
std::string Wan(Money m) { return GroupThousands(Rational(m.fen, 1000000).ToDecimal(2)); }

// A count in a table: "219000" -> "219,000" (as in the text, docs/rules.md number policy).
std::string Count(const Rational& q) { return GroupThousands(TrimmedDecimal(q)); }

std::string RateOf(Money part, Money whole) {
  if (whole.fen == 0) return "—";
  return FormatPercent(Rational(part.fen * 100, whole.fen));
}

// Merges equal consecutive texts in column `col` from row `first` on.
void MergeRuns(doc::Table& t, int first, int col) {
  int i = first, n = static_cast<int>(t.rows.size());
  while (i < n) {
    int j = i + 1;
    const std::string& text = t.rows[static_cast<size_t>(i)][static_cast<size_t>(col)].text;
    while (j < n && !text.empty() &&
           t.rows[static_cast<size_t>(j)][static_cast<size_t>(col)].text == text)
      ++j;
    if (j - i > 1) t.Merge(i, col, j - i, 1);
    i = j;
  }
}

}  // namespace

std::optional<doc::Table> BudgetInitialTable(const ReportInput& in) {
  if (!in.c.budget.present) return std::nullopt;
  // The 数量 column is summed only when every quantity has the same declared unit (12个 +
  // 219,000餐次 is no figure); with mixed units each cell names its unit and the total is "—".
  std::string unit;
  bool one_unit = true, any_quantity = false;
  for (const auto& line : in.c.budget.rows)
    for (const auto& d : line.details) {
      if (d.initial.fen == 0 || !d.quantity) continue;
      if (!any_quantity) unit = d.quantity_unit;
      any_quantity = true;
      one_unit = one_unit && d.quantity_unit == unit;
    }
  one_unit = one_unit && !unit.empty();
  doc::Table t;
  t.caption = "项目年初预算具体构成表（单位：元）";
  t.rows.push_back(HeaderRow({"项目名称", "序号", "项目构成", "项目明细", "年初预算", "单价",
                              one_unit ? "数量（" + unit + "）" : "数量", "依据"}));
  Money total;
  Rational quantity;
  bool all_quantities = true;
  int n = 0;
  for (const auto& line : in.c.budget.rows) {
    for (const auto& d : line.details) {
      if (d.initial.fen == 0) continue;
      total += d.initial;
      if (d.quantity)
        quantity = quantity + *d.quantity;
      else
        all_quantities = false;
      std::string count = d.quantity ? Count(*d.quantity) + (one_unit ? "" : d.quantity_unit) : "—";
      t.rows.push_back({TextCell(in.c.project.name, doc::Align::kCenter),
                        NumberCell(std::to_string(++n)), TextCell(line.composition),
                        TextCell(NormalizeFigures(d.detail)), NumberCell(Yuan(d.initial)),
                        NumberCell(d.unit_price ? GroupThousands(d.unit_price->ToDecimal(2)) : "—"),
                        NumberCell(count), TextCell(d.basis, doc::Align::kCenter)});
    }
  }
  if (t.rows.size() > 2) t.Merge(1, 0, static_cast<int>(t.rows.size()) - 1, 1);
  t.rows.push_back({HeaderCell("合计"), HeaderCell("合计"), HeaderCell("合计"), HeaderCell("合计"),
                    NumberCell(Yuan(total)), NumberCell("—"),
                    NumberCell(all_quantities && one_unit && n > 0 ? Count(quantity) : "—"),
                    NumberCell("—")});
  t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, 4);
  t.widths = {3, 2, 5, 6, 5, 4, 3, 5};
  return t;
}

std::optional<doc::Table> BudgetExecutionTable(const ReportInput& in) {
  if (!in.c.budget.present) return std::nullopt;
  doc::Table t;
  t.caption = "项目预算安排及支出情况表（单位：元）";
  t.rows.push_back(HeaderRow({"项目名称", "序号", "项目构成", "项目明细", "年初预算", "调整金额",
                              "调整后预算", "实际支出", "预算执行率"}));
  Money initial, adjustment, adjusted, actual;
  for (const auto& line : in.c.budget.rows) {
    int first = static_cast<int>(t.rows.size());
    for (const auto& d : line.details) {
      t.rows.push_back({TextCell(in.c.project.name, doc::Align::kCenter), NumberCell(line.seq),
                        TextCell(line.composition), TextCell(NormalizeFigures(d.detail)),
                        NumberCell(Yuan(d.initial)), NumberCell(Yuan(line.adjustment)),
                        NumberCell(Yuan(line.adjusted)), NumberCell(Yuan(line.actual)),
                        NumberCell(RateOf(line.actual, line.adjusted))});
    }
    int span = static_cast<int>(line.details.size());
    if (span > 1) {
      // The details share one adjustment: their 年初 subtotal stands beside it.
      t.rows.push_back(t.rows.back());
      doc::Cell& label = t.rows.back()[3];
      label = HeaderCell("小计");
      t.rows.back()[4] = NumberCell(Yuan(line.Initial()));
      t.rows.back()[4].bold = true;
      ++span;
      for (int col : {1, 2, 5, 6, 7, 8}) t.Merge(first, col, span, 1);
    }
    initial += line.Initial();
    adjustment += line.adjustment;
    adjusted += line.adjusted;
    actual += line.actual;
  }
  if (t.rows.size() > 2) t.Merge(1, 0, static_cast<int>(t.rows.size()) - 1, 1);
  t.rows.push_back({HeaderCell("合计"), HeaderCell("合计"), HeaderCell("合计"), HeaderCell("合计"),
                    NumberCell(Yuan(initial)), NumberCell(Yuan(adjustment)),
                    NumberCell(Yuan(adjusted)), NumberCell(Yuan(actual)),
                    NumberCell(RateOf(actual, adjusted))});
  t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, 4);
  t.widths = {3, 2, 5, 6, 5, 5, 5, 5, 4};
  return t;
}

std::optional<doc::Table> HistoryTable(const ReportInput& in) {
  if (!in.c.history.present) return std::nullopt;
  doc::Table t;
  t.caption = "项目近" + ChineseNumber(static_cast<int>(in.c.history.rows.size())) +
              "年预算安排及执行情况表（单位：万元）";
  t.rows.push_back(
      HeaderRow({"项目名称", "年份", "年初预算", "调整后预算", "实际支出", "预算执行率"}));
  // One name over the years: "2024年马桥镇医疗救助项目" heads the 2022 and 2023 rows too, so the
  // year it opens with goes (the 年份 column says each row's year).
  std::string name = in.c.project.name;
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  if (digits == 4 && name.compare(4, std::string("年").size(), "年") == 0 &&
      name.size() > 4 + std::string("年").size())
    name = name.substr(4 + std::string("年").size());
  for (const auto& h : in.c.history.rows) {
    std::string year = h.year.find("年") == std::string::npos ? h.year + "年" : h.year;
    t.rows.push_back({TextCell(name, doc::Align::kCenter), NumberCell(year),
                      NumberCell(Wan(h.initial)), NumberCell(Wan(h.adjusted)),
                      NumberCell(Wan(h.actual)), NumberCell(RateOf(h.actual, h.adjusted))});
  }
  if (t.rows.size() > 2) t.Merge(1, 0, static_cast<int>(t.rows.size()) - 1, 1);
  t.widths = {4, 2, 3, 3, 3, 3};
  return t;
}

std::optional<doc::Table> FundingTable(const ReportInput& in) {
  if (!in.c.funding.present) return std::nullopt;
  doc::Table t;
  t.caption = "项目资金来源及到位情况表（单位：元）";
  t.rows.push_back(HeaderRow({"资金来源", "预算金额", "到位金额", "到位率"}));
  Money budget, received;
  for (const auto& f : in.c.funding.rows) {
    budget += f.budget;
    received += f.received;
    t.rows.push_back({TextCell(f.source, doc::Align::kCenter), NumberCell(Yuan(f.budget)),
                      NumberCell(Yuan(f.received)), NumberCell(RateOf(f.received, f.budget))});
  }
  t.rows.push_back({HeaderCell("合计"), NumberCell(Yuan(budget)), NumberCell(Yuan(received)),
                    NumberCell(RateOf(received, budget))});
  return t;
}

std::optional<doc::Table> PlanTable(const ReportInput& in) {
  if (!in.c.plan.present) return std::nullopt;
  bool has_actual = false, one_unit = true;
  std::string unit;
  std::vector<const PlanRow*> rows;
  for (const auto& p : in.c.plan.rows) {
    if (p.seq == "合计") continue;  // the total is computed below
    rows.push_back(&p);
    has_actual = has_actual || p.actual.has_value();
    if (unit.empty()) unit = p.unit;
    one_unit = one_unit && p.unit == unit;
  }
  doc::Table t;
  t.caption = has_actual ? "项目计划实施内容及完成情况" : "项目计划实施内容";
  std::string in_unit = one_unit && !unit.empty() ? "（" + unit + "）" : "";
  std::vector<std::string> titles = {"序号", "政策", "具体内容", "计划数量" + in_unit};
  if (has_actual) titles.push_back("实际数量" + in_unit);
  if (in_unit.empty()) titles.push_back("单位");
  t.rows.push_back(HeaderRow(titles));
  Rational planned, actual;
  for (const PlanRow* p : rows) {
    planned = planned + p->planned;
    if (p->actual) actual = actual + *p->actual;
    std::vector<doc::Cell> row = {NumberCell(p->seq), TextCell(p->policy),
                                  TextCell(NormalizeFigures(p->content)),
                                  NumberCell(Count(p->planned))};
    if (has_actual) row.push_back(NumberCell(p->actual ? Count(*p->actual) : "—"));
    if (in_unit.empty()) row.push_back(NumberCell(p->unit));
    t.rows.push_back(row);
  }
  MergeRuns(t, 1, 0);
  MergeRuns(t, 1, 1);
  if (!in_unit.empty()) {
    std::vector<doc::Cell> total = {HeaderCell("合计"), HeaderCell("合计"), HeaderCell("合计"),
                                    NumberCell(Count(planned))};
    if (has_actual) total.push_back(NumberCell(Count(actual)));
    t.rows.push_back(total);
    t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, 3);
  }
  t.widths = {1, 5, 5, 2};
  if (has_actual) t.widths.push_back(2);
  if (in_unit.empty()) t.widths.push_back(1);
  return t;
}

std::optional<doc::Table> DisbursementTable(const ReportInput& in) {
  if (!in.c.disbursements.present) return std::nullopt;
  doc::Table t;
  t.caption = "社会化发放完成情况表";
  t.rows.push_back(HeaderRow({"月份", "批次", "人次", "金额（元）", "备注"}));
  int64_t persons = 0;
  Money amount;
  for (const auto& d : in.c.disbursements.rows) {
    persons += d.persons;
    amount += d.amount;
    t.rows.push_back({NumberCell(std::to_string(d.month) + "月"),
                      NumberCell(std::to_string(d.batch)), NumberCell(Count(Rational(d.persons))),
                      NumberCell(Yuan(d.amount)), TextCell(d.note.empty() ? "—" : d.note)});
  }
  MergeRuns(t, 1, 0);
  t.rows.push_back({HeaderCell("合计"), HeaderCell("合计"), NumberCell(Count(Rational(persons))),
                    NumberCell(Yuan(amount)), TextCell("")});
  t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, 2);
  t.widths = {1, 1, 1, 2, 4};
  return t;
}

std::string TargetStatus(const ReportInput& in, const TargetRow& row) {
  auto met = TargetMet(TargetAsScored(row.value), TargetValue::Parse(row.actual));
  if (!met) return "—";
  if (*met) return "已完成";
  for (const auto& leaf : in.card.indicators)
    if (leaf.leaf && leaf.name == row.level3 && !leaf.not_applicable_weight)
      return Score{} < leaf.score ? "部分完成" : "未完成";
  return StartsWith(row.actual, "部分") || StartsWith(row.actual, "基本") ? "部分完成" : "未完成";
}

std::optional<doc::Table> TargetTable(const ReportInput& in) {
  if (!in.c.targets.present) return std::nullopt;
  doc::Table t;
  t.caption = "项目绩效目标表";
  t.rows.push_back(
      HeaderRow({"一级指标", "二级指标", "三级指标", "指标值", "实际值", "完成情况", "出处依据"}));
  for (const auto& row : in.c.targets.rows) {
    std::string status = TargetStatus(in, row);
    t.rows.push_back({TextCell(row.level1, doc::Align::kCenter),
                      TextCell(row.level2, doc::Align::kCenter), TextCell(row.level3),
                      NumberCell(NormalizeFigures(row.value)),  // a standard: ≥219,000餐次, 100%
                      NumberCell(row.actual.empty() ? "—" : NormalizeValue(row.actual)),
                      NumberCell(status), TextCell(row.source, doc::Align::kCenter)});
  }
  MergeRuns(t, 1, 0);
  MergeRuns(t, 1, 1);
  t.widths = {2, 2, 4, 2, 2, 2, 2};
  return t;
}

}  // namespace jixiao::report
