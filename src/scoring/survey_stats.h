// Survey statistics: per-question distributions, the rates that feed metrics (share of positive
// options, or mean of option scores), response validity, the sample against the population with
// the 95% Wilson interval and the margin of error, and breakdowns by group.
// Contract: rates are exact rationals (percent values); intervals and margins are doubles, for
// display only. A question with no valid answers yields no rate and a warning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/rational.h"
#include "model/survey.h"

namespace jixiao {

struct OptionCount {
  std::string option;
  int64_t count = 0;
  Rational percent;  // of the respondents who answered the question
};

struct QuestionStats {
  const Question* question = nullptr;
  int64_t answered = 0, missing = 0;
  std::vector<OptionCount> options;
  std::optional<Rational> rate;            // percent value of the metric, when answered > 0
  double wilson_low = 0, wilson_high = 0;  // percent, share questions only
};

struct GroupRate {
  std::string group;
  int64_t answered = 0;
  std::optional<Rational> rate;
};

struct Breakdown {
  const Question* question = nullptr;
  std::string column;
  std::vector<GroupRate> groups;
};

struct SurveyStats {
  int64_t total = 0, valid = 0, invalid = 0;
  Rational valid_percent;
  std::optional<int64_t> population;
  double margin_percent = 0;    // ± at p = 0.5, 95% confidence, finite-population corrected
  int64_t required_sample = 0;  // for ±5% at 95% confidence
  bool small_sample = false;
  std::vector<QuestionStats> questions;
  std::vector<Breakdown> breakdowns;
};

SurveyStats ComputeSurvey(const Survey& survey, Diagnostics& diags);

// The 95% Wilson score interval of a share, in percent.
std::pair<double, double> WilsonInterval(int64_t positive, int64_t n);
// Sample size for a ±margin (fraction, e.g. 0.05) at 95% confidence, p = 0.5, optional population.
int64_t RequiredSample(double margin, std::optional<int64_t> population);

}  // namespace jixiao
