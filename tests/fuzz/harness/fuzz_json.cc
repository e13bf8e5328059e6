// libFuzzer harness: the JSON reader and, on what parses, the framework loader (rules included).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  jixiao::Diagnostics diags;
  jixiao::Guarded("fuzz.json", diags, [&] {
    jixiao::JsonValue root = jixiao::ParseJson("fuzz.json", text);
    (void)root;
  });
  jixiao::Guarded("fuzz.json", diags, [&] { jixiao::ParseFramework("fuzz.json", text, diags); });
  return 0;
}
