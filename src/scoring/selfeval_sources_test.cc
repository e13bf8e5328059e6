// The budget's 其中 rows by 资金来源: each source's own 执行率 (over 100%, or under the bar while
// the total is not), and amounts named in the unit the form printed (元 or 万元). Figures by hand.
#include <catch2/catch.hpp>

#include "scoring/selfeval_score.h"

namespace jixiao {
namespace {

SelfEvaluation Form(int64_t full_fen, int64_t done_fen) {
  SelfEvaluation f;
  SelfEvalRow row;
  row.line = 2;
  Location at{"form.csv", 2, 0, ""};
  row.level1 = {"产出指标", at};
  row.level3 = {"A", at};
  row.target = {"≥10个", at};
  row.actual = {"10个", at};
  row.weight = {"90", at, Rational(90), ""};
  row.score = {"90", at, Rational(90), ""};
  row.parsed_target = ReadSelfEvalTarget("≥10个");
  row.parsed_actual = TargetValue::Parse("10个");
  f.rows = {row};
  SelfEvalBudget& b = f.budget;
  b.present = true;
  b.line = 2;
  Location total{"budget.csv", 2, 0, ""};
  b.full_year = {"x", {"budget.csv", 2, 3, ""}, Money{full_fen}, ""};
  b.executed = {"x", {"budget.csv", 2, 4, ""}, Money{done_fen}, ""};
  b.weight = {"10", total, Rational(10), ""};
  return f;
}

FundingSource Source(const std::string& name, int line, int64_t full_fen, int64_t done_fen) {
  FundingSource s;
  s.name = {name, {"budget.csv", line, 1, ""}};
  s.full_year = {"x", {"budget.csv", line, 3, ""}, Money{full_fen}, ""};
  s.executed = {"x", {"budget.csv", line, 4, ""}, Money{done_fen}, ""};
  return s;
}

SelfEvalRules Rules() {
  SelfEvalRules r;
  r.id = "t";
  r.grades = {{"优", {}, 90}, {"差", {}, 0}};
  return r;
}

const Diagnostic* Find(const std::vector<Diagnostic>& ds, const std::string& code) {
  for (const auto& d : ds)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("selfeval sources: a source over 100%, or under the bar beside a total that is not") {
  // 总额 100 / 100 (100%); 财政资金 80 / 90 = 112.50%; 单位资金 20 / 10 = 50.00%.
  SelfEvaluation f = Form(10000000, 10000000);
  f.budget.sources = {Source("其中：财政资金", 3, 8000000, 9000000),
                      Source("单位资金", 4, 2000000, 1000000)};
  auto r = ScoreSelfEval(f, Rules());
  const Diagnostic* over = Find(r.budget.findings, "selfeval.source_rate_over_100");
  REQUIRE(over);
  CHECK(over->severity == Severity::kWarning);
  CHECK(over->where.line == 3);
  CHECK(over->where.column == 4);
  CHECK(over->message.find("财政资金") != std::string::npos);
  CHECK(over->message.find("112.50%") != std::string::npos);
  const Diagnostic* low = Find(r.budget.findings, "selfeval.source_rate_low");
  REQUIRE(low);
  CHECK(low->severity == Severity::kWarning);
  CHECK(low->where.line == 4);
  CHECK(low->message.find("50.00%") != std::string::npos);
  CHECK(low->message.find("100.00%") != std::string::npos);  // the total's rate beside it
  // A reason for the block answers the low source: a hint, not a warning.
  f.budget.reason = {"单位资金年底未到账", {"budget.csv", 2, 8, ""}};
  r = ScoreSelfEval(f, Rules());
  REQUIRE(Find(r.budget.findings, "selfeval.source_rate_low"));
  CHECK(Find(r.budget.findings, "selfeval.source_rate_low")->severity == Severity::kInfo);
}

TEST_CASE("selfeval sources: a total under the bar speaks for itself; budget 0 with spending") {
  SelfEvaluation f = Form(10000000, 8000000);  // 80%: the total's own rate_low_no_reason
  f.budget.sources = {Source("财政资金", 3, 10000000, 8000000)};
  auto r = ScoreSelfEval(f, Rules());
  CHECK(Find(r.budget.findings, "selfeval.rate_low_no_reason"));
  CHECK_FALSE(Find(r.budget.findings, "selfeval.source_rate_low"));
  // A source with 全年预算数 0 that spent money.
  f = Form(10000000, 10000000);
  f.budget.sources = {Source("财政资金", 3, 10000000, 9000000), Source("其他资金", 4, 0, 1000000)};
  r = ScoreSelfEval(f, Rules());
  const Diagnostic* over = Find(r.budget.findings, "selfeval.source_rate_over_100");
  REQUIRE(over);
  CHECK(over->where.line == 4);
  CHECK(over->message.find("其他资金") != std::string::npos);
}

TEST_CASE("selfeval sources: amounts in findings follow the unit the form printed") {
  SelfEvaluation f = Form(25000000, 21545760);  // 250,000.00元, 215,457.60元
  f.budget.money_unit = "元";
  f.budget.rate = {"86.19%", {"budget.csv", 2, 6, ""}, Rational::Parse("86.19"), ""};
  f.budget.sources = {Source("当年财政拨款", 3, 25000000, 20000000)};
  auto r = ScoreSelfEval(f, Rules());
  const Diagnostic* rate = Find(r.budget.findings, "selfeval.rate_printed");
  REQUIRE(rate);
  CHECK(rate->message.find("215,457.60元") != std::string::npos);
  CHECK(rate->message.find("万元") == std::string::npos);
  const Diagnostic* sum = Find(r.budget.findings, "selfeval.sources_sum");
  REQUIRE(sum);
  CHECK(sum->message.find("200,000.00元") != std::string::npos);
  CHECK(sum->message.find("万元") == std::string::npos);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval sources: a rule set scoring each source sums 执行率 × 分值 per source") {
  SelfEvalRules rules = Rules();
  rules.budget.sources = {{"中央资金", {}, Rational(6)}, {"地方资金", {"县级资金"}, Rational(4)}};
  // 总额 400 / 250 = 62.5%; 中央资金 100 / 100 = 100% → 6; 县级资金 300 / 150 = 50% → 2; 8, not
  // the total's 6.25.
  SelfEvaluation f = Form(40000000, 25000000);
  f.budget.sources = {Source("其中：中央资金", 3, 10000000, 10000000),
                      Source("县级资金", 4, 30000000, 15000000)};
  f.budget.score = {"8", {"budget.csv", 2, 7, ""}, Rational(8), ""};
  auto r = ScoreSelfEval(f, rules);
  REQUIRE(r.budget.computed);
  CHECK(*r.budget.computed == Rational(8));
  CHECK_FALSE(Find(r.budget.findings, "selfeval.score_below_rule"));
  CHECK_FALSE(Find(r.budget.findings, "selfeval.score_above_rule"));
  // The total's rate × 10 printed instead: below the rule, with each source's part.
  f.budget.score = {"6.25", {"budget.csv", 2, 7, ""}, Rational(25, 4), ""};
  r = ScoreSelfEval(f, rules);
  const Diagnostic* below = Find(r.budget.findings, "selfeval.score_below_rule");
  REQUIRE(below);
  CHECK(below->message.find("中央资金") != std::string::npos);
  CHECK(below->message.find("8分") != std::string::npos);
  // A source's own printed 得分 above its rule, located at its cell.
  f.budget.score = {"8", {"budget.csv", 2, 7, ""}, Rational(8), ""};
  f.budget.sources[1].score = {"4", {"budget.csv", 4, 7, ""}, Rational(4), ""};
  r = ScoreSelfEval(f, rules);
  const Diagnostic* above = Find(r.budget.findings, "selfeval.score_above_rule");
  REQUIRE(above);
  CHECK(above->where.line == 4);
  CHECK(above->where.column == 7);
  CHECK(above->message.find("县级资金") != std::string::npos);
  // A scored source the form does not print: 0 points for it, and a warning.
  f.budget.sources.pop_back();
  r = ScoreSelfEval(f, rules);
  const Diagnostic* missing = Find(r.budget.findings, "selfeval.source_missing");
  REQUIRE(missing);
  CHECK(missing->message.find("地方资金") != std::string::npos);
  CHECK(*r.budget.computed == Rational(6));
}

}  // namespace jixiao
