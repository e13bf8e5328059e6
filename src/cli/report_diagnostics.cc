#include "cli/report_diagnostics.h"

#include <cstdio>

namespace jixiao::cli {

void PrintDiagnostics(const Diagnostics& diags) {
  // A hostile file can produce a problem per byte; the first ones are what a person fixes first.
  constexpr size_t kMaxPrinted = 500;
  size_t printed = 0;
  for (const auto& d : diags.items()) {
    if (printed++ == kMaxPrinted) {
      std::fprintf(stderr, "……另有 %zu 条问题未列出（只显示前 %zu 条）。\n",
                   diags.items().size() - kMaxPrinted, kMaxPrinted);
      break;
    }
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  size_t errors = diags.ErrorCount();
  size_t warnings = diags.items().size() - errors;
  if (errors > 0) std::fprintf(stderr, "共 %zu 个错误，%zu 个警告。\n", errors, warnings);
}

}  // namespace jixiao::cli
