#include "app/pipeline.h"

#include <cstdlib>

#include "app/cover_check.h"
#include "app/narrative_check.h"
#include "app/problem_coverage.h"
#include "app/report_files.h"
#include "casefile/frameworks.h"
#include "casefile/todo_check.h"
#include "core/guard.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/csv.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "ingest/selfeval_rules_loader.h"
#include "report/survey_facts.h"
#include "scoring/score.h"

namespace jixiao {
namespace {

std::string Parent(const std::string& dir) {
  size_t slash = dir.find_last_of('/');
  if (slash == std::string::npos) return dir == "." || dir == ".." ? dir + "/.." : ".";
  if (slash == 0) return "/";
  return dir.substr(0, slash);
}

}  // namespace

std::optional<std::string> FindFrameworkFile(const Case& c) {
  const std::string& ref = c.framework_ref;
  if (ref.empty()) return std::nullopt;
  if (EndsWith(ref, ".json")) {
    std::string path = ref[0] == '/' ? ref : c.dir + "/" + ref;
    if (IsRegularFile(path)) return path;
    return std::nullopt;
  }
  if (IsRegularFile(c.dir + "/" + ref + ".json")) return c.dir + "/" + ref + ".json";
  char resolved[4096];
  std::string dir = realpath(c.dir.c_str(), resolved) ? std::string(resolved) : c.dir;
  for (int depth = 0; depth < 12; ++depth) {
    std::string candidate = dir + "/indicators/" + ref + ".json";
    if (IsRegularFile(candidate)) return candidate;
    if (dir == "/" || dir.empty()) break;
    dir = Parent(dir);
  }
  return FindShippedFramework(ref);
}

std::shared_ptr<const Framework> FrameworkCache::Load(const std::string& file, Diagnostics& diags) {
  auto it = loaded_.find(file);
  if (it != loaded_.end()) return it->second;
  auto fw = LoadFramework(file, diags);
  if (!fw) return nullptr;
  auto shared = std::make_shared<const Framework>(std::move(*fw));
  loaded_[file] = shared;
  return shared;
}

namespace {

std::optional<Evaluation> EvaluateUnguarded(const std::string& dir, Diagnostics& diags,
                                            FrameworkCache* cache) {
  size_t errors_before = diags.ErrorCount();
  auto c = LoadCase(dir, diags);
  if (!c) return std::nullopt;
  auto file = FindFrameworkFile(*c);
  if (!file) {
    diags.Error("case.framework_not_found", c->framework_ref_where,
                "找不到指标体系“" + c->framework_ref +
                    "”：请写指标体系 id（在案例目录或上级目录的 indicators/ 中查找 id.json），"
                    "或相对于案例目录的 .json 路径" +
                    ShippedIndicatorsHint());
    return std::nullopt;
  }
  FrameworkCache local;
  auto fw = (cache ? cache : &local)->Load(*file, diags);
  if (!fw) return std::nullopt;
  Scorecard card = ScoreCase(*fw, *c, diags);
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  return Evaluation{std::move(fw), std::move(*c), std::move(card)};
}

}  // namespace

std::optional<Evaluation> EvaluateCaseDir(const std::string& dir, Diagnostics& diags,
                                          FrameworkCache* cache) {
  std::optional<Evaluation> result;
  Guarded(dir + "/case.json", diags, [&] { result = EvaluateUnguarded(dir, diags, cache); });
  return result;
}

void ValidatePath(const std::string& path, Diagnostics& diags) {
  if (IsDirectory(path)) {
    // A case still being filled (jixiao new): list what is missing instead of scoring errors.
    Case probe;
    probe.dir = path;
    if (auto raw = ReadFileBytes(path + "/case.json")) {
      try {
        const JsonValue root = ParseJson(path, *raw);
        if (const JsonValue* fw = root.Find("framework"); fw && fw->IsString())
          probe.framework_ref = fw->text;
      } catch (const InputError&) {
      }
    }
    std::optional<Framework> framework;
    if (auto file = FindFrameworkFile(probe)) {
      Diagnostics ignored;
      framework = LoadFramework(*file, ignored);
    }
    Diagnostics todo;
    const size_t errors_before = diags.ErrorCount();
    if (ReportCaseTodo(path, framework ? &*framework : nullptr, todo) > 0) {
      // Issue 21: an 错误 in the list means score and report refuse, and the other way round.
      Diagnostics scored;
      const bool scores = EvaluateCaseDir(path, scored).has_value();
      for (const Diagnostic& d : todo.items())
        diags.Add(scores && d.severity == Severity::kError ? Severity::kWarning : d.severity,
                  d.code, d.where, d.message);
      LoadCase(path, diags);
      if (!scores && !todo.HasErrors() && diags.ErrorCount() == errors_before)  // why it stops
        for (const Diagnostic& d : scored.items())
          if (d.severity == Severity::kError) diags.Add(d.severity, d.code, d.where, d.message);
      return;
    }
    auto evaluation = EvaluateCaseDir(path, diags);
    if (IsRegularFile(path + "/case.json"))
      LintCaseNarrative(path, evaluation ? &evaluation->c : nullptr, diags);
    if (evaluation) {
      LintFrameworkTexts(*evaluation->framework, diags);
      LintNarrativeFigures(*evaluation, diags);  // figures that disagree with the data
      ListReportTodo(*evaluation, diags);        // every 【待补充】 the report would print
      CheckProblemsCoverLosses(*evaluation, diags);
      CheckCoverSigned(evaluation->c, diags);  // who signs: no （示例） on the cover
      if (report::CitesSurveyWithoutCounts(evaluation->c))  // cited, its sample never stated
        diags.Add(Severity::kInfo, "survey.counts_unstated",
                  {path + "/case.json", 0, 0, "$.survey"},
                  "案例引用了问卷调查结果，但没有说明样本量和有效问卷数：报告正文只引用调查结果，"
                  "不附问卷调查汇总分析报告。如有这些数字，请在 case.json 的 survey 中写明 "
                  "sample（发放问卷份数）、valid（有效问卷数）和 method（抽样方式），或在 survey/ "
                  "中提供问卷和答卷（见 docs/case-format.md）");
    }
  } else if (EndsWith(path, ".json") && IsSelfEvalRulesFile(path)) {
    try {
      LoadSelfEvalRules(path, diags);  // a 自评表 rule set (docs/selfeval.md)
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    }
  } else if (EndsWith(path, ".json")) {
    if (auto framework = LoadFramework(path, diags)) {
      ReportFrameworkTodo(*framework, diags, false);
      LintFrameworkTexts(*framework, diags);
    }
  } else if (EndsWith(path, ".csv")) {
    try {
      ReadCsvFile(path);
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    }
  } else if (!IsRegularFile(path)) {
    diags.Error("file.not_found", {path, 0, 0, ""}, "路径不存在，请检查拼写");
  } else {
    diags.Error("file.unknown_kind", {path, 0, 0, ""},
                "无法判断文件类型：请给出指标体系 .json、案例目录或 .csv 表格");
  }
}

}  // namespace jixiao
