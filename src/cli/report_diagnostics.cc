#include "cli/report_diagnostics.h"

#include <cstdio>

namespace jixiao::cli {

void PrintDiagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  size_t errors = diags.ErrorCount();
  size_t warnings = diags.items().size() - errors;
  if (errors > 0) std::fprintf(stderr, "共 %zu 个错误，%zu 个警告。\n", errors, warnings);
}

}  // namespace jixiao::cli
