// jixiao selfeval check PATH… [--rules ID|FILE] [--json] [-o DIR]
// The `selfeval` command dispatches its subcommands from kSubcommands below; `new` and `score`
// (the printed form and the 自评报告) live in cmd_selfeval_form.cc and are added to the table there
// by one line each.
#include <cstdio>

#include "app/selfeval_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"

namespace jixiao::cli {
namespace {

int Check(const Args& args, const Command& self) {
  std::vector<std::string> paths;
  std::string rules_arg, out_dir;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json")
      json = true;
    else if (args[i] == "--rules" && i + 1 < args.size())
      rules_arg = args[++i];
    else if (args[i] == "-o" && i + 1 < args.size())
      out_dir = args[++i];
    else if (!args[i].empty() && args[i][0] == '-')
      return Usage(self, true);
    else
      paths.push_back(args[i]);
  }
  if (paths.empty()) return Usage(self, true);
  Diagnostics diags;
  auto rules = ResolveSelfEvalRules(rules_arg, diags);
  if (!rules) {
    PrintDiagnostics(diags);
    return 1;
  }
  // No --rules: a form without per-row 分值 and a 20-point budget is read as 湖北-style.
  std::optional<SelfEvalRules> hubei;
  if (rules_arg.empty()) hubei = ResolveSelfEvalRules("selfeval-hubei", diags);
  std::vector<SelfEvalCheck> checks;
  checks.reserve(paths.size());
  bool errors = false;
  for (const auto& p : paths) {
    checks.push_back(CheckSelfEvalFolder(p, *rules, hubei ? &*hubei : nullptr));
    errors = errors || checks.back().result.Count(Severity::kError) > 0;
  }
  std::string out;
  if (json) {
    if (checks.size() > 1) out += "[";
    for (size_t i = 0; i < checks.size(); ++i)
      out += (i ? ",\n" : "") + SelfEvalJson(checks[i].result);
    out += checks.size() > 1 ? "]\n" : "\n";
  } else {
    for (size_t i = 0; i < checks.size(); ++i) out += (i ? "\n" : "") + SelfEvalText(checks[i]);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!out_dir.empty()) {
    if (!PrepareOutputDir(out_dir, diags)) {
      PrintDiagnostics(diags);
      return 1;
    }
    std::vector<OutputFile> files;
    try {
      files = SelfEvalReviewFiles(checks);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "错误：写复核工作簿失败：%s\n", e.what());
      return 1;
    }
    if (!WriteFilesAtomically(out_dir, files, diags)) {
      PrintDiagnostics(diags);
      return 1;
    }
    std::fprintf(stderr, "已写入 %s：复核汇总.xlsx 和 %zu 份标注自评表\n", out_dir.c_str(),
                 files.size() - 1);
  }
  return errors ? 1 : 0;
}

struct Subcommand {
  const char* name;
  int (*run)(const Args& args, const Command& self);
};

const Subcommand kSubcommands[] = {
    {"check", Check},
};

}  // namespace

int RunSelfeval(const Args& args) {
  const Command& self = FindCommand("selfeval");
  if (args.empty() || WantsHelp(args)) return Usage(self, args.empty());
  for (const auto& sub : kSubcommands)
    if (args[0] == sub.name) return sub.run(Args(args.begin() + 1, args.end()), self);
  return Usage(self, true);
}

}  // namespace jixiao::cli
