// Reads .xlsx workbooks (Office Open XML spreadsheets) into plain typed cells: sheet names in
// workbook order, shared and inline strings, numbers, dates (from the cell's number format; 1900
// system with its 1900-02-29 bug, or 1904), booleans, errors, formulas' cached values, merged
// ranges. Contract: never trusts the file. Decompressed parts are capped (XlsxLimits), references
// beyond Excel's grid are rejected, missing parts are named. Every problem throws InputError whose
// location names the file and the part or sheet!cell (e.g. 预算执行!C5), with a Chinese message.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct XlsxLimits {
  size_t max_file_bytes = 100u << 20;   // the .xlsx itself
  size_t max_part_bytes = 128u << 20;   // one decompressed XML part
  size_t max_total_bytes = 256u << 20;  // all decompressed parts together
  size_t max_cells = 2000000;           // non-empty cells in the whole workbook
};

// How a number cell is formatted, from styles.xml (built-in ids and custom format codes).
enum class XlsxNumberStyle { kGeneral, kPercent, kDate, kDateTime, kTime, kText };

struct XlsxCell {
  enum class Type { kEmpty, kText, kNumber, kBoolean, kError };
  Type type = Type::kEmpty;
  // kText: the string; kNumber: the value at Excel's 15 significant digits, plain decimal
  // ("0.902", "1471745.31"); kBoolean: "TRUE"/"FALSE"; kError: "#DIV/0!" and the like.
  std::string text;
  double number = 0;  // kNumber (and kBoolean as 1/0)
  XlsxNumberStyle style = XlsxNumberStyle::kGeneral;
  // Dates: "2024-10-09" (kDate) or "2024-10-09 13:30:00" (kDateTime/kTime); empty when the
  // serial is not a valid date (negative, or beyond 9999-12-31).
  std::string date;
  bool formula = false;  // the value is a formula's cached result (kEmpty: none was saved)
  bool empty() const { return type == Type::kEmpty; }
};

struct XlsxRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;  // 1-based, inclusive
  bool Contains(int row, int col) const {
    return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
  }
};

struct XlsxSheet {
  std::string name;
  std::map<std::pair<int, int>, XlsxCell> cells;  // (row, col), 1-based; only non-empty cells
  std::vector<XlsxRange> merges;
  int max_row = 0;
  int max_col = 0;
  // The cell's own value; for a cell covered by a merged range, the range's top-left value.
  const XlsxCell& At(int row, int col) const;
  // The merged range that contains (row, col), or nullptr.
  const XlsxRange* MergeAt(int row, int col) const;
};

struct XlsxWorkbook {
  std::string file;
  bool date1904 = false;
  std::vector<XlsxSheet> sheets;  // in workbook order
  const XlsxSheet* Find(const std::string& name) const;
};

// Parses bytes of an .xlsx; `file` is used in messages.
XlsxWorkbook ParseXlsx(const std::string& file, const std::string& bytes,
                       const XlsxLimits& limits = {});
XlsxWorkbook ReadXlsxFile(const std::string& file, const XlsxLimits& limits = {});

// Cell references: "C5" <-> (5, 3). ParseCellRef returns false for malformed references or ones
// beyond Excel's grid (1,048,576 rows × 16,384 columns, XFD).
bool ParseCellRef(const std::string& ref, int& row, int& col);
std::string CellName(int row, int col);  // (5, 3) -> "C5"
std::string ColumnName(int col);         // 3 -> "C"
Location CellLocation(const std::string& file, const std::string& sheet, int row, int col);

// Serial day number (with fraction) to "YYYY-MM-DD[ HH:MM:SS]"; false when not a valid date.
bool SerialToDate(double serial, bool date1904, bool with_time, std::string& out);
// Number style of a format code such as "0.00%", "yyyy\"年\"m\"月\"d\"日\"", "[h]:mm".
XlsxNumberStyle StyleOfFormatCode(const std::string& code);
XlsxNumberStyle StyleOfBuiltinFormat(int id);
// A double as Excel shows it at 15 significant digits, in plain decimal notation.
std::string DecimalText(double value);
// A cell as a person reads it: percent-formatted numbers as "95%", dates as the reader writes
// them, line breaks as blanks, trimmed.
std::string XlsxCellText(const XlsxCell& c);

}  // namespace jixiao
