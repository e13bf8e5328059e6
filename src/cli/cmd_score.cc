// jixiao score CASE [--json] [--strict] [--explain [CODE]]: scores one case; refuses (exit 1)
// when any check is an error, or any warning under --strict. Warnings go to stderr (and to the
// "warnings" array of --json); --explain prints each leaf's trail instead of the summary.
#include <cstdio>

#include "app/pipeline.h"
#include "app/score_explain.h"
#include "scorecard_io/scorecard_json.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunScore(const Args& args) {
  const Command& self = FindCommand("score");
  if (WantsHelp(args)) return Usage(self, false);
  bool json = false, strict = false, explain = false;
  std::string dir, code;
  for (const auto& a : args) {
    if (a == "--json") {
      json = true;
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--explain") {
      explain = true;
    } else if (a.rfind("--explain=", 0) == 0) {
      explain = true;
      code = a.substr(10);
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n", a.c_str());
      return Usage(self, true);
    } else if (dir.empty()) {
      dir = a;
    } else if (explain && code.empty()) {
      code = a;
    } else {
      std::fprintf(stderr, "只能给出一个案例目录（--explain 后可跟一个指标编码）。\n");
      return Usage(self, true);
    }
  }
  if (dir.empty()) return Usage(self, true);
  if (json && explain) {
    std::fprintf(stderr, "--json 与 --explain 不能同时使用。\n");
    return Usage(self, true);
  }
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(dir, diags);
  if (!evaluation) {
    PrintDiagnostics(diags);
    return 1;
  }
  std::vector<Diagnostic> warnings;
  for (const auto& d : diags.items())
    if (d.severity == Severity::kWarning) warnings.push_back(d);
  for (const auto& w : warnings) std::fprintf(stderr, "%s\n", w.ToString().c_str());
  if (strict && !warnings.empty()) {
    std::fprintf(stderr, "--strict：共 %zu 个警告，按错误处理，不输出得分。\n", warnings.size());
    return 1;
  }
  std::string out;
  if (explain) {
    auto text = ExplainScorecard(evaluation->card, code);
    if (!text) {
      std::fprintf(stderr, "指标体系中没有编码为“%s”的指标。\n", code.c_str());
      return 1;
    }
    out = *text;
  } else {
    out = json ? ScorecardJson(evaluation->card, &warnings) : ScorecardText(evaluation->card);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace jixiao::cli
