#include "ingest/csv.h"

#include "core/limits.h"
#include "core/quantity.h"
#include "core/text.h"
#include "ingest/half_width.h"

namespace jixiao {
namespace {

// Splits "年初预算(万元)" / "年初预算（万元）" into name and unit.
void SplitHeader(const std::string& header, std::string* name, std::string* unit) {
  static const char* const kOpen[] = {"(", "（"};
  static const char* const kClose[] = {")", "）"};
  for (int i = 0; i < 2; ++i) {
    size_t open = header.find(kOpen[i]);
    if (open == std::string::npos) continue;
    for (int j = 0; j < 2; ++j) {
      if (!EndsWith(header, kClose[j])) continue;
      size_t unit_start = open + std::string(kOpen[i]).size();
      size_t unit_end = header.size() - std::string(kClose[j]).size();
      if (unit_end < unit_start) continue;
      *name = Trim(header.substr(0, open));
      *unit = Trim(header.substr(unit_start, unit_end - unit_start));
      return;
    }
  }
  *name = Trim(header);
  unit->clear();
}

// The first line that is not UTF-8 in a file whose other non-ASCII lines are (0 if none): such a
// file was pasted together from two sources; decoding it all as GBK would garble half of it.
int MixedEncodingLine(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return 0;
  bool utf8_seen = false;
  int first_bad = 0, line = 1;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view l = bytes.substr(start, end - start);
    bool ascii = true;
    for (char c : l)
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (!ascii) {
      if (IsValidUtf8(l))
        utf8_seen = true;
      else if (!first_bad)
        first_bad = line;
    }
    ++line;
    start = end + 1;
  }
  return utf8_seen && first_bad ? first_bad : 0;
}

}  // namespace

CsvColumn CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    std::string base, unit;
    SplitHeader(header[i], &base, &unit);
    if (base == name) return {static_cast<int>(i), header[i], unit};
  }
  return {};
}

CsvTable ParseCsv(const std::string& file, const std::string& text) {
  CsvTable table;
  table.file = file;
  std::vector<std::string> cells;
  std::string cell;
  bool in_quotes = false, row_has_content = false, cell_quoted = false;
  int line = 1, row_line = 1, quote_line = 0, quote_column = 0;
  auto end_row = [&] {
    if (table.rows.size() >= static_cast<size_t>(limits::kMaxCsvRows)) {
      throw InputError{{Severity::kError,
                        "csv.too_many_rows",
                        {file, row_line, 0, ""},
                        "表格超过 " + std::to_string(limits::kMaxCsvRows) +
                            " 行数据的上限（见 docs/limits.md），请拆分文件"}};
    }
    if (cells.size() >= static_cast<size_t>(limits::kMaxCsvColumns)) {
      throw InputError{{Severity::kError,
                        "csv.too_many_columns",
                        {file, row_line, 0, ""},
                        "该行超过 " + std::to_string(limits::kMaxCsvColumns) +
                            " 列的上限，请检查分隔符是否为英文逗号"}};
    }
    cells.push_back(cell);
    cell.clear();
    bool blank = true;
    for (const auto& c : cells)
      if (!Trim(c).empty()) blank = false;
    if (!blank) {
      if (table.header.empty() && table.rows.empty()) {
        for (auto& c : cells) c = Trim(c);
        table.header = cells;
      } else {
        table.rows.push_back({row_line, cells});
      }
    }
    cells.clear();
    row_has_content = false;
    cell_quoted = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!row_has_content) {
      row_line = line;
      row_has_content = true;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty() && !cell_quoted) {
      // Only a quote that opens a cell quotes it; one inside text is a character (as in Excel).
      in_quotes = cell_quoted = true;
      quote_line = line;
      quote_column = static_cast<int>(cells.size()) + 1;  // columns count cells, as elsewhere
    } else if (c == ',') {
      cells.push_back(cell);
      cell.clear();
      cell_quoted = false;
    } else if (c == '\r' || c == '\n') {
      // LF, CRLF and old Mac CR-only line endings all end a row.
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
    } else {
      cell += c;
    }
  }
  if (in_quotes) {
    throw InputError{{Severity::kError,
                      "csv.unclosed_quote",
                      {file, quote_line, quote_column, ""},
                      "引号未闭合：此处以双引号开始的单元格直到文件末尾都没有结束引号；"
                      "请补上结束的双引号，单元格内的引号请写成两个（\"\"）"}};
  }
  if (row_has_content) end_row();
  if (table.header.empty()) {
    throw InputError{
        {Severity::kError, "csv.empty", {file, 0, 0, ""}, "文件为空：第一行应为中文表头"}};
  }
  for (const auto& row : table.rows) {
    if (row.cells.size() > table.header.size()) {
      throw InputError{{Severity::kError,
                        "csv.ragged",
                        {file, row.line, static_cast<int>(table.header.size()) + 1, ""},
                        "该行有 " + std::to_string(row.cells.size()) + " 列，多于表头的 " +
                            std::to_string(table.header.size()) +
                            " 列；请检查金额中的逗号是否加了引号"}};
    }
  }
  return table;
}

CsvTable ReadCsvFile(const std::string& file) {
  std::string why;
  auto bytes = ReadFileBytes(file, &why);
  if (!bytes) {
    throw InputError{
        {Severity::kError, "file.unreadable", {file, 0, 0, ""}, "无法读取文件：" + why}};
  }
  return ParseCsvBytes(file, *bytes);
}

CsvTable ParseCsvBytes(const std::string& file, const std::string& bytes) {
  if (static_cast<int64_t>(bytes.size()) > limits::kMaxInputFileBytes) {
    throw InputError{{Severity::kError,
                      "file.too_large",
                      {file, 0, 0, ""},
                      "文件超过 256 MiB 的上限（见 docs/limits.md），请拆分后再读"}};
  }
  if (int mixed = MixedEncodingLine(bytes)) {
    throw InputError{{Severity::kError,
                      "csv.mixed_encoding",
                      {file, mixed, 0, ""},
                      "文件混用了两种编码：前面的行是 UTF-8，这一行却不是（多为 GBK）；"
                      "请在 Excel 或记事本中把整个文件另存为 UTF-8 CSV"}};
  }
  auto decoded = DecodeToUtf8(bytes);
  if (!decoded) {
    throw InputError{{Severity::kError,
                      "csv.encoding",
                      {file, 0, 0, ""},
                      "无法识别文件编码（支持 UTF-8、GB18030、CP936），请另存为 UTF-8 CSV"}};
  }
  CsvTable table = ParseCsv(file, decoded->utf8);
  table.encoding = decoded->encoding;
  return table;
}

bool CsvCells::RequireColumns(const std::vector<std::string>& names) {
  bool ok = true;
  for (const auto& name : names) {
    if (!table_.Column(name).present()) {
      std::string header;
      for (const auto& h : table_.header) header += (header.empty() ? "" : ",") + h;
      diags_.Error("csv.missing_column", {table_.file, 1, 0, ""},
                   "表头缺少“" + name + "”列；当前表头为：" + header);
      ok = false;
    }
  }
  return ok;
}

std::string CsvCells::Text(const CsvRow& row, const CsvColumn& col) const {
  if (!col.present() || static_cast<size_t>(col.index) >= row.cells.size()) return "";
  return Trim(row.cells[static_cast<size_t>(col.index)]);
}

std::optional<std::string> CsvCells::Figure(const CsvRow& row, const CsvColumn& col) {
  const std::string text = Text(row, col);
  if (text.empty()) return text;
  return HalfWidthField(text, Where(row, col), diags_);
}

Location CsvCells::Where(const CsvRow& row, const CsvColumn& col) const {
  return {table_.file, row.line, col.index + 1, col.header.empty() ? "" : "列“" + col.header + "”"};
}

std::optional<Money> ReadMoneyText(const std::string& text, const std::string& unit_in,
                                   std::string* code, std::string* error) {
  auto fail = [&](const char* c, std::string why) -> std::optional<Money> {
    if (code) *code = c;
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  std::string unit = unit_in.empty() ? "元" : unit_in;
  if (!UnitFactor(unit, "元"))
    return fail("csv.unit", "金额列的单位只能是“元”“万元”或“亿元”，实际为“" + unit_in + "”");
  QuantityParse parsed = ParseQuantity(text);
  if (!parsed.quantity)
    return fail("csv.amount",
                "“" + text + "”不是有效金额：" + parsed.error +
                    "；请填数字（可带每三位一组的千分位逗号，或带单位如 1,568.99万元）");
  std::string why;
  auto in_column = ToUnit(*parsed.quantity, unit, &why);
  if (!in_column) return fail("csv.unit", "“" + text + "”：" + why);
  Rational fen_per_unit = *UnitFactor(unit, "元") * Rational(100);
  if (Rational(limits::kMaxAmountFen) / fen_per_unit < in_column->Abs())
    return fail("csv.amount_range",
                "“" + text +
                    "”超出金额上限（10,000,000,000,000.00元，即10万亿元，见 docs/limits.md），"
                    "请检查单位（元/万元）或是否多写了位数");
  Rational fen = *in_column * fen_per_unit;
  if (fen.den() != 1)
    return fail("csv.amount",
                "“" + text + "”不是精确到分的金额（" + unit + "金额换算为元后最多两位小数）");
  return Money{fen.num()};
}

std::optional<Money> CsvCells::Amount(const CsvRow& row, const CsvColumn& col, bool required) {
  const std::optional<std::string> figure = Figure(row, col);
  if (!figure) return std::nullopt;
  const std::string text = *figure;
  if (text.empty() || text == "-" || text == "—") {
    if (required) Error(row, col, "csv.blank", "金额不能为空，请填写数值（如 1,234.56）");
    return std::nullopt;
  }
  std::string code, why;
  auto money = ReadMoneyText(text, col.unit, &code, &why);
  if (!money) Error(row, col, code, why);
  return money;
}

std::optional<Rational> CsvCells::Number(const CsvRow& row, const CsvColumn& col, bool required,
                                         const std::string& expected_unit) {
  const std::optional<std::string> figure = Figure(row, col);
  if (!figure) return std::nullopt;
  const std::string text = *figure;
  if (text.empty() || text == "-" || text == "—") {
    if (required) Error(row, col, "csv.blank", "此处不能为空，请填写数值");
    return std::nullopt;
  }
  QuantityParse parsed = ParseQuantity(text);
  if (!parsed.quantity) {
    Error(row, col, "csv.number", "“" + text + "”不是有效数值：" + parsed.error);
    return std::nullopt;
  }
  std::string unit = expected_unit.empty() ? col.unit : expected_unit;
  if (!parsed.quantity->unit.empty() && unit.empty()) {
    Error(row, col, "csv.unit",
          "“" + text + "”带有单位“" + parsed.quantity->unit +
              "”，但本列没有声明单位：请只填数字，或在表头写明单位如 数量(人)");
    return std::nullopt;
  }
  std::string why;
  auto value = ToUnit(*parsed.quantity, unit, &why);
  if (!value) Error(row, col, "csv.unit", "“" + text + "”：" + why);
  if (value && Rational(limits::kMaxMagnitude) < value->Abs()) {
    Error(row, col, "csv.number_range",
          "“" + text +
              "”超出可精确计算的范围（绝对值最大 1,000,000,000,000,000，见 docs/limits.md），"
              "请检查是否多写了位数");
    return std::nullopt;
  }
  return value;
}

}  // namespace jixiao
