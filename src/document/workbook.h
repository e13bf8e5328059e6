// A format-neutral workbook: sheets of typed, styled cells, formulas with the cached values the
// engine computed, merged ranges, frozen panes and print setup. report/ builds it; render/ writes
// it with libxlsxwriter.
// Contract: rows and columns are 0-based; a formula cell carries its cached value (number or
// text) so a reader that does not recalculate sees exactly the engine's figures.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::doc {

enum class CellStyle {
  kText,        // wrapped text, left
  kCenter,      // wrapped text, centred
  kHeader,      // bold, shaded, centred, wrapped
  kTitle,       // bold, larger
  kFormTitle,   // bold, larger, centred over its merged range (a printed form's title)
  kYuan,        // #,##0.00
  kRate,        // 0.00%
  kScore,       // 0.00 (scores and weights)
  kInteger,     // 0
  kTotalText,   // bold label of subtotal/total rows
  kTotalScore,  // bold 0.00
  kTotalRate,   // bold 0.00%
  kTotalYuan,   // bold #,##0.00
  // Cells a user fills in (data-entry workbooks): pale yellow.
  kInputText,    // text format "@": typed 25% or 2/3 stay as written
  kInputNumber,  // General
  kInputYuan,    // #,##0.00
  kInputDate,    // yyyy-mm-dd
  kNote,         // grey italic help text
  kFlagged,      // a cell with a 复核 finding: red fill, wrapped text
  // A figure with a 复核 finding: red fill with the figure's number format.
  kFlaggedYuan,   // #,##0.00
  kFlaggedRate,   // 0.00%
  kFlaggedScore,  // 0.00
};

// Excel data validation over a range: a drop-down list, or bounds on numbers and dates. `strict`
// stops other input; otherwise Excel warns and lets it through.
struct DataValidation {
  int first_row, first_col, last_row, last_col;
  // kNothing: no value may be typed (a summary row of an entry sheet).
  enum class Kind { kList, kDecimal, kWhole, kDate, kAny, kNothing } kind = Kind::kAny;
  std::vector<std::string> options;  // kList (Excel limits the joined list to 255 characters)
  double min = 0, max = 0;           // kDecimal/kWhole: bounds; kDate: "yyyy" years
  bool strict = true;
  std::string prompt_title, prompt;  // shown when the cell is selected
};

struct WCell {
  enum class Kind { kEmpty, kText, kNumber, kFormula };
  Kind kind = Kind::kEmpty;
  std::string text;     // text, or a formula's cached text result
  double number = 0;    // number, or a formula's cached numeric result
  std::string formula;  // "=SUM(I3:I8)"
  bool cached_text = false;
  CellStyle style = CellStyle::kText;
};

struct Range {
  int first_row, first_col, last_row, last_col;
};

// A native chart on the same sheet: categories and each series are column ranges over the data
// rows; a series takes its name from the header cell above `first_row`.
struct SheetChart {
  std::string title;
  int first_row, last_row;  // data rows
  int category_col, value_col;
  int anchor_row, anchor_col;  // where the chart is placed
  // kGroupedBar: one bar per series side by side (rates, which do not add up).
  enum class Type { kColumn, kStackedBar, kPie, kGroupedBar } type = Type::kColumn;
  std::vector<int> more_value_cols;  // further series (stacked or grouped bars)
};

struct Sheet {
  std::string name;
  std::map<std::pair<int, int>, WCell> cells;
  std::vector<double> widths;       // column widths in characters
  std::vector<int> hidden_columns;  // kept for programs (an id import reads), not shown
  std::vector<Range> merges;        // the origin cell holds the content
  int freeze_rows = 0, freeze_cols = 0;
  int header_first_row = -1, header_last_row = -1;  // repeated on every printed page
  bool landscape = true;
  std::vector<SheetChart> charts;
  std::vector<Range> color_scales;  // red–yellow–green conditional colouring of numbers
  std::vector<DataValidation> validations;
  std::map<std::pair<int, int>, std::string> comments;  // cell notes (a finding's message)

  void Text(int r, int c, const std::string& text, CellStyle style = CellStyle::kText);
  void Number(int r, int c, double value, CellStyle style);
  void Formula(int r, int c, const std::string& formula, double cached, CellStyle style);
  void FormulaText(int r, int c, const std::string& formula, const std::string& cached,
                   CellStyle style);
  void Merge(int first_row, int first_col, int last_row, int last_col);
  const WCell* At(int r, int c) const;
};

// Receives a streamed cell: the sheet's index in Workbook::sheets, row, column, cell.
using CellSink = std::function<void(size_t sheet, int r, int c, const WCell& cell)>;

struct Workbook {
  std::vector<Sheet> sheets;
  std::string title;
  // A long sheet (10⁵ rows) without holding its rows: when set, the writer lays out every sheet
  // from `cells`, then calls `stream` once, which sends further cells in row order per sheet
  // (below any cell already in `cells`); the writer keeps one row per sheet in memory
  // (libxlsxwriter constant_memory, strings inline rather than shared).
  std::function<void(const CellSink&)> stream;
};

// "A1"-style reference: Ref(2, 8) = "I3"; absolute adds $ signs.
std::string Ref(int row, int col, bool absolute = false);
std::string ColumnName(int col);

}  // namespace jixiao::doc
