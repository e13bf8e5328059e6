#include "core/csv_field.h"

namespace jixiao {

std::string CsvField(std::string_view cell, bool always_quote) {
  if (!always_quote && cell.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(cell);
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvRecord(const std::vector<std::string>& cells, std::string_view eol) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
  return out.append(eol);
}

}  // namespace jixiao
