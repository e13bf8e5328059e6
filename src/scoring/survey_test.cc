// Survey statistics with expectations computed by hand.
#include <catch2/catch.hpp>

#include "scoring/survey_stats.h"

namespace jixiao {
namespace {

Survey Make(std::vector<std::vector<std::string>> answers) {
  Survey s;
  s.present = true;
  Question share;
  share.id = "Q1";
  share.options = {"了解", "基本了解", "不了解"};
  share.metric = "知晓率";
  share.positive = {"了解", "基本了解"};
  share.group_by = "村";
  Question mean;
  mean.id = "Q2";
  mean.options = {"非常满意", "满意", "一般"};
  mean.metric = "满意度";
  mean.method = Question::Method::kMean;
  mean.scores = {{"非常满意", 100}, {"满意", 80}, {"一般", 60}};
  Question multi;
  multi.id = "Q3";
  multi.multiple = true;
  multi.options = {"甲", "乙", "丙"};
  s.questionnaire.questions = {share, mean, multi};
  int line = 2;
  for (auto& a : answers) {
    SurveyResponse r;
    r.line = line++;
    r.groups["村"] = a[0];
    if (!a[1].empty()) r.answers["Q1"] = {a[1]};
    if (!a[2].empty()) r.answers["Q2"] = {a[2]};
    if (a.size() > 3) r.answers["Q3"] = std::vector<std::string>(a.begin() + 3, a.end());
    s.responses.push_back(r);
  }
  return s;
}

}  // namespace

TEST_CASE("share: positive options over answered; blanks leave the denominator") {
  Diagnostics d;
  auto s = ComputeSurvey(
      Make({{"东", "了解", "非常满意"}, {"东", "不了解", "满意"}, {"西", "", "一般"}}), d);
  REQUIRE(s.questions[0].rate);
  CHECK(*s.questions[0].rate == Rational(50));  // 1 of 2 answered
  CHECK(s.questions[0].answered == 2);
  CHECK(s.questions[0].missing == 1);
  CHECK(s.questions[0].options[0].percent == Rational(50));
}

TEST_CASE("mean: average of option scores") {
  Diagnostics d;
  auto s = ComputeSurvey(
      Make({{"东", "了解", "非常满意"}, {"东", "了解", "满意"}, {"西", "了解", "一般"}}), d);
  CHECK(*s.questions[1].rate == Rational(80));  // (100 + 80 + 60) / 3
  auto t = ComputeSurvey(
      Make({{"东", "了解", "非常满意"}, {"东", "了解", "满意"}, {"西", "了解", "满意"}}), d);
  CHECK(*t.questions[1].rate == Rational(260, 3));  // 86.67, exact until printed
}

TEST_CASE("multiple choice counts every chosen option; shares may add past 100%") {
  Diagnostics d;
  auto s =
      ComputeSurvey(Make({{"东", "了解", "满意", "甲", "乙"}, {"西", "了解", "满意", "甲"}}), d);
  CHECK(s.questions[2].options[0].count == 2);
  CHECK(s.questions[2].options[0].percent == Rational(100));
  CHECK(s.questions[2].options[1].percent == Rational(50));
}

TEST_CASE("a question with no valid answers has no rate and warns") {
  Diagnostics d;
  auto s = ComputeSurvey(Make({{"东", "", "满意"}, {"西", "", "一般"}}), d);
  CHECK_FALSE(s.questions[0].rate);
  REQUIRE_FALSE(d.items().empty());
  CHECK(d.items()[0].code == "survey.no_answers");
}

TEST_CASE("validity, breakdown by group") {
  Diagnostics d;
  auto s =
      ComputeSurvey(Make({{"东", "了解", "满意"}, {"东", "不了解", "满意"}, {"西", "", ""}}), d);
  CHECK(s.valid == 2);
  CHECK(s.invalid == 1);
  CHECK(s.valid_percent == Rational(200, 3));
  REQUIRE(s.breakdowns.size() == 1);
  CHECK(s.breakdowns[0].groups[0].group == "东");
  CHECK(*s.breakdowns[0].groups[0].rate == Rational(50));
  CHECK_FALSE(s.breakdowns[0].groups[1].rate);  // 西 answered nothing
}

TEST_CASE("Wilson interval, sample size and margin of error") {
  auto [low, high] = WilsonInterval(50, 100);
  CHECK(low == Approx(40.38).margin(0.01));
  CHECK(high == Approx(59.62).margin(0.01));
  CHECK(RequiredSample(0.05, std::nullopt) == 385);  // 1.96² × 0.25 / 0.05² = 384.15 → 385
  CHECK(RequiredSample(0.05, 620) == 238);           // finite-population correction
  Survey big = Make({});
  big.questionnaire.population = 620;
  for (int i = 0; i < 180; ++i) big.responses.push_back({i + 2, "", {}, {{"Q1", {"了解"}}}});
  Diagnostics d;
  auto s = ComputeSurvey(big, d);
  CHECK(s.margin_percent == Approx(6.16).margin(0.01));  // 1.96 × √(0.25/180) × √(440/619)
  CHECK(s.small_sample);
}

}  // namespace jixiao
