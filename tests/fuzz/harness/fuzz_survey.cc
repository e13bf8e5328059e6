// libFuzzer harness: questionnaire.json and responses.csv (split at a "----" line), loaded and
// summarised (shares, means, Wilson intervals, breakdowns).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "fuzz_util.h"
#include "ingest/case_loader.h"
#include "scoring/survey_stats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [questionnaire, responses] =
      jixiao::fuzz::SplitTwo(std::string(reinterpret_cast<const char*>(data), size));
  const std::string& dir = jixiao::fuzz::ScratchDir();
  mkdir((dir + "/survey").c_str(), 0700);
  jixiao::fuzz::WriteFile(dir + "/survey/questionnaire.json", questionnaire);
  jixiao::fuzz::WriteFile(dir + "/survey/responses.csv", responses);
  jixiao::Diagnostics diags;
  jixiao::Guarded(dir, diags, [&] {
    jixiao::Survey survey;
    jixiao::LoadSurvey(dir, survey, diags);
    if (!diags.HasErrors() && survey.present) jixiao::ComputeSurvey(survey, diags);
  });
  return 0;
}
