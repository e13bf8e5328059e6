// CSV tables as budget units and evaluators export them from Excel: UTF-8 (BOM tolerated),
// GB18030 or CP936; quoted cells with commas and newlines; a Chinese header row whose cells may
// declare a unit, as in 年初预算(万元).
// Contract: ReadCsvFile throws InputError for unreadable or undecodable files; cell-level problems
// go to Diagnostics with file, line, column and the column's name.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"

namespace jixiao {

struct CsvRow {
  int line = 0;  // 1-based source line where the row starts
  std::vector<std::string> cells;
};

struct CsvColumn {
  int index = -1;
  std::string header;  // as written, e.g. "年初预算(万元)"
  std::string unit;    // from the parenthesis, e.g. "万元"; empty if none
  bool present() const { return index >= 0; }
};

struct CsvTable {
  std::string file;
  std::string encoding;
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // data rows; blank rows are skipped
  // Column whose name (before any unit parenthesis) equals `name`.
  CsvColumn Column(const std::string& name) const;
};

CsvTable ParseCsv(const std::string& file, const std::string& utf8_text);
CsvTable ReadCsvFile(const std::string& file);
// The same from bytes already in memory (an upload); `file` is only the name shown in messages.
CsvTable ParseCsvBytes(const std::string& file, const std::string& bytes);

// One amount as typed ("1,234.5", "100万元", "1,568.99万元") read exactly into fen; a bare
// number is in `unit` (元 when ""). nullopt with a code (csv.amount, csv.unit,
// csv.amount_range) and a Chinese reason the caller locates. CsvCells::Amount and the 自评表
// edits in serve share it.
std::optional<Money> ReadMoneyText(const std::string& text, const std::string& unit,
                                   std::string* code, std::string* error);

// Typed cells with located errors.
class CsvCells {
 public:
  CsvCells(const CsvTable& table, Diagnostics& diags) : table_(table), diags_(diags) {}
  // Reports each required column that is missing from the header; returns false if any is.
  bool RequireColumns(const std::vector<std::string>& names);
  std::string Text(const CsvRow& row, const CsvColumn& col) const;
  // A numeric cell's text read through ingest/half_width.h: full-width figures as ASCII with a
  // 提示 at file:line, an ambiguous "１，５" an error (nullopt).
  std::optional<std::string> Figure(const CsvRow& row, const CsvColumn& col);
  // Amount in 元, 万元 or 亿元 per the column's unit; blank -> nullopt without error unless
  // required.
  std::optional<Money> Amount(const CsvRow& row, const CsvColumn& col, bool required);
  // Amounts may carry their own unit ("1,568.99万元"), converted exactly to the column's unit.
  // A number may carry a unit only when it matches (or converts to) `expected_unit`, else the
  // column's declared unit.
  std::optional<Rational> Number(const CsvRow& row, const CsvColumn& col, bool required,
                                 const std::string& expected_unit = "");
  Location Where(const CsvRow& row, const CsvColumn& col) const;
  Location WhereRow(const CsvRow& row) const { return {table_.file, row.line, 0, ""}; }
  void Error(const CsvRow& row, const CsvColumn& col, const std::string& code,
             const std::string& message) {
    diags_.Error(code, Where(row, col), message);
  }

 private:
  const CsvTable& table_;
  Diagnostics& diags_;
};

}  // namespace jixiao
