// The 自评表 workbook handed to the CSV folder reader, and locations mapped back to its cells.
#include "core/csv_field.h"
#include "core/text.h"
#include "ingest/selfeval_workbook.h"

namespace jixiao {
namespace {

std::string ToCsv(const CsvTable& t) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) { out += CsvRecord(cells, "\n"); };
  line(t.header);
  for (const auto& r : t.rows) line(r.cells);
  return out;
}

}  // namespace

SelfEvalCsvInput SelfEvalWorkbookInput(const SelfEvalWorkbook& wb) {
  SelfEvalCsvInput in;
  in.name = wb.form.file;
  in.form_csv = ToCsv(wb.form);
  if (!wb.budget.rows.empty()) in.budget_csv = ToCsv(wb.budget);
  if (!wb.summary.rows.empty()) in.summary_csv = ToCsv(wb.summary);
  if (!wb.project.rows.empty()) in.project_csv = ToCsv(wb.project);
  in.block_points = wb.block_points;
  return in;
}

int SelfEvalWorkbookRow(const SelfEvalWorkbook& wb, int csv_line) {
  size_t i = static_cast<size_t>(csv_line - 2);
  return csv_line >= 2 && i < wb.form.rows.size() ? wb.form.rows[i].line : 0;
}

Location SelfEvalWorkbookLocation(const SelfEvalWorkbook& wb, const Location& where) {
  const std::string& xlsx = wb.form.file;
  const CsvTable* table = nullptr;
  std::string name;
  for (const auto& [t, n] : {std::pair{&wb.form, "form"}, std::pair{&wb.budget, "budget"},
                             std::pair{&wb.summary, "summary"}})
    if (where.file == xlsx + "/" + n + ".csv") table = t, name = n;
  if (!table) return where;
  Location out;
  out.file = xlsx;
  size_t i = static_cast<size_t>(where.line - 2);
  if (where.line < 2 || i >= table->rows.size()) {
    out.path = wb.sheet;  // the header or the whole table
    return out;
  }
  const int row = table->rows[i].line;
  size_t col = static_cast<size_t>(where.column - 1);
  if (where.column >= 1 && col < table->header.size()) {
    std::string column = table->header[col];
    size_t unit = column.find('(');
    if (unit != std::string::npos) column = column.substr(0, unit);
    std::string cell = wb.CellOf(name, row, column);
    if (!cell.empty()) {
      out.path = cell;
      return out;
    }
  }
  out.path = wb.sheet + "!" + std::to_string(row) + ":" + std::to_string(row);
  return out;
}

}  // namespace jixiao
