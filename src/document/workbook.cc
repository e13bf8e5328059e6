#include "document/workbook.h"

namespace jixiao::doc {

void Sheet::Text(int r, int c, const std::string& text, CellStyle style) {
  WCell& cell = cells[{r, c}];
  cell.kind = WCell::Kind::kText;
  cell.text = text;
  cell.style = style;
}

void Sheet::Number(int r, int c, double value, CellStyle style) {
  WCell& cell = cells[{r, c}];
  cell.kind = WCell::Kind::kNumber;
  cell.number = value;
  cell.style = style;
}

void Sheet::Formula(int r, int c, const std::string& formula, double cached, CellStyle style) {
  WCell& cell = cells[{r, c}];
  cell.kind = WCell::Kind::kFormula;
  cell.formula = formula;
  cell.number = cached;
  cell.cached_text = false;
  cell.style = style;
}

void Sheet::FormulaText(int r, int c, const std::string& formula, const std::string& cached,
                        CellStyle style) {
  WCell& cell = cells[{r, c}];
  cell.kind = WCell::Kind::kFormula;
  cell.formula = formula;
  cell.text = cached;
  cell.cached_text = true;
  cell.style = style;
}

void Sheet::Merge(int first_row, int first_col, int last_row, int last_col) {
  if (first_row == last_row && first_col == last_col) return;
  merges.push_back({first_row, first_col, last_row, last_col});
}

const WCell* Sheet::At(int r, int c) const {
  auto it = cells.find({r, c});
  return it == cells.end() ? nullptr : &it->second;
}

std::string ColumnName(int col) {
  std::string name;
  for (int n = col + 1; n > 0; n = (n - 1) / 26)
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

std::string Ref(int row, int col, bool absolute) {
  std::string d = absolute ? "$" : "";
  return d + ColumnName(col) + d + std::to_string(row + 1);
}

}  // namespace jixiao::doc
