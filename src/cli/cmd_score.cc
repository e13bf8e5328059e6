// jixiao score CASE [--json]: scores one case; refuses (exit 1) when any check is an error.
#include <cstdio>

#include "app/pipeline.h"
#include "app/score_json.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunScore(const Args& args) {
  const Command& self = FindCommand("score");
  if (WantsHelp(args)) return Usage(self, false);
  bool json = false;
  std::string dir;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", a.c_str());
      return Usage(self, true);
    } else if (dir.empty()) {
      dir = a;
    } else {
      std::fprintf(stderr, "只能给出一个案例目录。\n");
      return Usage(self, true);
    }
  }
  if (dir.empty()) return Usage(self, true);
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(dir, diags);
  if (!evaluation) {
    PrintDiagnostics(diags);
    return 1;
  }
  std::string out = json ? ScorecardJson(evaluation->card) : ScorecardText(evaluation->card);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace jixiao::cli
