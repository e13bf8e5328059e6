// The CSV tables of a case directory (DESIGN.md §4). Merged cells exported from Excel arrive as
// blanks, so a blank 序号/政策/一级/二级/月份 continues the row above.

#include <functional>

#include "core/format.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/csv.h"
#include "ingest/target_rows.h"

namespace jixiao {
namespace {

bool IsTotalLabel(const std::string& text) { return text == "合计" || text == "总计"; }

// Reads one CSV file and hands it to `read`; unreadable or undecodable files become diagnostics.
void ReadCsvInto(const std::string& path, Diagnostics& diags,
                 const std::function<void(const CsvTable&, CsvCells&)>& read) {
  try {
    CsvTable csv = ReadCsvFile(path);
    CsvCells cells(csv, diags);
    read(csv, cells);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
  }
}

// Opens dir/name if present and hands the parsed table to `read`.
template <typename Row>
void LoadTable(const std::string& dir, const std::string& name, Table<Row>& table,
               Diagnostics& diags,
               const std::function<void(const CsvTable&, CsvCells&, Table<Row>&)>& read) {
  std::string path = dir + "/" + name;
  if (!PathExists(path)) return;  // a FIFO or a symlink loop is present, and refused when read
  table.present = true;
  table.file = path;
  ReadCsvInto(path, diags, [&](const CsvTable& csv, CsvCells& cells) { read(csv, cells, table); });
}

void ReadBudget(const CsvTable& csv, CsvCells& cells, Case& c) {
  if (!cells.RequireColumns({"序号", "项目明细", "年初预算", "调整金额", "调整后预算", "实际支出"}))
    return;
  CsvColumn seq = csv.Column("序号"), comp = csv.Column("项目构成"),
            detail = csv.Column("项目明细"), source = csv.Column("资金来源"),
            initial = csv.Column("年初预算"), adjustment = csv.Column("调整金额"),
            adjusted = csv.Column("调整后预算"), actual = csv.Column("实际支出"),
            price = csv.Column("单价"), quantity = csv.Column("数量"), basis = csv.Column("依据"),
            unit = csv.Column("单位");
  for (const auto& row : csv.rows) {
    std::string s = cells.Text(row, seq);
    if (IsTotalLabel(s) || IsTotalLabel(cells.Text(row, comp))) {
      BudgetTotals t;
      t.line = row.line;
      t.initial = cells.Amount(row, initial, true).value_or(Money{});
      t.adjustment = cells.Amount(row, adjustment, false).value_or(Money{});
      t.adjusted = cells.Amount(row, adjusted, true).value_or(Money{});
      t.actual = cells.Amount(row, actual, true).value_or(Money{});
      c.budget_totals = t;
      continue;
    }
    if (s.empty() && c.budget.rows.empty()) {
      cells.Error(row, seq, "csv.blank",
                  "第一行明细的序号不能为空（空序号表示与上一行属于同一预算行）");
      continue;
    }
    if (!s.empty() && (c.budget.rows.empty() || c.budget.rows.back().seq != s)) {
      BudgetLine line;
      line.seq = s;
      line.composition = cells.Text(row, comp);
      line.line = row.line;
      c.budget.rows.push_back(line);
    }
    BudgetLine& line = c.budget.rows.back();
    BudgetDetail d;
    d.detail = cells.Text(row, detail);
    d.source = cells.Text(row, source);
    d.initial = cells.Amount(row, initial, true).value_or(Money{});
    d.unit_price = cells.Number(row, price, false);
    d.quantity = cells.Number(row, quantity, false);
    d.quantity_unit = unit.present() ? cells.Text(row, unit) : quantity.unit;
    d.basis = cells.Text(row, basis);
    d.line = row.line;
    line.details.push_back(d);
    line.adjustment += cells.Amount(row, adjustment, false).value_or(Money{});
    line.adjusted += cells.Amount(row, adjusted, false).value_or(Money{});
    line.actual += cells.Amount(row, actual, false).value_or(Money{});
  }
}

void ReadFunding(const CsvTable& csv, CsvCells& cells, Table<FundingLine>& t, Diagnostics& diags) {
  if (!cells.RequireColumns({"资金来源", "预算金额", "到位金额"})) return;
  CsvColumn source = csv.Column("资金来源"), budget = csv.Column("预算金额"),
            received = csv.Column("到位金额");
  Money budget_sum, received_sum;
  for (const auto& row : csv.rows) {
    FundingLine f{cells.Text(row, source), cells.Amount(row, budget, true).value_or(Money{}),
                  cells.Amount(row, received, true).value_or(Money{}), row.line};
    if (IsTotalLabel(f.source)) {
      if (f.budget != budget_sum || f.received != received_sum) {
        diags.Error("funding.total", cells.WhereRow(row),
                    "合计行（预算" + FormatYuan(f.budget) + "，到位" + FormatYuan(f.received) +
                        "）与明细之和（预算" + FormatYuan(budget_sum) + "，到位" +
                        FormatYuan(received_sum) + "）不符，请核对");
      }
      continue;
    }
    budget_sum += f.budget;
    received_sum += f.received;
    t.rows.push_back(f);
  }
}

void ReadHistory(const CsvTable& csv, CsvCells& cells, Table<HistoryRow>& t) {
  if (!cells.RequireColumns({"年度", "年初预算", "调整后预算", "实际支出"})) return;
  CsvColumn year = csv.Column("年度"), initial = csv.Column("年初预算"),
            adjusted = csv.Column("调整后预算"), actual = csv.Column("实际支出");
  for (const auto& row : csv.rows) {
    t.rows.push_back({cells.Text(row, year), cells.Amount(row, initial, true).value_or(Money{}),
                      cells.Amount(row, adjusted, true).value_or(Money{}),
                      cells.Amount(row, actual, true).value_or(Money{}), row.line});
  }
}

void ReadPlan(const CsvTable& csv, CsvCells& cells, Table<PlanRow>& t) {
  if (!cells.RequireColumns({"政策", "内容", "计划数量"})) return;
  CsvColumn seq = csv.Column("序号"), policy = csv.Column("政策"), content = csv.Column("内容"),
            planned = csv.Column("计划数量"), actual = csv.Column("实际数量"),
            unit = csv.Column("单位");
  Rational planned_sum, actual_sum;
  bool any_actual = false;
  for (const auto& row : csv.rows) {
    if (IsTotalLabel(cells.Text(row, seq)) || IsTotalLabel(cells.Text(row, policy))) {
      // A 合计 row is a declared total: checked against the rows above, never dropped silently.
      const std::string total_unit = cells.Text(row, unit);
      auto declared = cells.Number(row, planned, false, total_unit);
      if (declared && *declared != planned_sum)
        cells.Error(row, planned, "plan.total",
                    "合计行的计划数量" + declared->ToString() + "与各行之和" +
                        planned_sum.ToString() + "不符，请核对");
      auto declared_actual = cells.Number(row, actual, false, total_unit);
      if (declared_actual && (!any_actual || *declared_actual != actual_sum))
        cells.Error(row, actual, "plan.total",
                    "合计行的实际数量" + declared_actual->ToString() + "与各行之和" +
                        actual_sum.ToString() + "不符，请核对");
      continue;
    }
    PlanRow p;
    p.seq = cells.Text(row, seq);
    p.policy = cells.Text(row, policy);
    if (p.policy.empty() && !t.rows.empty()) {
      p.policy = t.rows.back().policy;
      if (p.seq.empty()) p.seq = t.rows.back().seq;
    }
    p.content = cells.Text(row, content);
    p.unit = cells.Text(row, unit);
    p.planned = cells.Number(row, planned, true, p.unit).value_or(Rational{});
    p.actual = cells.Number(row, actual, false, p.unit);
    p.line = row.line;
    planned_sum += p.planned;
    if (p.actual) actual_sum += *p.actual, any_actual = true;
    t.rows.push_back(p);
  }
}

std::optional<int> ParseMonth(const std::string& text) {
  std::string digits =
      EndsWith(text, "月") ? text.substr(0, text.size() - std::string("月").size()) : text;
  auto value = Rational::Parse(digits);
  if (!value || value->den() != 1 || value->num() < 1 || value->num() > 12) return std::nullopt;
  return static_cast<int>(value->num());
}

void ReadDisbursements(const CsvTable& csv, CsvCells& cells, Table<Disbursement>& t,
                       Diagnostics& diags) {
  if (!cells.RequireColumns({"月份", "人次", "金额"})) return;
  CsvColumn month = csv.Column("月份"), batch = csv.Column("批次"), persons = csv.Column("人次"),
            amount = csv.Column("金额"), note = csv.Column("备注");
  Money sum;
  int64_t persons_sum = 0;
  for (const auto& row : csv.rows) {
    std::string m = cells.Text(row, month);
    if (IsTotalLabel(m)) {
      auto declared = cells.Amount(row, amount, false);
      if (declared && *declared != sum) {
        diags.Error("disbursements.total", cells.Where(row, amount),
                    "合计金额" + FormatYuan(*declared) + "与各批次之和" + FormatYuan(sum) + "不符");
      }
      auto declared_persons = cells.Number(row, persons, false);
      if (declared_persons && *declared_persons != Rational(persons_sum)) {
        diags.Error("disbursements.total_persons", cells.Where(row, persons),
                    "合计人次" + declared_persons->ToString() + "与各批次之和" +
                        std::to_string(persons_sum) + "不符");
      }
      continue;
    }
    Disbursement d;
    d.line = row.line;
    if (m.empty()) {
      if (t.rows.empty()) {
        cells.Error(row, month, "csv.blank", "第一行的月份不能为空（空月份表示与上一行同月）");
        continue;
      }
      d.month = t.rows.back().month;
    } else if (auto parsed = ParseMonth(m)) {
      d.month = *parsed;
    } else {
      cells.Error(row, month, "csv.month", "“" + m + "”不是有效月份，请写 1–12 或“1月”");
      continue;
    }
    int previous = (!t.rows.empty() && t.rows.back().month == d.month) ? t.rows.back().batch : 0;
    auto b = cells.Number(row, batch, false);
    if (b && (b->den() != 1 || b->num() < 1 || b->num() > 10000)) {
      cells.Error(row, batch, "csv.batch",
                  "批次必须是 1–10000 之间的整数，实际为“" + cells.Text(row, batch) + "”");
      b.reset();
    }
    d.batch = b ? static_cast<int>(b->num()) : previous + 1;
    auto p = cells.Number(row, persons, true);
    if (p && (p->den() != 1 || p->IsNegative())) {
      cells.Error(row, persons, "csv.persons", "人次必须是非负整数");
    }
    d.persons = p ? p->num() / p->den() : 0;
    d.amount = cells.Amount(row, amount, true).value_or(Money{});
    d.note = cells.Text(row, note);
    if (d.note == "-") d.note.clear();
    sum += d.amount;
    persons_sum = CheckedAdd(persons_sum, d.persons);
    t.rows.push_back(d);
  }
}

void ReadTransfers(const CsvTable& csv, CsvCells& cells, Table<Transfer>& t) {
  if (!cells.RequireColumns({"事项", "金额", "截止日期", "实际日期"})) return;
  CsvColumn item = csv.Column("事项"), amount = csv.Column("金额"), due = csv.Column("截止日期"),
            actual = csv.Column("实际日期");
  for (const auto& row : csv.rows) {
    Transfer tr;
    tr.item = cells.Text(row, item);
    tr.amount = cells.Amount(row, amount, true).value_or(Money{});
    tr.line = row.line;
    bool ok = true;
    for (auto [col, date] : {std::pair{due, &tr.due}, std::pair{actual, &tr.actual}}) {
      std::string text = cells.Text(row, col);
      auto parsed = Date::Parse(text);
      if (!parsed) {
        cells.Error(row, col, "csv.date",
                    "“" + text +
                        "”不是有效日期，可写 2024-06-20、2024/06/20、"
                        "2024.06.20 或 2024年6月20日");
        ok = false;
      } else {
        *date = *parsed;
      }
    }
    if (ok) t.rows.push_back(tr);
  }
}

void ReadTargets(const CsvTable& csv, CsvCells& cells, Table<TargetRow>& t) {
  ReadTargetRows(csv, cells, t, false);
}

}  // namespace

void LoadTargetFile(const std::string& file, Table<TargetRow>& table, Diagnostics& diags) {
  table.present = true;
  table.file = file;
  ReadCsvInto(file, diags, [&](const CsvTable& csv, CsvCells& cells) {
    ReadTargetRows(csv, cells, table, true);
  });
}

void LoadBudgetFile(const std::string& file, Case& c, Diagnostics& diags) {
  c.budget.present = true;
  c.budget.file = file;
  ReadCsvInto(file, diags,
              [&](const CsvTable& csv, CsvCells& cells) { ReadBudget(csv, cells, c); });
}

void LoadCaseTables(const std::string& dir, Case& c, Diagnostics& diags) {
  LoadTable<BudgetLine>(
      dir, "budget.csv", c.budget, diags,
      [&](const CsvTable& csv, CsvCells& cells, Table<BudgetLine>&) { ReadBudget(csv, cells, c); });
  LoadTable<FundingLine>(dir, "funding.csv", c.funding, diags,
                         [&](const CsvTable& csv, CsvCells& cells, Table<FundingLine>& t) {
                           ReadFunding(csv, cells, t, diags);
                         });
  LoadTable<HistoryRow>(dir, "history.csv", c.history, diags, ReadHistory);
  LoadTable<PlanRow>(dir, "plan.csv", c.plan, diags, ReadPlan);
  LoadTable<Disbursement>(dir, "disbursements.csv", c.disbursements, diags,
                          [&](const CsvTable& csv, CsvCells& cells, Table<Disbursement>& t) {
                            ReadDisbursements(csv, cells, t, diags);
                          });
  LoadTable<Transfer>(dir, "transfers.csv", c.transfers, diags, ReadTransfers);
  LoadTable<TargetRow>(dir, "targets.csv", c.targets, diags, ReadTargets);
}

}  // namespace jixiao
