// jixiao targets check FILE [--budget budget.csv] [--json]
// jixiao targets fix FILE -o FIXED.csv [--budget budget.csv]
// jixiao targets render FILE [-o DIR] [--formats xlsx,docx,html,md]
#include <cstdio>

#include "app/targets_app.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/temp_files.h"
#include "ingest/case_loader.h"
#include "targets/structure.h"

namespace jixiao::cli {
namespace {

// Reads the table (and its budget, named by --budget or beside the table) and checks it; prints
// the problems and returns nullopt when either cannot be read.
std::optional<TargetFile> LoadAndCheck(const std::string& file, std::string& budget_file,
                                       std::vector<targets::Issue>& issues, Diagnostics& diags) {
  auto table = LoadTargetTable(file, diags);
  Case budget;
  if (table && budget_file.empty()) budget_file = table->budget_file;
  if (table && !budget_file.empty()) LoadBudgetFile(budget_file, budget, diags);
  if (!table || diags.HasErrors()) {
    PrintDiagnostics(diags);
    return std::nullopt;
  }
  issues = CheckTargetTable(*table, budget_file.empty() ? nullptr : &budget);
  return table;
}

int Check(const Args& args, const Command& self) {
  std::string file, budget_file;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json")
      json = true;
    else if (args[i] == "--budget" && i + 1 < args.size())
      budget_file = args[++i];
    else if (!args[i].empty() && args[i][0] == '-')
      return Usage(self, true);
    else if (file.empty())
      file = args[i];
    else
      return Usage(self, true);
  }
  if (file.empty()) return Usage(self, true);
  Diagnostics diags;
  std::vector<targets::Issue> issues;
  auto table = LoadAndCheck(file, budget_file, issues, diags);
  if (!table) return 1;
  bool errors = false;
  for (const auto& x : issues) errors = errors || x.severity == Severity::kError;
  if (json) {
    std::string out = TargetIssuesJson(issues);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return errors ? 1 : 0;
  }
  static const char* const kLabel[] = {"错误", "警告", "提示"};
  for (const auto& x : issues) {
    const targets::RuleInfo* rule = targets::FindRule(x.rule);
    const char* name = rule ? rule->name : "";
    std::printf("%s%s %s[%s %s] %s：%s%s%s\n",
                ShownText(x.file.empty() ? table->targets.file : x.file).c_str(),
                x.row ? (":" + std::to_string(x.row)).c_str() : "",
                kLabel[static_cast<int>(x.severity)], x.rule.c_str(), name,
                ShownText(x.indicator).c_str(), ShownText(x.message).c_str(),
                x.suggestion.empty() ? "" : "。建议：", ShownText(x.suggestion).c_str());
  }
  // Empty template rows (效益指标,经济效益指标,,) are not indicators (issue 23); T22 lists them.
  size_t counted = 0;
  for (const targets::Row& r : targets::Normalize(table->targets)) counted += !r.placeholder;
  std::printf("共检查 %zu 个指标，发现 %zu 个问题。\n", counted, issues.size());
  return errors ? 1 : 0;
}

int Fix(const Args& args, const Command& self) {
  std::string file, out, budget_file;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size())
      out = args[++i];
    else if (args[i] == "--budget" && i + 1 < args.size())
      budget_file = args[++i];
    else if (!args[i].empty() && args[i][0] == '-')
      return Usage(self, true);
    else if (file.empty())
      file = args[i];
    else
      return Usage(self, true);
  }
  if (file.empty() || out.empty()) return Usage(self, true);
  Diagnostics diags;
  std::vector<targets::Issue> issues;
  auto table = LoadAndCheck(file, budget_file, issues, diags);
  if (!table) return 1;
  FixedTable fixed = FixTargetTable(*table, issues);
  std::string dir = out.find('/') == std::string::npos ? "." : out.substr(0, out.find_last_of('/'));
  std::string name =
      out.substr(out.find_last_of('/') == std::string::npos ? 0 : out.find_last_of('/') + 1);
  if (!WriteFilesAtomically(dir, {{name, fixed.csv}}, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  for (const auto& c : fixed.changes) {
    const targets::RuleInfo* rule = targets::FindRule(c.rule);
    std::string why = c.rule + (rule ? std::string(" ") + rule->name : "");
    if (c.column.empty())
      std::printf("第%d行 删除“%s”%s［%s］\n", c.line, c.before.c_str(),
                  c.after.empty() ? "" : ("，" + c.after).c_str(), why.c_str());
    else
      std::printf("第%d行 %s：“%s” → “%s”［%s］\n", c.line, c.column.c_str(), c.before.c_str(),
                  c.after.c_str(), why.c_str());
  }
  size_t left = 0;
  for (const auto& x : issues) left += x.fixes.empty();
  std::printf(
      "已写出 %s：%zu 处修改（标记“待确认”，请项目单位核实）；另有 %zu 个问题需人工修改，见 jixiao "
      "targets check。\n",
      out.c_str(), fixed.changes.size(), left);
  return 0;
}

int Render(const Args& args, const Command& self) {
  std::string file, out_dir = "out";
  std::vector<std::string> formats = {"xlsx", "docx", "html", "md"};
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size())
      out_dir = args[++i];
    else if (args[i] == "--formats" && i + 1 < args.size()) {
      formats = SplitList(args[++i]);
      if (!FormatsGiven(formats)) return Usage(self, true);
    } else if (!args[i].empty() && args[i][0] == '-')
      return Usage(self, true);
    else if (file.empty())
      file = args[i];
    else
      return Usage(self, true);
  }
  if (file.empty()) return Usage(self, true);
  Diagnostics diags;
  if (!PrepareOutputDir(out_dir, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  temp::SetScratchDir(out_dir);
  auto table = LoadTargetTable(file, diags);
  auto files = table ? RenderTargetTable(*table, formats, diags) : std::nullopt;
  if (!files || !WriteFilesAtomically(out_dir, *files, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  for (const auto& f : *files) std::printf("%s/%s\n", out_dir.c_str(), f.name.c_str());
  // How the 申报表 read the table (full-width figures, units split off the 指标值): said, not
  // silent.
  for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
  return 0;
}

}  // namespace

int RunTargets(const Args& args) {
  const Command& self = FindCommand("targets");
  if (WantsHelp(args)) return Usage(self, false);
  if (args.empty()) return Usage(self, true);
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "check") return Check(rest, self);
  if (args[0] == "render") return Render(rest, self);
  if (args[0] == "fix") return Fix(rest, self);
  return Usage(self, true);
}

}  // namespace jixiao::cli
