// libFuzzer harness: encoding detection, the CSV parser and typed cells (amounts, numbers).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "core/text.h"
#include "ingest/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  jixiao::Diagnostics diags;
  jixiao::Guarded("fuzz.csv", diags, [&] {
    auto decoded = jixiao::DecodeToUtf8(bytes);
    if (!decoded) return;
    jixiao::CsvTable table = jixiao::ParseCsv("fuzz.csv", decoded->utf8);
    jixiao::CsvCells cells(table, diags);
    for (size_t c = 0; c < table.header.size(); ++c) {
      jixiao::CsvColumn column = table.Column(table.header[c]);
      for (const auto& row : table.rows) {
        cells.Amount(row, column, false);
        cells.Number(row, column, false);
      }
    }
  });
  return 0;
}
