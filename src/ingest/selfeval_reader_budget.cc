// budget.csv, summary.csv and project.csv of a 自评表 CSV folder (docs/selfeval.md).
#include "core/text.h"
#include "ingest/selfeval_reader_internal.h"
#include "ingest/target_rows.h"

namespace jixiao::selfeval_internal {
namespace {

// An amount column whose header declares no unit takes the rule set's money unit.
CsvColumn WithUnit(CsvColumn col, const std::string& money_unit) {
  if (col.present() && col.unit.empty()) col.unit = money_unit;
  return col;
}

PrintedMoney Money(CsvCells& cells, const CsvRow& row, const CsvColumn& col, Diagnostics& diags) {
  PrintedMoney m{cells.Text(row, col), cells.Where(row, col), std::nullopt, ""};
  if (!col.present()) return m;
  size_t before = diags.ErrorCount();
  m.value = cells.Amount(row, col, false);
  if (diags.ErrorCount() > before) m.error = diags.items().back().message;
  return m;
}

// The block's total row: 合计, 总额, 年度资金总额：, 年度财政资金总额 …
bool IsTotalRow(const std::string& name) {
  std::string n;
  for (char ch : Trim(name))
    if (ch != ' ') n += ch;
  for (const char* colon : {"：", ":"})
    if (EndsWith(n, colon)) n = n.substr(0, n.size() - std::string(colon).size());
  return n == "合计" || n == "小计" || n == "总计" || n == "总额" || EndsWith(n, "资金总额");
}

// A source's own 分值 or 得分: "—", "/" or "-" (not scored on its own) read as not printed.
PrintedNumber SourceNumber(CsvCells& cells, const CsvRow& row, const CsvColumn& col,
                           Diagnostics& diags) {
  const std::string t = Trim(cells.Text(row, col));
  if (!col.present() || t.empty() || t == "—" || t == "——" || t == "/" || t == "-")
    return PrintedNumber{t, cells.Where(row, col), std::nullopt, ""};
  return Number(cells, row, col, false, diags);
}

}  // namespace

void ReadBudget(const CsvTable& csv, const std::string& money_unit, SelfEvalBudget& budget,
                Diagnostics& diags) {
  CsvCells cells(csv, diags);
  CsvColumn start = WithUnit(FirstColumn(csv, {"年初预算数", "年初预算"}), money_unit);
  CsvColumn full =
      WithUnit(FirstColumn(csv, {"全年预算数", "全年预算", "调整后预算数"}), money_unit);
  CsvColumn done = WithUnit(FirstColumn(csv, {"全年执行数", "全年执行", "实际支出数"}), money_unit);
  CsvColumn weight = FirstColumn(csv, {"分值"});
  CsvColumn rate = FirstColumn(csv, {"执行率", "预算执行率"});
  CsvColumn score = FirstColumn(csv, {"得分"});
  CsvColumn source = FirstColumn(csv, {"资金来源", "项目"});
  if (!full.present() || !done.present()) {
    std::string header;
    for (const auto& h : csv.header) header += (header.empty() ? "" : ",") + h;
    diags.Error("csv.missing_column", {csv.file, 1, 0, ""},
                "预算表缺少“全年预算数”或“全年执行数”列（列：年初预算数,全年预算数,全年执行数,分值,"
                "执行率,得分）；当前表头为：" +
                    header);
    return;
  }
  if (csv.rows.empty()) {
    diags.Error("csv.empty", {csv.file, 1, 0, ""}, "预算表没有数据行；请在表头下填写一行预算数据");
    return;
  }
  budget.present = true;
  budget.money_unit = full.unit;  // the header's, else the rule set's (WithUnit)
  const CsvRow* totals = nullptr;
  for (const auto& row : csv.rows) {
    if (source.present() && !IsTotalRow(cells.Text(row, source))) {
      FundingSource s;
      s.name = Printed(cells, row, source);
      s.year_start = Money(cells, row, start, diags);
      s.full_year = Money(cells, row, full, diags);
      s.executed = Money(cells, row, done, diags);
      s.weight = SourceNumber(cells, row, weight, diags);
      s.score = SourceNumber(cells, row, score, diags);
      budget.sources.push_back(s);
      continue;
    }
    if (!totals) totals = &row;
  }
  if (!totals && budget.sources.empty()) return;
  if (totals) {
    budget.line = totals->line;
    budget.year_start = Money(cells, *totals, start, diags);
    budget.full_year = Money(cells, *totals, full, diags);
    budget.executed = Money(cells, *totals, done, diags);
  } else {  // sources only: the block's figures are their sums, located at the first row
    const CsvRow& first = csv.rows.front();
    budget.line = first.line;
    auto sum = [&](PrintedMoney FundingSource::*field, const CsvColumn& col) {
      PrintedMoney m{"", cells.Where(first, col), jixiao::Money{0}, ""};
      for (const auto& s : budget.sources) {
        if (!(s.*field).value) return PrintedMoney{"", m.where, std::nullopt, ""};
        *m.value += *(s.*field).value;
      }
      return m;
    };
    budget.year_start = sum(&FundingSource::year_start, start);
    budget.full_year = sum(&FundingSource::full_year, full);
    budget.executed = sum(&FundingSource::executed, done);
  }
  const CsvRow& at = totals ? *totals : csv.rows.front();
  budget.weight = Number(cells, at, weight, false, diags);
  budget.rate = Number(cells, at, rate, true, diags);
  budget.score = Number(cells, at, score, false, diags);
  budget.reason =
      Printed(cells, at, FirstColumn(csv, {"偏差原因", "偏差原因分析及改进措施", "说明"}));
}

void ReadSummary(const CsvTable& csv, SelfEvaluation& form, Diagnostics& diags) {
  CsvCells cells(csv, diags);
  CsvColumn total = FirstColumn(csv, {"总分", "自评总分", "自评得分"});
  CsvColumn grade = FirstColumn(csv, {"等级", "自评等级", "评价等级"});
  if (!total.present()) {
    diags.Error("csv.missing_column", {csv.file, 1, 0, ""},
                "summary.csv 缺少“总分”列（列：总分,等级）");
    return;
  }
  if (csv.rows.empty()) return;
  const CsvRow& row = csv.rows.front();
  form.total = Number(cells, row, total, false, diags);
  form.grade = Printed(cells, row, grade);
}

void ReadProject(const CsvTable& csv, SelfEvaluation& form, Diagnostics& diags) {
  CsvCells cells(csv, diags);
  auto field = [&](const std::string& key) -> PrintedText* {
    if (key == "单位" || key == "实施单位" || key == "预算单位") return &form.header.unit;
    if (key == "项目名称") return &form.header.project;
    if (key == "主管部门") return &form.header.department;
    if (key == "年度" || key == "自评年度") return &form.header.year;
    if (key == "区域" || key == "地区") return &form.header.region;
    if (key == "总体目标" || key == "年度总体目标" || key == "年度绩效目标") return &form.goal;
    if (key == "实际完成情况" || key == "总体目标实际完成情况") return &form.goal_actual;
    return nullptr;
  };
  CsvColumn key = FirstColumn(csv, {"字段", "项目"}), value = FirstColumn(csv, {"内容", "值"});
  if (key.present() && value.present()) {
    for (const auto& row : csv.rows)
      if (PrintedText* f = field(cells.Text(row, key))) *f = Printed(cells, row, value);
    return;
  }
  if (csv.rows.empty()) return;  // one row under named columns
  for (size_t i = 0; i < csv.header.size(); ++i) {
    CsvColumn col = csv.Column(csv.header[i]);
    if (PrintedText* f = field(Trim(csv.header[i]))) *f = Printed(cells, csv.rows.front(), col);
  }
}

}  // namespace jixiao::selfeval_internal
