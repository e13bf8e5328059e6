// `jixiao import`: the CSV tables (budget, funding, history, transfers, plan, disbursements,
// targets) from their sheets, written in canonical form (amounts in 元, dates YYYY-MM-DD).
#include "casefile/entry_import.h"
#include "casefile/entry_layout.h"
#include "casefile/entry_reader.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "model/target_value.h"

namespace jixiao::entry {
namespace {

std::string MoneyCell(const std::optional<Money>& m) { return m ? MoneyText(*m) : ""; }
std::string NumberCell(const std::optional<Rational>& r) { return r ? ExactDecimal(*r) : ""; }

bool IsTotal(const std::string& text) { return text == "合计" || text == "总计"; }

std::string Budget(SheetReader& in) {
  in.MergedTextInFirstCellOnly();
  int seq = in.Column("序号"), comp = in.Column("项目构成"), detail = in.Column("项目明细"),
      source = in.Column("资金来源"), initial = in.Column("年初预算"),
      adjustment = in.Column("调整金额"), adjusted = in.Column("调整后预算"),
      actual = in.Column("实际支出"), price = in.Column("单价"), quantity = in.Column("数量"),
      basis = in.Column("依据"), unit = in.Column("单位", false);
  std::string out;
  bool first = true;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    const bool total = IsTotal(in.Text(r, seq)) || IsTotal(in.Text(r, comp));
    if (first && !total && in.Text(r, seq).empty())
      in.Error(r, seq, "import.blank",
               "第一行明细的序号不能为空（空序号表示与上一行属于同一预算行）");
    first = false;
    out +=
        CsvLine({in.Text(r, seq), in.Text(r, comp), in.Text(r, detail), in.Text(r, source),
                 MoneyCell(in.Amount(r, initial, true)), MoneyCell(in.Amount(r, adjustment, false)),
                 MoneyCell(in.Amount(r, adjusted, total)), MoneyCell(in.Amount(r, actual, total)),
                 NumberCell(in.Number(r, price, false)), NumberCell(in.Number(r, quantity, false)),
                 unit > 0 ? in.Text(r, unit) : in.Unit(quantity), in.Text(r, basis)});
  }
  return out;
}

std::string Funding(SheetReader& in) {
  int source = in.Column("资金来源"), budget = in.Column("预算金额"),
      received = in.Column("到位金额");
  std::string out;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    if (in.Text(r, source).empty())
      in.Error(r, source, "import.blank", "请填写资金来源（中央、市级、区级、镇级…）");
    out += CsvLine({in.Text(r, source), MoneyCell(in.Amount(r, budget, true)),
                    MoneyCell(in.Amount(r, received, true))});
  }
  return out;
}

std::string History(SheetReader& in) {
  int year = in.Column("年度"), initial = in.Column("年初预算"), adjusted = in.Column("调整后预算"),
      actual = in.Column("实际支出");
  std::string out;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    if (in.Text(r, year).empty()) in.Error(r, year, "import.blank", "请填写年度，如 2023");
    out +=
        CsvLine({in.Figure(r, year, true).value_or(""), MoneyCell(in.Amount(r, initial, true)),
                 MoneyCell(in.Amount(r, adjusted, true)), MoneyCell(in.Amount(r, actual, true))});
  }
  return out;
}

std::string Transfers(SheetReader& in) {
  int item = in.Column("事项"), amount = in.Column("金额"), due = in.Column("截止日期"),
      actual = in.Column("实际日期");
  std::string out;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    if (in.Text(r, item).empty()) in.Error(r, item, "import.blank", "请填写划拨事项");
    out += CsvLine({in.Text(r, item), MoneyCell(in.Amount(r, amount, true)),
                    in.Date(r, due, true).value_or(""), in.Date(r, actual, true).value_or("")});
  }
  return out;
}

std::string Plan(SheetReader& in) {
  int seq = in.Column("序号"), policy = in.Column("政策"), content = in.Column("内容"),
      planned = in.Column("计划数量"), actual = in.Column("实际数量"), unit = in.Column("单位");
  std::string out;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    out += CsvLine({in.Text(r, seq), in.Text(r, policy), in.Text(r, content),
                    NumberCell(in.Number(r, planned, true)),
                    NumberCell(in.Number(r, actual, false)), in.Text(r, unit)});
  }
  return out;
}

std::string Disbursements(SheetReader& in) {
  int month = in.Column("月份"), batch = in.Column("批次"), persons = in.Column("人次"),
      amount = in.Column("金额"), note = in.Column("备注");
  std::string out;
  bool first = true;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    std::string m = in.Text(r, month);
    if (!IsTotal(m) && !m.empty()) {
      std::string digits = m;
      if (digits.size() > 3 && digits.compare(digits.size() - 3, 3, "月") == 0)
        digits.resize(digits.size() - 3);
      auto value = Rational::Parse(digits);
      if (!value || value->den() != 1 || value->num() < 1 || value->num() > 12)
        in.Error(r, month, "import.month", "“" + m + "”不是有效月份，请填 1–12 或“1月”");
      else
        m = std::to_string(value->num()) + "月";
    } else if (m.empty() && first) {
      in.Error(r, month, "import.blank", "第一行的月份不能为空（空月份表示与上一行同月）");
    }
    first = false;
    auto p = in.Number(r, persons, !IsTotal(m));
    if (p && (p->den() != 1 || p->IsNegative()))
      in.Error(r, persons, "import.persons", "人次必须是非负整数");
    out += CsvLine({m, NumberCell(in.Number(r, batch, false)), NumberCell(p),
                    MoneyCell(in.Amount(r, amount, !IsTotal(m))), in.Text(r, note)});
  }
  return out;
}

std::string Targets(SheetReader& in) {
  in.MergedTextInFirstCellOnly();
  int l1 = in.Column("一级"), l2 = in.Column("二级"), l3 = in.Column("三级"),
      type = in.Column("指标值类型", false), value = in.Column("指标值"),
      unit = in.Column("计量单位", false), actual = in.Column("实际值"),
      source = in.Column("出处依据", false), explanation = in.Column("指标解释", false),
      criteria = in.Column("评", false);
  std::string out;
  for (int r = 2; r <= in.LastRow(); ++r) {
    if (in.RowBlank(r)) continue;
    if (in.Text(r, l3).empty()) in.Error(r, l3, "import.blank", "三级指标名称不能为空");
    if (in.Text(r, value).empty())
      in.Error(r, value, "import.blank", "指标值不能为空，请写如“≥90%”或“及时”");
    // 指标值 and 实际值 as typed, full-width figures read as ASCII (with a 提示 at the cell); a
    // percent-formatted number becomes "98.9%".
    const std::string target_text = in.Figure(r, value).value_or("");
    std::string actual_text = in.Figure(r, actual).value_or("");
    const XlsxCell& cell = in.Cell(r, actual);
    if (cell.type == XlsxCell::Type::kNumber && cell.style == XlsxNumberStyle::kPercent)
      if (auto v = Rational::Parse(cell.text)) actual_text = ExactDecimal(*v * Rational(100)) + "%";
    // Read as the target rule will read it, so an unreadable 实际值 is named at its cell.
    if (!actual_text.empty() && !target_text.empty()) {
      const TargetValue target = TargetValue::Parse(TargetWithUnit(target_text, in.Text(r, unit)));
      if (target.error.empty()) {
        const ActualReading reading = ReadActual(target, actual_text);
        if (!reading.attainment)
          in.Error(
              r, actual, "import.target_actual",
              "绩效目标“" + in.Text(r, l3) + "”（指标值" + target_text + "）：" + reading.error);
      }
    }
    out += CsvLine({in.Text(r, l1), in.Text(r, l2), in.Text(r, l3), in.Text(r, type), target_text,
                    in.Text(r, unit), actual_text, in.Text(r, source), in.Text(r, explanation),
                    in.Text(r, criteria)});
  }
  return out;
}

struct TableImport {
  const char* sheet;
  const char* file;
  const char* header;
  std::string (*read)(SheetReader&);
};

}  // namespace

void ImportTables(const XlsxWorkbook& book, CaseFiles& files, Diagnostics& diags) {
  static const TableImport kTables[] = {
      {kBudget, "budget.csv",
       "序号,项目构成,项目明细,资金来源,年初预算,调整金额,调整后预算,实际支出,单价,数量,单位,依据",
       Budget},
      {kFunding, "funding.csv", "资金来源,预算金额,到位金额", Funding},
      {kHistory, "history.csv", "年度,年初预算,调整后预算,实际支出", History},
      {kTransfers, "transfers.csv", "事项,金额,截止日期,实际日期", Transfers},
      {kPlan, "plan.csv", "序号,政策,内容,计划数量,实际数量,单位", Plan},
      {kDisbursements, "disbursements.csv", "月份,批次,人次,金额,备注", Disbursements},
      {kTargets, "targets.csv",
       "一级,二级,三级,指标值类型,指标值,计量单位,实际值,出处依据,指标解释,评(扣)分标准", Targets},
  };
  for (const TableImport& t : kTables) {
    SheetReader in(book, t.sheet, diags);
    if (!in.present()) continue;
    const std::string rows = t.read(in);
    files[t.file] = rows.empty() ? "" : std::string(t.header) + "\n" + rows;
  }
}

// The 绩效目标 rows given an 实际值 in the imported targets.csv (the summary counts them beside
// the metrics: browser trial 2 read "0 个指标值" after 13 实际值 were imported).
size_t TargetActuals(const CaseFiles& files) {
  auto it = files.find("targets.csv");
  if (it == files.end() || it->second.empty()) return 0;
  try {
    CsvTable table = ParseCsv("targets.csv", it->second);
    CsvColumn actual = table.Column("实际值");
    if (!actual.present()) return 0;
    size_t n = 0;
    for (const auto& row : table.rows)
      n += static_cast<size_t>(actual.index) < row.cells.size() &&
           !Trim(row.cells[static_cast<size_t>(actual.index)]).empty();
    return n;
  } catch (const InputError&) {
    return 0;
  }
}

}  // namespace jixiao::entry
