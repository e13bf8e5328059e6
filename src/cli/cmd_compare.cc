// jixiao compare CASE… [-o DIR] [--formats xlsx,docx,html,md] [--templates DIR]
// jixiao compare --archive FILE|postgresql://… [--year Y] [--region R] [--department D] [--town T]
//   [--framework ID] [--grade G] …
#include <cstdio>

#include "app/compare_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/temp_files.h"
#include "report/compare_report.h"
#include "store/store.h"

namespace jixiao::cli {

int RunCompare(const Args& args) {
  const Command& self = FindCommand("compare");
  if (WantsHelp(args)) return Usage(self, false);
  std::vector<std::string> dirs, formats = {"xlsx", "docx", "html", "md"};
  std::string out_dir = "out", templates = report::DefaultCompareTemplateDir(), archive_path;
  store::DocumentFilter filter;
  bool matrix = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size()) {
      out_dir = args[++i];
    } else if (args[i] == "--archive" && i + 1 < args.size()) {
      archive_path = args[++i];
    } else if (args[i] == "--year" && i + 1 < args.size()) {
      filter.year = args[++i];
    } else if (args[i] == "--framework" && i + 1 < args.size()) {
      filter.framework = args[++i];
    } else if (args[i] == "--region" && i + 1 < args.size()) {
      filter.region = args[++i];
    } else if (args[i] == "--department" && i + 1 < args.size()) {
      filter.department = args[++i];
    } else if (args[i] == "--town" && i + 1 < args.size()) {
      filter.town = args[++i];
    } else if (args[i] == "--grade" && i + 1 < args.size()) {
      filter.grade = args[++i];
    } else if (args[i] == "--matrix") {
      matrix = true;
    } else if (args[i] == "--templates" && i + 1 < args.size()) {
      templates = args[++i];
    } else if (args[i] == "--formats" && i + 1 < args.size()) {
      formats = SplitList(args[++i]);
      if (!FormatsGiven(formats)) return Usage(self, true);
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数值：“%s”。\n", args[i].c_str());
      return Usage(self, true);
    } else {
      dirs.push_back(args[i]);
    }
  }
  Diagnostics diags;
  if (!PrepareOutputDir(out_dir, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  temp::SetScratchDir(out_dir);
  if (!archive_path.empty())
    return CompareFromArchive(archive_path, filter, formats, templates, out_dir, diags, matrix);
  if (dirs.size() < 2) {
    std::fprintf(stderr, "请至少给出两个案例目录。\n");
    return Usage(self, true);
  }
  return WriteAndList(out_dir, CompareCases(dirs, formats, templates, diags), diags);
}

}  // namespace jixiao::cli
