// jixiao survey import EXPORT.xlsx CASE [--mapping FILE] [--dry-run]: a 问卷星 export into the
// case's survey/responses.csv. Contract: the questionnaire (survey/questionnaire.json) is the
// reference; headers are matched by text (ingest/wjx_export.h) or by a mapping the user confirmed;
// when a header is not certain, survey/问卷星对应.csv is written for the user and the exit code
// is 1. Unknown options and unmapped headers are located errors. Files are written atomically and
// only inside CASE/survey; --dry-run writes nothing. Exit 0 ok, 1 bad input, 2 usage.
#include <cstdio>

#include "app/survey_import_app.h"
#include "casefile/questionnaire_sheet.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"

namespace jixiao::cli {
namespace {

const char kImportUsage[] =
    "用法：jixiao survey import EXPORT.xlsx CASE [--mapping FILE] [--dry-run]\n"
    "  把问卷星（wjx.cn）下载的答卷 .xlsx（按文本下载或按选项序号下载）写入案例的\n"
    "  survey/responses.csv。题目按题干文字对应到 survey/questionnaire.json 的题目；\n"
    "  不能确定时写出 survey/问卷星对应.csv 供核对，核对后用 --mapping 该文件 重新导入。\n"
    "  案例没有问卷题目时，按导出拟出 survey/问卷题目.csv 供填写（指标、计算方法等），\n"
    "  填好后重新运行即生成 questionnaire.json；问卷题目.csv 存在时总以它为准。\n"
    "  --dry-run 只检查并报告份数，不写文件。说明：docs/survey.md。\n";

}  // namespace

int RunSurveyImport(const Args& args) {
  std::vector<std::string> positional;
  std::string mapping;
  bool dry_run = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kImportUsage, stdout);
      return 0;
    } else if (args[i] == "--dry-run") {
      dry_run = true;
    } else if (args[i] == "--mapping" && i + 1 < args.size()) {
      mapping = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n%s", args[i].c_str(), kImportUsage);
      return 2;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) {
    std::fputs(kImportUsage, stderr);
    return 2;
  }
  const std::string& export_file = positional[0];
  const std::string case_dir = positional[1];
  const std::string survey_dir = case_dir + "/survey";
  Diagnostics diags;
  std::string draft;
  switch (PrepareQuestionnaire(export_file, case_dir, dry_run, draft, diags)) {
    case QuestionnaireState::kReady:
      break;
    case QuestionnaireState::kDraft:
      if (!dry_run) WriteFilesAtomically(survey_dir, {{kQuestionnaireSheetName, draft}}, diags);
      [[fallthrough]];
    case QuestionnaireState::kFailed:
      PrintDiagnostics(diags);
      return 1;
  }
  SurveyExportRead read = ReadSurveyExport(export_file, case_dir, mapping, diags);
  if (read.uncertain) {
    std::string target = survey_dir + "/" + kWjxMappingName;
    if (!dry_run && WriteFilesAtomically(survey_dir, {{kWjxMappingName, read.mapping_csv}}, diags))
      std::fprintf(stderr,
                   "已写出对应表 %s：请核对“题目”列后运行 jixiao survey import %s %s --mapping "
                   "%s\n",
                   target.c_str(), export_file.c_str(), case_dir.c_str(), target.c_str());
    PrintDiagnostics(diags);
    return 1;
  }
  if (!read.ok) {
    PrintDiagnostics(diags);
    return 1;
  }
  if (!dry_run &&
      !WriteFilesAtomically(survey_dir, {{"responses.csv", read.responses_csv}}, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  PrintDiagnostics(diags);
  std::printf("%s答卷 %d 份，有效 %d 份。\n", dry_run ? "（试运行，未写文件）" : "",
              read.respondents, read.valid);
  for (const auto& a : read.answered)
    std::printf("  %s %s：作答 %d 份\n", a.id.c_str(), a.text.c_str(), a.count);
  if (!dry_run) {
    std::printf("%s/responses.csv\n", survey_dir.c_str());
    // The rates the report will print, to copy where a 绩效目标 needs its 实际值.
    Diagnostics rates_diags;
    if (auto rates = CaseSurveyRates(case_dir, rates_diags))
      for (const auto& r : rates->rates)
        if (!r.rate.empty())
          std::printf("  %s = %s（%s）\n", r.metric.c_str(), r.rate.c_str(), r.question.c_str());
  }
  return 0;
}

}  // namespace jixiao::cli
