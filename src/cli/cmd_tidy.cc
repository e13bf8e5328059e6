// jixiao tidy CASE…: applies the safe narrative fixes in place and prints what changed.
#include <cstdio>
#include <filesystem>

#include "app/narrative_check.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/text.h"

namespace jixiao::cli {

int RunTidy(const Args& args) {
  const Command& self = FindCommand("tidy");
  if (WantsHelp(args)) return Usage(self, false);
  bool dry_run = false;
  std::vector<std::string> cases;
  for (const auto& a : args) {
    if (a == "--dry-run" || a == "-n") {
      dry_run = true;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", a.c_str());
      return Usage(self, true);
    } else {
      cases.push_back(a);
    }
  }
  if (cases.empty()) return Usage(self, true);
  Diagnostics diags;
  size_t changed = 0;
  for (const auto& dir : cases) {
    if (!IsDirectory(dir)) {
      diags.Error("file.not_found", {dir, 0, 0, ""}, "案例目录不存在，请检查路径");
      continue;
    }
    for (const auto& file : TidyCase(dir)) {
      std::printf("%s", ParagraphDiff(file).c_str());
      ++changed;
      if (dry_run) continue;
      size_t slash = file.path.find_last_of('/');
      WriteFilesAtomically(file.path.substr(0, slash), {{file.path.substr(slash + 1), file.after}},
                           diags);
    }
  }
  PrintDiagnostics(diags);
  if (diags.HasErrors()) return 1;
  std::printf(
      "%s：%zu 个叙述文件%s。其余问题（如段中小标题、缺图、附件引用）请用 jixiao validate "
      "查看并手工修改。\n",
      dry_run ? "试运行" : "整理完成", changed, dry_run ? "需要整理" : "已整理");
  return 0;
}

}  // namespace jixiao::cli
