// jixiao selfeval new --targets FILE -o FORM.xlsx [--rules ID|FILE] [--year YYYY]: a blank
// 自评表 from a 绩效目标表, its 年度 from --year, the table's title or project.json, or the name.
// jixiao selfeval score FORM [-o DIR] [--rules ID|FILE]: the filled form scored, written as
// <name>.xlsx (print-ready) and <name>_自评报告.docx in DIR (default: the current directory).
#include "cli/cmd_selfeval_form.h"

#include <cstdio>

#include "app/selfeval_form_app.h"
#include "app/selfeval_workbook_check.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/format.h"
#include "core/text.h"

namespace jixiao::cli {
namespace {

std::string BaseName(std::string path) {
  while (!path.empty() && path.back() == '/') path.pop_back();
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (IsSelfEvalWorkbookPath(name)) name = name.substr(0, name.size() - 5);
  return name.empty() ? "自评表" : name;
}

}  // namespace

int SelfevalNew(const Args& args, const Command& self) {
  std::string targets, out, rules_arg;
  SelfEvalYearHint hint;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--targets" && i + 1 < args.size())
      targets = args[++i];
    else if (args[i] == "--year" && i + 1 < args.size())
      hint.year = args[++i];
    else if (args[i] == "-o" && i + 1 < args.size())
      out = args[++i];
    else if (args[i] == "--rules" && i + 1 < args.size())
      rules_arg = args[++i];
    else
      return Usage(self, true);
  }
  if (targets.empty() || out.empty() || !IsSelfEvalWorkbookPath(out)) return Usage(self, true);
  if (!hint.year.empty() && NormalizeSelfEvalYear(hint.year).empty()) {
    std::fprintf(stderr, "--year 应为四位年份（1990–2099），如 --year 2023\n");
    return 2;
  }
  hint.file_name = targets;
  Diagnostics diags;
  auto rules = ResolveSelfEvalRules(rules_arg, diags);
  std::optional<std::string> bytes;
  if (rules) bytes = NewSelfEvalForm(targets, *rules, diags, hint);
  PrintDiagnostics(diags);
  if (!bytes) return 1;
  size_t slash = out.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : out.substr(0, slash);
  std::string name = slash == std::string::npos ? out : out.substr(slash + 1);
  Diagnostics write;
  if (!PrepareOutputDir(dir, write) || !WriteFilesAtomically(dir, {{name, *bytes}}, write)) {
    PrintDiagnostics(write);
    return 1;
  }
  std::fprintf(stderr,
               "已写入 %s：空白自评表（按 %s 设分值），填写后用 jixiao selfeval score 计分\n",
               out.c_str(), rules->id.c_str());
  return 0;
}

int SelfevalScore(const Args& args, const Command& self) {
  std::string form, out = ".", rules_arg;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size())
      out = args[++i];
    else if (args[i] == "--rules" && i + 1 < args.size())
      rules_arg = args[++i];
    else if (!args[i].empty() && args[i][0] != '-' && form.empty())
      form = args[i];
    else
      return Usage(self, true);
  }
  if (form.empty()) return Usage(self, true);
  Diagnostics diags;
  auto named = ResolveSelfEvalRules(rules_arg, diags);
  if (!named) {
    PrintDiagnostics(diags);
    return 1;
  }
  std::optional<SelfEvalRules> hubei;
  if (rules_arg.empty()) hubei = ResolveSelfEvalRules("selfeval-hubei", diags);
  SelfEvalCheck check = IsSelfEvalWorkbookPath(form)
                            ? CheckSelfEvalWorkbookFile(form, *named, hubei ? &*hubei : nullptr)
                            : CheckSelfEvalFolder(form, *named, hubei ? &*hubei : nullptr);
  std::optional<SelfEvalRules> used;  // chosen by the form's layout (湖北式, 40/40/20 …)
  if (check.result.rules_id != named->id) used = ResolveSelfEvalRules(check.result.rules_id, diags);
  const SelfEvalRules& rules = used ? *used : *named;
  auto files = ScoreSelfEvalForm(check, rules, BaseName(form) + "_计分", diags);
  if (!files || check.reading.HasErrors()) {
    for (const auto& d : check.reading.items()) diags.Add(d.severity, d.code, d.where, d.message);
    PrintDiagnostics(diags);
    return 1;
  }
  PrintDiagnostics(diags);
  if (!PrepareOutputDir(out, diags) || !WriteFilesAtomically(out, *files, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  std::string total = check.result.computed_total
                          ? FormatScore(Score::Round(*check.result.computed_total))
                          : std::string("无");
  std::fprintf(
      stderr, "已写入 %s：%s 和 %s（总分 %s%s）\n", out.c_str(), (*files)[0].name.c_str(),
      (*files)[1].name.c_str(), total.c_str(),
      check.result.computed_grade.empty() ? "" : ("，" + check.result.computed_grade).c_str());
  return 0;
}

}  // namespace jixiao::cli
