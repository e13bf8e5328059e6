// jixiao sheet CASE -o FILE.xlsx: the data-entry workbook, pre-filled from the case.
#include <cstdio>

#include "app/entry_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"

namespace jixiao::cli {

int RunSheet(const Args& args) {
  const Command& self = FindCommand("sheet");
  if (WantsHelp(args)) return Usage(self, false);
  std::string dir, out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size()) {
      out = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数“%s”。\n", args[i].c_str());
      return Usage(self, true);
    } else if (dir.empty()) {
      dir = args[i];
    } else {
      std::fprintf(stderr, "只能给出一个案例目录。\n");
      return Usage(self, true);
    }
  }
  if (dir.empty() || out.empty()) return Usage(self, true);
  if (out.size() < 5 || out.substr(out.size() - 5) != ".xlsx") {
    std::fprintf(stderr, "输出文件名应以 .xlsx 结尾。\n");
    return Usage(self, true);
  }
  Diagnostics diags;
  auto bytes = EntryWorkbookBytes(dir, diags);
  if (!bytes) {
    PrintDiagnostics(diags);
    return 1;
  }
  const size_t slash = out.find_last_of('/');
  const std::string out_dir = slash == std::string::npos ? "." : out.substr(0, slash);
  const std::string name = slash == std::string::npos ? out : out.substr(slash + 1);
  if (!WriteFilesAtomically(out_dir, {{name, *bytes}}, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  PrintDiagnostics(diags);
  std::printf("已写出录入工作簿 %s：填好后运行 jixiao import %s %s\n", out.c_str(), out.c_str(),
              dir.c_str());
  return 0;
}

}  // namespace jixiao::cli
