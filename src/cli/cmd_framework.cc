// jixiao framework sheet ID|FILE.json -o FILE.xlsx: a framework as the 指标体系表 (the template an
// admin edits); jixiao framework json FILE.xlsx -o FILE.json: the edited workbook back to JSON,
// checked as validate checks a framework, every problem at sheet!cell.
#include <cstdio>

#include "app/framework_book.h"
#include "casefile/frameworks.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/text.h"

namespace jixiao::cli {
namespace {

int Write(const std::string& out, const std::string& bytes, Diagnostics& diags) {
  const size_t slash = out.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : out.substr(0, slash);
  const std::string name = slash == std::string::npos ? out : out.substr(slash + 1);
  bool ok = WriteFilesAtomically(dir, {{name, bytes}}, diags);
  PrintDiagnostics(diags);
  return ok ? 0 : 1;
}

}  // namespace

int RunFramework(const Args& args) {
  const Command& self = FindCommand("framework");
  if (WantsHelp(args)) return Usage(self, false);
  std::string action, in, out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size()) {
      out = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数“%s”。\n", args[i].c_str());
      return Usage(self, true);
    } else if (action.empty()) {
      action = args[i];
    } else if (in.empty()) {
      in = args[i];
    } else {
      std::fprintf(stderr, "多余的参数“%s”。\n", args[i].c_str());
      return Usage(self, true);
    }
  }
  if (in.empty() || out.empty() || (action != "sheet" && action != "json"))
    return Usage(self, true);
  Diagnostics diags;
  if (action == "sheet") {
    if (!EndsWith(out, ".xlsx")) {
      std::fprintf(stderr, "输出文件名应以 .xlsx 结尾。\n");
      return Usage(self, true);
    }
    std::string file = EndsWith(in, ".json") ? in : FindShippedFramework(in).value_or("");
    if (file.empty()) {
      std::fprintf(stderr, "找不到随附指标体系“%s”；请给出 id 或 .json 文件路径。\n",
                   ShownText(in).c_str());
      return 1;
    }
    std::string why;
    auto text = ReadFileBytes(file, &why);
    if (!text) {
      std::fprintf(stderr, "无法读取指标体系文件 %s：%s\n", ShownText(file).c_str(), why.c_str());
      return 1;
    }
    auto bytes = FrameworkWorkbookBytes(file, *text, diags);
    if (!bytes) {
      PrintDiagnostics(diags);
      return 1;
    }
    int rc = Write(out, *bytes, diags);
    if (rc == 0)
      std::printf("已写出指标体系表 %s：修改后运行 jixiao framework json %s -o 新指标体系.json\n",
                  ShownText(out).c_str(), ShownText(out).c_str());
    return rc;
  }
  if (!EndsWith(out, ".json")) {
    std::fprintf(stderr, "输出文件名应以 .json 结尾。\n");
    return Usage(self, true);
  }
  auto json = FrameworkJsonFromXlsx(in, in, diags);
  if (!json) {
    PrintDiagnostics(diags);
    return 1;
  }
  int rc = Write(out, *json + "\n", diags);
  if (rc == 0)
    std::printf("已写出指标体系 %s（已按 validate 的规则检查）\n", ShownText(out).c_str());
  return rc;
}

}  // namespace jixiao::cli
