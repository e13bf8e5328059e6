#include "ingest/csv.h"

#include "core/quantity.h"
#include "core/text.h"

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
  bool in_quotes = false, row_has_content = false;
  int line = 1, row_line = 1;
  auto end_row = [&] {
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
    if (c == '"') {
      in_quotes = true;
    } else if (c == ',') {
      cells.push_back(cell);
      cell.clear();
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      end_row();
      ++line;
    } else {
      cell += c;
    }
  }
  if (in_quotes) {
    throw InputError{{Severity::kError,
                      "csv.unclosed_quote",
                      {file, row_line, 0, ""},
                      "引号未闭合：从这一行开始的单元格缺少结束的双引号"}};
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
  auto bytes = ReadFileBytes(file);
  if (!bytes) {
    throw InputError{{Severity::kError,
                      "file.unreadable",
                      {file, 0, 0, ""},
                      "无法读取文件，请检查路径是否存在及读取权限"}};
  }
  auto decoded = DecodeToUtf8(*bytes);
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

Location CsvCells::Where(const CsvRow& row, const CsvColumn& col) const {
  return {table_.file, row.line, col.index + 1, col.header.empty() ? "" : "列“" + col.header + "”"};
}

std::optional<Money> CsvCells::Amount(const CsvRow& row, const CsvColumn& col, bool required) {
  std::string text = Text(row, col);
  if (text.empty() || text == "-" || text == "—") {
    if (required) Error(row, col, "csv.blank", "金额不能为空，请填写数值（如 1,234.56）");
    return std::nullopt;
  }
  std::string unit = col.unit.empty() ? "元" : col.unit;
  if (!UnitFactor(unit, "元")) {
    Error(row, col, "csv.unit", "金额列的单位只能是“元”“万元”或“亿元”，实际为“" + col.unit + "”");
    return std::nullopt;
  }
  QuantityParse parsed = ParseQuantity(text);
  if (!parsed.quantity) {
    Error(row, col, "csv.amount",
          "“" + text + "”不是有效金额：" + parsed.error +
              "；请填数字（可带每三位一组的千分位逗号，或带单位如 1,568.99万元）");
    return std::nullopt;
  }
  std::string why;
  auto in_column = ToUnit(*parsed.quantity, unit, &why);
  if (!in_column) {
    Error(row, col, "csv.unit", "“" + text + "”：" + why);
    return std::nullopt;
  }
  Rational fen = *in_column * *UnitFactor(unit, "元") * Rational(100);
  if (fen.den() != 1) {
    Error(row, col, "csv.amount",
          "“" + text + "”不是精确到分的金额（" + unit + "金额换算为元后最多两位小数）");
    return std::nullopt;
  }
  return Money{fen.num()};
}

std::optional<Rational> CsvCells::Number(const CsvRow& row, const CsvColumn& col, bool required,
                                         const std::string& expected_unit) {
  std::string text = Text(row, col);
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
  return value;
}

}  // namespace jixiao
