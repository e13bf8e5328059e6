// jixiao report CASE [-o DIR] [--formats docx,html,md,xlsx] [--templates DIR]
// jixiao survey CASE [-o DIR] [--formats docx,html,md] [--templates DIR]
#include <cstdio>

#include "app/pipeline.h"
#include "app/report_files.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "report/builder.h"

namespace jixiao::cli {

namespace {

int Run(const Args& args, const Command& self, bool survey) {
  if (WantsHelp(args)) return Usage(self, false);
  std::string dir, out_dir = "out", templates = report::DefaultTemplateDir();
  std::vector<std::string> formats = ReportFormats();
  if (survey) formats = {"docx", "html", "md"};
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_value = i + 1 < args.size();
    if ((a == "-o" || a == "--output") && has_value) {
      out_dir = args[++i];
    } else if (a == "--formats" && has_value) {
      formats.clear();
      std::string list = args[++i];
      for (size_t start = 0; start <= list.size();) {
        size_t comma = list.find(',', start);
        std::string item =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) formats.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "--templates" && has_value) {
      templates = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数值：“%s”。\n", a.c_str());
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
  auto files = !evaluation ? std::nullopt
               : survey    ? RenderSurveyAppendix(*evaluation, formats, templates, diags)
                           : RenderReport(*evaluation, formats, templates, diags);
  if (!files || !WriteFilesAtomically(out_dir, *files, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  PrintDiagnostics(diags);
  for (const auto& f : *files) std::printf("%s/%s\n", out_dir.c_str(), f.name.c_str());
  return 0;
}

}  // namespace

int RunReport(const Args& args) { return Run(args, FindCommand("report"), false); }
int RunSurvey(const Args& args) { return Run(args, FindCommand("survey"), true); }

}  // namespace jixiao::cli
