// jixiao validate PATH…: every problem of every path, exit 1 if any is an error.
#include <cstdio>
#include <string>

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
  size_t notes = 0;  // 提示 are not warnings
  for (const auto& d : diags.items()) notes += d.severity == Severity::kInfo;
  std::printf("检查通过：%zu 个路径，%zu 个警告%s。\n", args.size(), diags.items().size() - notes,
              notes ? ("，" + std::to_string(notes) + " 条提示").c_str() : "");
  return 0;
}

}  // namespace jixiao::cli
