// The app functions serve and the CLI share: a form from bytes, an edit in memory rescored, the
// JSON shape other tools rely on, and the review workbooks.
#include "app/selfeval_app.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

SelfEvalCsvInput Upload() {
  SelfEvalCsvInput in;
  in.name = "单位上传";
  in.form_csv =
      "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n"
      "产出指标,数量指标,培训人次,≥500人次,,50,50,\n"
      "效益指标,社会效益指标,就业率,≥60%,60%,30,30,\n"
      "满意度指标,满意度,学员满意度,≥90%,95%,10,10,\n";
  in.budget_csv = std::string("全年预算数,全年执行数,分值,执行率,得分\n100,90,10,90%,9\n");
  in.summary_csv = std::string("总分,等级\n99,优\n");
  return in;
}

}  // namespace

TEST_CASE("selfeval app: a form from bytes; typing 实际完成值 in memory updates the score") {
  Diagnostics d;
  auto rules = ResolveSelfEvalRules("", d);
  REQUIRE(rules);
  SelfEvalCheck check = CheckSelfEvalBytes(Upload(), *rules);
  REQUIRE(check.ok());
  // Blank 实际完成值 with full marks: computed 0, flagged.
  CHECK(*check.result.rows[0].computed == Rational(0));
  CHECK(*check.result.computed_total == Rational(49));  // 0 + 30 + 10 + 9
  std::string why;
  REQUIRE(EditSelfEval(*check.form, 0, "实际完成值", "400人次", &why));
  SelfEvalResult again = RescoreSelfEval(*check.form, *rules);
  CHECK(*again.rows[0].computed == Rational(40));  // 400/500 × 50
  CHECK(*again.computed_total == Rational(89));
  REQUIRE(EditSelfEval(*check.form, 0, "得分", "40", &why));
  REQUIRE(EditSelfEval(*check.form, 0, "偏差原因", "两期培训延至次年", &why));
  SelfEvalResult third = RescoreSelfEval(*check.form, *rules);
  CHECK(third.rows[0].findings.empty());
  CHECK_FALSE(EditSelfEval(*check.form, 0, "三级指标", "x", &why));
  CHECK(why.find("实际完成值") != std::string::npos);
  CHECK_FALSE(EditSelfEval(*check.form, 0, "得分", "十分", &why));
}

TEST_CASE("selfeval app: the budget block typed in the page, amounts as Excel users type them") {
  Diagnostics d;
  auto rules = ResolveSelfEvalRules("selfeval-national", d);
  REQUIRE(rules);
  SelfEvalCsvInput in = Upload();
  in.budget_csv.reset();  // a form made from a 绩效目标表 has no budget block yet
  SelfEvalCheck check = CheckSelfEvalBytes(in, *rules);
  REQUIRE(check.form);
  std::string why;
  REQUIRE(EditSelfEval(*check.form, 0, "全年预算数", "100万元", &why, rules->budget.money_unit));
  REQUIRE(EditSelfEval(*check.form, 0, "全年执行数", "80.4万元", &why, rules->budget.money_unit));
  REQUIRE(EditSelfEval(*check.form, 0, "年初预算数", "1,000,000.00元", &why,
                       rules->budget.money_unit));
  REQUIRE(EditSelfEval(*check.form, 0, "预算偏差原因", "两笔采购延至次年", &why));
  CHECK(check.form->budget.present);
  CHECK(check.form->budget.full_year.value->fen == 100000000);   // 100万元
  CHECK(check.form->budget.executed.value->fen == 80400000);     // 80.4万元
  CHECK(check.form->budget.year_start.value->fen == 100000000);  // 1,000,000.00元
  SelfEvalResult r = RescoreSelfEval(*check.form, *rules);
  REQUIRE(r.budget.rate);
  CHECK(*r.budget.rate == Rational(804, 10));  // 80.4 ÷ 100 = 80.40%
  REQUIRE(r.budget.weight);
  CHECK(*r.budget.weight == Rational(10));  // 分值 from the rule set
  REQUIRE(r.budget.computed);
  CHECK(*r.budget.computed == Rational(804, 100));  // 80.40% × 10 = 8.04
  for (const auto& f : r.budget.findings) CHECK(f.code != "selfeval.budget_missing");
  // A bare number is in the rule set's unit (万元); an unreadable amount is refused with the
  // reason, and the text stays as typed so the page can show it again.
  REQUIRE(EditSelfEval(*check.form, 0, "全年执行数", "80.4", &why, rules->budget.money_unit));
  CHECK(check.form->budget.executed.value->fen == 80400000);
  CHECK_FALSE(EditSelfEval(*check.form, 0, "全年执行数", "八十万", &why, "万元"));
  CHECK(why.find("不是有效金额") != std::string::npos);
  CHECK(check.form->budget.executed.text == "八十万");
  CHECK_FALSE(check.form->budget.executed.value);
  CHECK_FALSE(EditSelfEval(*check.form, 0, "全年预算数", "1.001元", &why, "万元"));
  CHECK(why.find("精确到分") != std::string::npos);
}

TEST_CASE("selfeval app: the JSON shape, and the review workbooks are xlsx") {
  Diagnostics d;
  auto rules = ResolveSelfEvalRules("selfeval-national", d);
  REQUIRE(rules);
  SelfEvalCheck check = CheckSelfEvalBytes(Upload(), *rules);
  std::string json = SelfEvalJson(check.result);
  for (const char* key :
       {"{\"form\": {\"claimed_total\": 99, \"computed_total\": 49, \"findings\": [",
        "\"budget\": {\"claimed\": 9, \"computed\": 9, \"findings\": [",
        "\"rows\": [{\"line\": 2, \"indicator\": \"培训人次\", \"weight\": 50, "
        "\"claimed\": 50, \"computed\": 0, \"findings\": [{\"code\": "
        "\"selfeval.full_marks_blank_actual\", \"severity\": \"错误\", \"message\": "
        "\"单位上传/form.csv:2:5"})
    CHECK(json.find(key) != std::string::npos);
  auto files = SelfEvalReviewFiles({check});
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "复核汇总.xlsx");
  CHECK(files[1].name == "复核_单位上传.xlsx");
  CHECK(files[0].bytes.substr(0, 2) == "PK");
  Diagnostics unknown;
  CHECK_FALSE(ResolveSelfEvalRules("national-2020", unknown));  // a framework, not a rule set
}

}  // namespace jixiao
