// libFuzzer harness: the .xlsx reader (Poco::Zip + SAX) on arbitrary bytes, with small limits so
// a decompression bomb is refused quickly; a workbook that parses is also read as a framework
// workbook (指标体系表, ingest/framework_workbook.h) and its JSON through the framework loader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "ingest/framework_workbook.h"
#include "ingest/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  jixiao::XlsxLimits limits;
  limits.max_part_bytes = 8u << 20;
  limits.max_total_bytes = 16u << 20;
  limits.max_cells = 200000;
  jixiao::Diagnostics diags;
  jixiao::Guarded("fuzz.xlsx", diags, [&] {
    auto book = jixiao::ParseXlsx("fuzz.xlsx", bytes, limits);
    jixiao::FrameworkFromWorkbook(book, diags);
  });
  return 0;
}
