// The 年度总体目标 check: a goal whose 实际完成情况 is blank, or still the template's instruction
// (“对照年度目标，说明…（100字以内）”), is a 警告 at that cell; a filled one, or a form without a
// goal, stays quiet (form 08 of tests/selfeval-corpus, 霍邱 2022, printed its goal with no result).
#include <catch2/catch.hpp>

#include "scoring/selfeval_score.h"

namespace jixiao {
namespace {

SelfEvalRules Rules() {
  SelfEvalRules r;
  r.id = "t";
  r.categories = {{"产出指标", {"产出"}, 90}};
  r.grades = {{"优", {}, 90}, {"良", {}, 80}, {"中", {}, 60}, {"差", {}, 0}};
  return r;
}

SelfEvaluation Form(const std::string& goal, const std::string& actual, bool actual_row = true) {
  SelfEvaluation f;
  f.source = "f";
  f.goal = {goal, {"f/project.csv", 7, 2, "内容"}};
  if (actual_row) f.goal_actual = {actual, {"f/project.csv", 8, 2, "内容"}};
  return f;
}

const Diagnostic* Find(const SelfEvalResult& r, const std::string& code) {
  for (const auto& d : r.findings)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("selfeval: a 总体目标 with its 实际完成情况 blank is a 警告 at that cell") {
  auto r = ScoreSelfEval(Form("发挥科技特派员创业带头人作用。", ""), Rules());
  const Diagnostic* d = Find(r, "selfeval.goal_actual_blank");
  REQUIRE(d);
  CHECK(d->severity == Severity::kWarning);
  CHECK(d->where.line == 8);
  CHECK(d->message.find("发挥科技特派员创业带头人作用") != std::string::npos);
  CHECK(d->message.find("请") != std::string::npos);
  // No 实际完成情况 row at all: located at the goal.
  auto none = ScoreSelfEval(Form("发挥科技特派员创业带头人作用。", "", false), Rules());
  const Diagnostic* g = Find(none, "selfeval.goal_actual_blank");
  REQUIRE(g);
  CHECK(g->where.line == 7);
  // Placeholders are blank too.
  for (const char* blank : {"/", "无", "  "})
    CHECK(Find(ScoreSelfEval(Form("保障工资足额发放", blank), Rules()),
               "selfeval.goal_actual_blank"));
}

TEST_CASE(
    "selfeval: the 四川 2023 template's instruction left in 年度目标完成情况 is not a result") {
  auto r = ScoreSelfEval(Form("严格执行相关政策，保障工资及时、足额发放。",
                              "对照年度目标，说明相关任务目标的完成情况（100字以内）"),
                         Rules());
  const Diagnostic* d = Find(r, "selfeval.goal_actual_blank");
  REQUIRE(d);
  CHECK(d->message.find("填写说明") != std::string::npos);
}

TEST_CASE("selfeval: a filled 实际完成情况, or no 总体目标, gives no goal finding") {
  CHECK_FALSE(Find(ScoreSelfEval(Form("完成年度防汛工作", "完成年度目标。"), Rules()),
                   "selfeval.goal_actual_blank"));
  // 上海普陀 2022: 预期目标 blank, 实际完成情况 filled; 湖北-style forms have no goal at all.
  CHECK_FALSE(
      Find(ScoreSelfEval(Form("", "已完成费用结算。"), Rules()), "selfeval.goal_actual_blank"));
  CHECK_FALSE(Find(ScoreSelfEval(SelfEvaluation{}, Rules()), "selfeval.goal_actual_blank"));
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval: a blank row with a score is named by its 二级, not as “”") {
  // 霍邱 2022 prints “生态效益指标 … 0”: no 三级, no 指标值, 得分 0.
  SelfEvaluation f;
  SelfEvalRow row;
  row.line = 9;
  Location at{"form.csv", 9, 7, "得分"};
  row.level1 = {"效益指标", at};
  row.level2 = {"生态效益指标", at};
  row.level3 = {"", at};
  row.score = {"0", at, Rational(0), ""};
  row.template_row = IsTemplateText("");
  f.rows = {row};
  auto r = ScoreSelfEval(f, Rules());
  const Diagnostic* d = Find(r, "selfeval.template_row");
  REQUIRE(d);
  CHECK(d->severity == Severity::kInfo);
  CHECK(d->message.find("“”") == std::string::npos);
  CHECK(d->message.find("生态效益指标") != std::string::npos);
  // A template row named in its 三级 keeps that name.
  f.rows[0].level3.text = "指标1:";
  auto named = ScoreSelfEval(f, Rules());
  REQUIRE(Find(named, "selfeval.template_row"));
  CHECK(Find(named, "selfeval.template_row")->message.find("“指标1:”") != std::string::npos);
}

}  // namespace jixiao
