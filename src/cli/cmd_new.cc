// jixiao new DIR --framework ID|PATH [--targets FILE.csv|FILE.xlsx]: a case folder to fill in.
#include <cstdio>

#include "app/pipeline.h"
#include "casefile/scaffold.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "report/builder.h"

namespace jixiao::cli {

int RunNew(const Args& args) {
  const Command& self = FindCommand("new");
  if (WantsHelp(args)) return Usage(self, false);
  NewCaseOptions options;
  options.templates_dir = report::DefaultTemplateDir();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "--framework" || a == "--targets") && i + 1 < args.size()) {
      (a == "--framework" ? options.framework : options.targets) = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数“%s”。\n", a.c_str());
      return Usage(self, true);
    } else if (options.dir.empty()) {
      options.dir = a;
    } else {
      std::fprintf(stderr, "只能给出一个案例目录。\n");
      return Usage(self, true);
    }
  }
  if (options.dir.empty() || options.framework.empty()) return Usage(self, true);
  Diagnostics diags;
  std::string summary;
  const bool ok = NewCase(options, diags, summary);
  PrintDiagnostics(diags);
  if (!ok) return 1;
  std::fputs(summary.c_str(), stdout);
  return 0;
}

}  // namespace jixiao::cli
