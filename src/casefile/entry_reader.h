// Typed, located reading of one sheet of a filled data-entry workbook (`jixiao import`).
// Contract: every problem is an error located as 工作表!单元格 (e.g. 预算执行!C5) with what to
// fix; typed getters return nullopt after reporting. Columns are found by header text in row 1.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"
#include "ingest/xlsx.h"

namespace jixiao::entry {

class SheetReader {
 public:
  // Reports a missing sheet as an error; present() is then false.
  SheetReader(const XlsxWorkbook& book, const std::string& name, Diagnostics& diags);
  bool present() const { return sheet_ != nullptr; }
  // 1-based column whose header (without unit) is `bare`; 0 (and an error if required) if none.
  int Column(const std::string& bare, bool required = true);
  std::string Unit(int col) const;  // from the header's parenthesis
  int LastRow() const { return sheet_ ? sheet_->max_row : 0; }
  bool RowBlank(int row) const;
  std::string Text(int row, int col) const;  // trimmed; numbers as text; dates as YYYY-MM-DD
  // A numeric or year cell's text read through ingest/half_width.h: full-width figures as ASCII
  // with a 提示 at the cell, an ambiguous "１，５" an error there (nullopt); "" when blank.
  std::optional<std::string> Figure(int row, int col, bool year = false);
  // Sheets whose blank cell means "same as above" (预算执行 序号/项目构成, 绩效目标 一级/二级):
  // a merged range's text then counts in its first cell only, as the CSV writes it. Elsewhere
  // every covered cell reads the range's text.
  void MergedTextInFirstCellOnly() { merged_first_only_ = true; }
  const XlsxCell& Cell(int row, int col) const;
  Location Where(int row, int col) const;
  void Error(int row, int col, const std::string& code, const std::string& message);
  // True (after an error) when the cell holds a date where `what` (a number, an amount) is
  // expected: Excel turns a typed 2/3 or 3-5 into a date, never to be read as its serial.
  bool RejectDate(int row, int col, const std::string& what);
  // An amount in 元 (or the header's unit: 万元, 亿元); numbers or texts such as "1,568.99万元".
  std::optional<Money> Amount(int row, int col, bool required);
  // A plain number (a percent-formatted cell yields its percent number when `percent_as_100`).
  std::optional<Rational> Number(int row, int col, bool required, bool percent_as_100 = false);
  // A date as "YYYY-MM-DD" from a date cell or a text such as 2024年6月20日.
  std::optional<std::string> Date(int row, int col, bool required);
  const std::string& name() const { return name_; }

 private:
  std::optional<std::string> Required(int row, int col, bool required, const std::string& what);
  const XlsxWorkbook& book_;
  const XlsxSheet* sheet_ = nullptr;
  std::string name_;
  Diagnostics& diags_;
  bool merged_first_only_ = false;
};

}  // namespace jixiao::entry
