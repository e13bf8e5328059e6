// jixiao import FILE.xlsx CASE: a filled data-entry workbook back into the case folder.
#include <cstdio>

#include "app/entry_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunImport(const Args& args) {
  const Command& self = FindCommand("import");
  if (WantsHelp(args)) return Usage(self, false);
  std::vector<std::string> positional;
  for (const auto& a : args) {
    if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", a.c_str());
      return Usage(self, true);
    }
    positional.push_back(a);
  }
  if (positional.size() != 2) return Usage(self, true);
  Diagnostics diags;
  std::string summary;
  const bool ok = ImportEntryWorkbook(positional[0], positional[1], diags, summary);
  PrintDiagnostics(diags);
  if (!ok) return 1;
  std::fputs(summary.c_str(), stdout);
  return 0;
}

}  // namespace jixiao::cli
