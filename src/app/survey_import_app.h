// `jixiao survey import` as a function, for the CLI and the web: a 问卷星 export (.xlsx) read
// against the case's survey/questionnaire.json into the text of survey/responses.csv, and a
// responses.csv checked against the questionnaire by the loader `score` uses and written into
// the case atomically (or only checked: a dry run). Contract: problems are located (sheet!cell,
// file:line) and in Chinese; ReadSurveyExport writes nothing; nothing outside CASE/survey.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct SurveyExportRead {
  bool ok = false;
  bool uncertain = false;     // some header could not be matched: see mapping_csv
  std::string mapping_csv;    // survey/问卷星对应.csv for the user to confirm (when uncertain)
  std::string responses_csv;  // survey/responses.csv (when ok)
  int respondents = 0, valid = 0;
  struct Answered {
    std::string id, text;
    int count = 0;
  };
  std::vector<Answered> answered;  // per question, in questionnaire order
};
inline constexpr char kWjxMappingName[] = "问卷星对应.csv";

// Reads EXPORT.xlsx for CASE (headers matched by text, or by the confirmed `mapping_file`).
SurveyExportRead ReadSurveyExport(const std::string& export_file, const std::string& case_dir,
                                  const std::string& mapping_file, Diagnostics& diags);

struct SurveyCheck {
  int64_t total = 0, valid = 0;
  struct Rate {
    std::string question, metric, rate;  // rate as printed ("98.89%"), empty when none
    int64_t answered = 0;
  };
  std::vector<Rate> rates;
};

// Checks `csv` as CASE/survey/responses.csv with the case's questionnaire (ingest LoadSurvey,
// then the survey statistics) and, unless `dry_run`, puts it in place atomically. `shown` names
// the file in messages. nullopt when any error was reported (the case is then untouched).
std::optional<SurveyCheck> ImportSurveyResponses(const std::string& case_dir,
                                                 const std::string& csv, const std::string& shown,
                                                 bool dry_run, Diagnostics& diags);

// Checks `json` as CASE/survey/questionnaire.json (the loader `survey import` uses) and puts it
// in place atomically; false when any error was reported (the case is then untouched).
bool ImportQuestionnaire(const std::string& case_dir, const std::string& json,
                         const std::string& shown, Diagnostics& diags);

// The questionnaire written as a sheet (survey/问卷题目.csv, casefile/questionnaire_sheet.h): when
// present it is the source, turned into survey/questionnaire.json (checked, atomically; not on a
// dry run). When the case has neither, a draft 问卷题目.csv is proposed from the export's header
// and answers (`draft_csv`, for the caller to write) and the import stops for the user to complete
// it. kReady: questionnaire.json is in place (or was already, with no sheet).
enum class QuestionnaireState { kReady, kDraft, kFailed };
QuestionnaireState PrepareQuestionnaire(const std::string& export_file, const std::string& case_dir,
                                        bool dry_run, std::string& draft_csv, Diagnostics& diags);

// The survey of a case folder as the report computes it; nullopt when the case has none.
std::optional<SurveyCheck> CaseSurveyRates(const std::string& case_dir, Diagnostics& diags);

}  // namespace jixiao
