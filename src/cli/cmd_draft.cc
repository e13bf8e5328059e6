// jixiao draft CASE [--force]: drafts of the data-derived sections and of 存在问题/建议.
#include <cstdio>

#include "app/draft_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunDraft(const Args& args) {
  const Command& self = FindCommand("draft");
  if (WantsHelp(args)) return Usage(self, false);
  std::string dir;
  bool force = false;
  for (const auto& a : args) {
    if (a == "--force") {
      force = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", a.c_str());
      return Usage(self, true);
    } else if (dir.empty()) {
      dir = a;
    } else {
      return Usage(self, true);
    }
  }
  if (dir.empty()) return Usage(self, true);
  Diagnostics diags;
  auto done = DraftCase(dir, force, diags);
  PrintDiagnostics(diags);
  if (!done) return 1;
  for (const auto& line : *done) std::printf("%s\n", line.c_str());
  if (done->empty()) std::printf("没有需要起草的内容。\n");
  return 0;
}

}  // namespace jixiao::cli
