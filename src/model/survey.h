// A questionnaire and its responses (survey/questionnaire.json, survey/responses.csv).
// Contract: answers are stored as written (option texts); a blank answer is missing. Validation of
// options against the questionnaire happens at ingest, with row, column and value located.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct Question {
  std::string id, text;
  bool multiple = false;
  std::vector<std::string> options;
  std::string metric;  // the metric this question feeds; empty = reported only
  enum class Method { kShare, kMean } method = Method::kShare;
  std::set<std::string> positive;     // share: options counted as positive
  std::map<std::string, int> scores;  // mean: option -> score 0..100
  std::string group_by;               // a group column of responses.csv, for breakdowns
  Location where;
};

struct Questionnaire {
  std::string title, sampling;
  std::optional<int64_t> population;
  std::vector<Question> questions;
  std::string file;
};

struct SurveyResponse {
  int line = 0;
  std::string id;
  std::map<std::string, std::string> groups;                // group column -> value
  std::map<std::string, std::vector<std::string>> answers;  // question id -> chosen options
};

struct Survey {
  bool present = false;
  Questionnaire questionnaire;
  std::vector<SurveyResponse> responses;
  std::string responses_file;
};

}  // namespace jixiao
