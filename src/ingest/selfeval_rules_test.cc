// 自评表 rule sets: the three shipped sets load with the figures docs/selfeval.md states; a
// budget base of 年初, weights not adding to 100 and typos are located errors.
#include <catch2/catch.hpp>

#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "ingest/selfeval_rules_loader.h"

namespace jixiao {
namespace {

std::optional<SelfEvalRules> Shipped(const std::string& id, Diagnostics& diags) {
  return LoadSelfEvalRules(std::string(JIXIAO_SOURCE_DIR) + "/indicators/" + id + ".json", diags);
}

std::string Messages(const Diagnostics& d) {
  std::string all;
  for (const auto& i : d.items()) all += i.ToString() + "\n";
  return all;
}

const char kMinimal[] = R"({"kind": "selfeval-rules", "id": "t", "title": "t",
  "budget": {"points": 10, "base": "BASE"},
  "weights": {"mode": "printed", "rows_total": 90},
  "qualitative": {"bands": [{"level": "达成", "min": "80%", "max": "100%"}]},
  "rounding": "0.01", "grades": [{"name": "优", "min": 90}, {"name": "差", "min": 0}]})";

std::string With(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("selfeval rules: the national set is 10 + 产出50/效益30/满意度10, 0.01, 优良中差") {
  Diagnostics d;
  auto r = Shipped("selfeval-national", d);
  INFO(Messages(d));
  REQUIRE(r);
  CHECK(r->budget.points == Rational(10));
  CHECK(r->budget.reason_below == Rational(90));
  CHECK(r->weight_mode == SelfEvalWeightMode::kPrinted);
  REQUIRE(r->categories.size() == 3);
  CHECK(r->categories[0].points == Rational(50));
  CHECK(r->categories[2].points == Rational(10));
  REQUIRE(r->bands.size() == 3);
  CHECK(r->bands[1].min_share == Rational(1, 2));
  CHECK(r->bands[1].max_share == Rational(4, 5));
  CHECK(r->rounding == SelfEvalRounding::kHundredth);
  CHECK(GradeOf(*r, Rational(85))->name == "良");
  CHECK(GradeMatches(*GradeOf(*r, Rational(85)), "良好"));
  // Every shipped set carries a Chinese name for the reports, never just its id.
  for (const char* id : {"selfeval-national", "selfeval-hubei", "selfeval-sichuan-2023"}) {
    auto each = Shipped(id, d);
    REQUIRE(each);
    CHECK_FALSE(each->name.empty());
    CHECK(SelfEvalRulesName(*each) == each->name);
    CHECK(each->name.find("selfeval") == std::string::npos);
  }
  CHECK(r->name == "全国通用自评规则（财预〔2020〕10号）");
}

TEST_CASE("selfeval rules: 湖北 budget 20 with goal blocks of 40; 四川 2023 权重 column") {
  Diagnostics d;
  auto hubei = Shipped("selfeval-hubei", d);
  auto sichuan = Shipped("selfeval-sichuan-2023", d);
  INFO(Messages(d));
  REQUIRE(hubei);
  REQUIRE(sichuan);
  CHECK(hubei->budget.points == Rational(20));
  CHECK(hubei->rows_total == Rational(80));
  CHECK(hubei->weight_mode == SelfEvalWeightMode::kGoalBlocks);
  CHECK(hubei->goal_blocks.size() == 2);
  CHECK(hubei->bands[1].min_share == Rational(3, 5));  // the 80/60 variant
  CHECK(sichuan->weight_mode == SelfEvalWeightMode::kWeightColumn);
  CHECK(sichuan->rounding == SelfEvalRounding::kWholeDown);
  CHECK(sichuan->satisfaction.mode == SatisfactionMode::kStepDeduct);
  CHECK(sichuan->satisfaction.step == Rational(5));
  CHECK(sichuan->satisfaction.deduct == Rational(1));
}

TEST_CASE("selfeval rules: 年初 as the budget base, a bad total and a typo are located errors") {
  Diagnostics ok;
  CHECK(ParseSelfEvalRules("r.json", With(kMinimal, "BASE", "full_year"), ok));
  Diagnostics base;
  CHECK_FALSE(ParseSelfEvalRules("r.json", With(kMinimal, "BASE", "year_start"), base));
  CHECK(Messages(base).find("不得用年初预算数") != std::string::npos);
  CHECK(Messages(base).find("r.json:2") != std::string::npos);
  Diagnostics total;
  CHECK_FALSE(ParseSelfEvalRules(
      "r.json",
      With(With(kMinimal, "BASE", "full_year"), "\"rows_total\": 90", "\"rows_total\": 80"),
      total));
  CHECK(Messages(total).find("之和应为100") != std::string::npos);
  Diagnostics typo;
  CHECK_FALSE(ParseSelfEvalRules(
      "r.json", With(With(kMinimal, "BASE", "full_year"), "\"rounding\"", "\"rouding\""), typo));
  Diagnostics bad_round;
  CHECK_FALSE(ParseSelfEvalRules(
      "r.json", With(With(kMinimal, "BASE", "full_year"), "\"0.01\"", "\"0.5\""), bad_round));
  CHECK(Messages(bad_round).find("whole_down") != std::string::npos);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("framework rounding: \"whole_down\" is read, anything but 0.01 is a located error") {
  std::string fw = R"({"id": "t", "title": "t", "total": 10, "rounding": "whole_down",
    "grades": [{"label": "优", "min": 9}, {"label": "差", "min": 0}],
    "indicators": [{"code": "A", "name": "甲", "weight": 10, "rule": {"type": "deduction"}}]})";
  Diagnostics ok;
  auto f = ParseFramework("f.json", fw, ok);
  REQUIRE(f);
  CHECK(f->whole_points_down);
  Diagnostics bad;
  std::string half = fw;
  half.replace(half.find("whole_down"), 10, "0.5");
  CHECK_FALSE(ParseFramework("f.json", half, bad));
  REQUIRE(bad.HasErrors());
  CHECK(bad.items()[0].code == "framework.rounding");
  CHECK(bad.items()[0].where.line == 1);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval rules: budget sources; their points, when given, add up to the budget's") {
  const std::string base = With(kMinimal, "BASE", "full_year");
  auto sources = [&](const std::string& list) {
    return With(base, "\"base\": \"full_year\"", "\"base\": \"full_year\", \"sources\": " + list);
  };
  Diagnostics ok;
  auto r = ParseSelfEvalRules("r.json", sources(R"([{"name": "中央资金", "points": 6},
                  {"name": "地方资金", "synonyms": ["县级资金"], "points": 4}])"),
                              ok);
  INFO(Messages(ok));
  REQUIRE(r);
  REQUIRE(r->budget.sources.size() == 2);
  CHECK(r->budget.sources[0].name == "中央资金");
  CHECK(*r->budget.sources[0].points == Rational(6));
  CHECK(r->budget.sources[1].synonyms == std::vector<std::string>{"县级资金"});
  Diagnostics names;
  auto plain = ParseSelfEvalRules("r.json", sources(R"([{"name": "当年财政拨款"}])"), names);
  REQUIRE(plain);
  CHECK_FALSE(plain->budget.sources[0].points);
  Diagnostics sum;
  CHECK_FALSE(ParseSelfEvalRules(
      "r.json",
      sources(R"([{"name": "中央资金", "points": 6}, {"name": "地方资金", "points": 3}])"), sum));
  CHECK(Messages(sum).find("之和9") != std::string::npos);
  Diagnostics mixed;
  CHECK_FALSE(ParseSelfEvalRules(
      "r.json", sources(R"([{"name": "中央资金", "points": 10}, {"name": "地方资金"}])"), mixed));
  CHECK(Messages(mixed).find("地方资金") != std::string::npos);
  // The shipped sets name the 其中 rows their blank forms print, unscored.
  Diagnostics d;
  auto national = Shipped("selfeval-national", d);
  REQUIRE(national);
  REQUIRE(national->budget.sources.size() == 3);
  CHECK(national->budget.sources[0].name == "当年财政拨款");
  CHECK_FALSE(national->budget.sources[0].points);
  auto sichuan = Shipped("selfeval-sichuan-2023", d);
  REQUIRE(sichuan);
  REQUIRE(sichuan->budget.sources.size() == 4);
  CHECK(sichuan->budget.sources[0].name == "财政资金");
}

}  // namespace jixiao
