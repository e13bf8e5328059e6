// jixiao validate PATH…: every problem of every path, exit 1 if any is an error.
#include <cstdio>

#include "app/pipeline.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunValidate(const Args& args) {
  const Command& self = FindCommand("validate");
  if (WantsHelp(args)) return Usage(self, false);
  if (args.empty()) return Usage(self, true);
  Diagnostics diags;
  for (const auto& path : args) {
    if (!path.empty() && path[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", path.c_str());
      return Usage(self, true);
    }
    ValidatePath(path, diags);
  }
  PrintDiagnostics(diags);
  if (diags.HasErrors()) return 1;
  std::printf("检查通过：%zu 个路径，%zu 个警告。\n", args.size(), diags.items().size());
  return 0;
}

}  // namespace jixiao::cli
