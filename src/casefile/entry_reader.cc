// Located typed cells of the data-entry workbook.
#include "casefile/entry_reader.h"

#include <cstdio>

#include "casefile/entry_layout.h"
#include "core/quantity.h"
#include "core/text.h"
#include "ingest/half_width.h"

namespace jixiao::entry {
namespace {
// A cell's text as quoted in messages: at most 40 characters.
std::string Shown(const std::string& text) {
  size_t i = 0, n = 0;
  while (i < text.size() && n < 40) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++n;
  }
  return i < text.size() ? text.substr(0, i) + "…" : text;
}
}  // namespace

SheetReader::SheetReader(const XlsxWorkbook& book, const std::string& name, Diagnostics& diags)
    : book_(book), sheet_(book.Find(name)), name_(name), diags_(diags) {
  if (!sheet_)
    diags_.Error(
        "import.missing_sheet", {book.file, 0, 0, name},
        "缺少工作表“" + name +
            "”：请使用 jixiao sheet 生成的工作簿，不要删除或改名工作表（没有数据时留空即可）");
}

int SheetReader::Column(const std::string& bare, bool required) {
  if (!sheet_) return 0;
  for (int c = 1; c <= sheet_->max_col && c <= 200; ++c)
    if (BareHeader(Trim(sheet_->At(1, c).text)) == bare) return c;
  if (required)
    diags_.Error("import.missing_column", {book_.file, 0, 0, name_ + "!1:1"},
                 "工作表“" + name_ + "”第1行缺少列“" + bare + "”：请勿改动表头文字");
  return 0;
}

std::string SheetReader::Unit(int col) const {
  return sheet_ && col > 0 ? HeaderUnit(Trim(sheet_->At(1, col).text)) : "";
}

const XlsxCell& SheetReader::Cell(int row, int col) const {
  static const XlsxCell kEmpty;
  return sheet_ && col > 0 ? sheet_->At(row, col) : kEmpty;
}

std::string SheetReader::Text(int row, int col) const {
  if (merged_first_only_ && sheet_)
    if (const XlsxRange* merge = sheet_->MergeAt(row, col);
        merge && (merge->first_row != row || merge->first_col != col))
      return "";
  const XlsxCell& cell = Cell(row, col);
  if (!cell.date.empty()) return cell.date.substr(0, 10);
  return Trim(cell.text);
}

std::optional<std::string> SheetReader::Figure(int row, int col, bool year) {
  const std::string text = Text(row, col);
  if (text.empty() || col <= 0) return text;
  return HalfWidthField(text, Where(row, col), diags_, year);
}

bool SheetReader::RowBlank(int row) const {
  if (!sheet_) return true;
  for (int c = 1; c <= sheet_->max_col && c <= 200; ++c) {
    const XlsxCell& cell = sheet_->At(row, c);
    // Any text counts, formulas' results too; an uncalculated formula counts (import reports it).
    if ((cell.formula && cell.empty()) || !Trim(cell.text).empty()) return false;
  }
  return true;
}

Location SheetReader::Where(int row, int col) const {
  return CellLocation(book_.file, name_, row, col > 0 ? col : 1);
}

void SheetReader::Error(int row, int col, const std::string& code, const std::string& message) {
  diags_.Error(code, Where(row, col), message);
}

std::optional<std::string> SheetReader::Required(int row, int col, bool required,
                                                 const std::string& what) {
  if (col <= 0) return std::nullopt;
  const XlsxCell& cell = Cell(row, col);
  if (const XlsxRange* merge = sheet_ ? sheet_->MergeAt(row, col) : nullptr;
      merge && (merge->first_row != row || merge->first_col != col)) {
    // A merged value counts once, in the range's first cell; the other cells are empty.
    if (required)
      Error(row, col, "import.merged",
            "单元格属于合并区域 " + CellName(merge->first_row, merge->first_col) + ":" +
                CellName(merge->last_row, merge->last_col) +
                "，合并的值只计入第一格，这一格为空：" + "请取消合并，逐格填写" + what);
    return std::nullopt;
  }
  if (cell.type == XlsxCell::Type::kError) {
    Error(row, col, "import.cell_error", "单元格是错误值 " + cell.text + "，请改成" + what);
    return std::nullopt;
  }
  const std::optional<std::string> figure = Figure(row, col);
  if (!figure) return std::nullopt;
  const std::string& text = *figure;
  if (text.empty() && cell.formula && cell.empty()) {
    Error(row, col, "import.formula",
          "公式没有保存计算结果：请在 Excel 中打开并保存一次，或直接填写" + what);
    return std::nullopt;
  }
  if (text.empty()) {
    if (required) Error(row, col, "import.blank", "不能为空，请填写" + what);
    return std::nullopt;
  }
  return text;
}

bool SheetReader::RejectDate(int row, int col, const std::string& what) {
  if (Cell(row, col).date.empty()) return false;
  Error(row, col, "import.date_cell",
        "单元格是日期（" + Text(row, col) + "），这里应填" + what +
            "：Excel 会把 2/3、3-5 这类输入自动转成日期，请先把单元格格式设为“文本”再填写");
  return true;
}

std::optional<Money> SheetReader::Amount(int row, int col, bool required) {
  auto text = Required(row, col, required, "金额");
  if (!text || RejectDate(row, col, "金额")) return std::nullopt;
  const XlsxCell& cell = Cell(row, col);
  if (cell.type == XlsxCell::Type::kBoolean) {
    Error(row, col, "import.type", "应为金额，不是逻辑值");
    return std::nullopt;
  }
  const std::string unit = Unit(col).empty() ? "元" : Unit(col);
  QuantityParse parsed = ParseQuantity(*text);
  std::string error = parsed.error;
  std::optional<Rational> yuan;
  if (parsed.quantity) {
    Quantity q = *parsed.quantity;
    if (q.unit.empty()) q.unit = unit;
    yuan = ToUnit(q, "元", &error);
  }
  if (!yuan) {
    Error(row, col, "import.amount",
          "“" + Shown(*text) + "”不是金额" + (error.empty() ? "" : "（" + Shown(error) + "）") +
              "：请填数字，单位" + unit + "，如 1471745.31");
    return std::nullopt;
  }
  const Rational fen = *yuan * Rational(100);
  if (fen.den() != 1) {
    Error(row, col, "import.amount_fen", "金额“" + Shown(*text) + "”超过两位小数（分），请核对");
    return std::nullopt;
  }
  return Money{fen.num()};
}

std::optional<Rational> SheetReader::Number(int row, int col, bool required, bool percent_as_100) {
  auto text = Required(row, col, required, "数字");
  if (!text || RejectDate(row, col, "数字")) return std::nullopt;
  const XlsxCell& cell = Cell(row, col);
  if (cell.type == XlsxCell::Type::kNumber) {
    auto value = Rational::Parse(cell.text);
    if (value && percent_as_100 && cell.style == XlsxNumberStyle::kPercent)
      *value = *value * Rational(100);
    if (value) return value;
  }
  QuantityParse parsed = ParseQuantity(*text);
  if (!parsed.quantity ||
      !(parsed.quantity->unit.empty() || (percent_as_100 && parsed.quantity->unit == "%"))) {
    Error(row, col, "import.number",
          "“" + Shown(*text) + "”不是数字" +
              (parsed.error.empty() ? "" : "（" + Shown(parsed.error) + "）") + "，请填数字");
    return std::nullopt;
  }
  return parsed.quantity->value;
}

std::optional<std::string> SheetReader::Date(int row, int col, bool required) {
  auto text = Required(row, col, required, "日期（如 2024-06-20）");
  if (!text) return std::nullopt;
  const XlsxCell& cell = Cell(row, col);
  if (cell.type == XlsxCell::Type::kNumber && cell.date.empty()) {
    Error(row, col, "import.date",
          "“" + Shown(*text) + "”不是日期：请填 2024-06-20 或 2024年6月20日");
    return std::nullopt;
  }
  auto day = ParseCalendarDay(*text);
  if (!day) {
    Error(row, col, "import.date",
          "“" + Shown(*text) + "”不是有效日期：请填 2024-06-20 或 2024年6月20日");
    return std::nullopt;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day->year, day->month, day->day);
  return std::string(buf);
}

}  // namespace jixiao::entry
