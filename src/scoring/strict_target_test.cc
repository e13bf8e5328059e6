// Differential cases (webtrial4 item 1): <, >, ≤, ≥ and = at, below and above the limit, scored
// by the evaluation's target rule and by the 自评表 scorer; both must agree on met and score, and
// a strict comparator never gives full marks at its limit. Expectations written by hand first.
#include <catch2/catch.hpp>
#include <tuple>

#include "scoring/score.h"
#include "scoring/selfeval_score.h"

namespace jixiao {
namespace {

IndicatorResult Evaluate(const std::string& value, const std::string& actual) {
  Rule rule;
  rule.type = RuleType::kTarget;
  rule.target_name = "完成量";
  Framework fw;
  fw.id = "t";
  fw.total = Score{400};
  fw.grades = {{"优", Score{9000}}, {"不合格", Score{0}}};
  Indicator top{};
  top.code = "A";
  top.name = "一级";
  top.weight = Score{400};
  Indicator leaf{};
  leaf.code = "A1";
  leaf.name = "末级";
  leaf.level = 2;
  leaf.weight = Score{400};
  leaf.rule = rule;
  top.children.push_back(leaf);
  fw.indicators.push_back(top);
  Case c;
  c.targets.present = true;
  c.targets.file = "targets.csv";
  c.targets.rows.push_back({"产出指标", "数量指标", "完成量", value, actual, "", 2});
  Diagnostics diags;
  Scorecard card = ScoreCase(fw, c, diags);
  INFO(value << " " << actual);
  REQUIRE(card.Find("A1"));
  return *card.Find("A1");
}

SelfEvalRowResult SelfEval(const std::string& value, const std::string& actual,
                           SelfEvalRounding rounding = SelfEvalRounding::kHundredth) {
  SelfEvalRules rules;
  rules.id = "t";
  rules.rounding = rounding;
  rules.categories = {{"产出指标", {"产出"}, 50}};
  SelfEvalRow r;
  r.line = 2;
  Location at{"form.csv", 2, 0, ""};
  r.level1 = {"产出指标", at};
  r.level2 = {"数量指标", at};
  r.level3 = {"完成量", at};
  r.target = {value, at};
  r.actual = {actual, at};
  r.reason = {"原因", at};
  r.weight = {"4", at, Rational(4), ""};
  r.score = {"4", at, Rational(4), ""};
  r.parsed_target = ReadSelfEvalTarget(value);
  r.parsed_actual = TargetValue::Parse(actual);
  SelfEvaluation form;
  form.rows = {r};
  SelfEvalResult result = ScoreSelfEval(form, rules);
  REQUIRE(result.rows.size() == 1);
  return result.rows[0];
}

}  // namespace

TEST_CASE("strict and non-strict targets at, below and above the limit: both paths agree") {
  // {指标值, 实际值, points of 4 (hundredths), met}
  const std::tuple<const char*, const char*, int64_t, bool> cases[] = {
      {"≥10次", "8次", 320, false},
      {"≥10次", "10次", 400, true},
      {"≥10次", "12次", 400, true},
      {">10次", "8次", 320, false},
      {">10次", "10次", 399, false},
      {">10次", "12次", 400, true},
      {"≤10次", "8次", 400, true},
      {"≤10次", "10次", 400, true},
      {"≤10次", "12.5次", 320, false},
      {"<10次", "8次", 400, true},
      {"<10次", "10次", 399, false},
      {"<10次", "12.5次", 320, false},
      {"=10次", "8次", 320, false},
      {"=10次", "10次", 400, true},
      {"=10次", "12.5次", 320, false},
      {"小于10次", "10次", 399, false},
      {"大于10次", "10次", 399, false},
      {"低于10次", "9次", 400, true},
      {"高于10次", "10.0001次", 400, true},
      // just past a strict limit the ratio rounds to full, but the target is missed: never 4
      {"<10次", "10.0001次", 399, false},
  };
  for (const auto& [value, actual, points, met] : cases) {
    INFO(value << " 实际 " << actual);
    IndicatorResult e = Evaluate(value, actual);
    CHECK(e.score == Score{points});
    const std::string said = e.evidence;
    const std::string tail = met ? "已达成" : "部分达成";
    CHECK(said.substr(said.size() - tail.size()) == tail);
    SelfEvalRowResult s = SelfEval(value, actual);
    REQUIRE(s.computed);
    CHECK(*s.computed == Rational(points, 100));
    CHECK((s.how == "已达成，得满分") == met);
  }
}

TEST_CASE("a strict target missed at its limit loses one step of the 自评表's rounding") {
  auto whole = SelfEval("<10次", "10次", SelfEvalRounding::kWholeDown);
  CHECK(*whole.computed == Rational(3));
  auto tenth = SelfEval(">10次", "10次", SelfEvalRounding::kTenth);
  CHECK(*tenth.computed == Rational(39, 10));
}

TEST_CASE("the copied-target hint never suggests a value that would not meet a strict target") {
  auto s = SelfEval("小于0.9‰", "小于0.9‰");
  std::string all;
  for (const auto& f : s.findings) all += f.message + "\n";
  INFO(all);
  CHECK(all.find("照抄") != std::string::npos);
  CHECK(all.find("如 0.9‰") == std::string::npos);
  CHECK(all.find("小于0.9‰") != std::string::npos);
  auto ge = SelfEval("≥10次", "≥10次");
  std::string ge_all;
  for (const auto& f : ge.findings) ge_all += f.message;
  CHECK(ge_all.find("如 10次") != std::string::npos);  // 10次 meets ≥10次
}

}  // namespace jixiao
