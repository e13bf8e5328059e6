// libFuzzer harness: a 绩效目标表 (targets.csv) through the loader and every checker rule.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "fuzz_util.h"
#include "ingest/case_loader.h"
#include "targets/checker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string file = jixiao::fuzz::ScratchDir() + "/targets.csv";
  jixiao::fuzz::WriteFile(file, std::string(reinterpret_cast<const char*>(data), size));
  jixiao::Diagnostics diags;
  jixiao::Guarded(file, diags, [&] {
    jixiao::Table<jixiao::TargetRow> table;
    jixiao::LoadTargetFile(file, table, diags);
    jixiao::targets::Check({table});
  });
  return 0;
}
