// A 自评表's own block weights against the rule sets (issue 24, trial 2 item 4): a 40/40/20 form
// with the budget not scored is scored by the shipped 40/40/20 set when none is named, and under a
// named set that does not fit it is an 错误 naming the set that would; never a grade above 100.
#include "app/selfeval_rules_fit.h"

#include <catch2/catch.hpp>

#include "app/selfeval_app.h"

namespace jixiao {
namespace {

// 产出40/效益40/满意度20 headings, no budget 分值 (the 宁夏 原州区 form's layout), rows 8 points.
SelfEvalCsvInput FortyFortyTwenty(const char* output_rows) {
  SelfEvalCsvInput in;
  in.name = "原州区";
  in.form_csv =
      std::string("一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n") +
      output_rows +
      "效益指标（40分）,社会效益指标,推广面积比例,≥80%,85%,20,20,\n"
      ",经济效益指标,亩均增收,≥5%,6%,20,20,\n"
      "满意度指标（20分）,服务对象满意度,农户满意度,≥90%,95%,20,20,\n";
  in.budget_csv = std::string("全年预算数,全年执行数,执行率\n300,259.45,86.48%\n");
  in.summary_csv = std::string("总分\n100\n");
  return in;
}

const char kFit[] =
    "产出指标（40分）,数量指标,发放原原种,≥550万粒,550万粒,20,20,\n"
    ",质量指标,合格率,≥90%,95%,20,20,\n";
// The OCR'd form: six rows of 8 under a 40-point heading (108 in all).
const char kOver[] =
    "产出指标（40分）,数量指标,发放原原种,≥550万粒,550万粒,8,8,\n"
    ",数量指标,自行采购,≥200万粒,200万粒,8,8,\n,数量指标,繁育基地,≥8000亩,8535亩,8,8,\n"
    ",质量指标,合格率,≥90%,95%,8,8,\n,时效指标,支付,≥100%,100%,8,8,\n"
    ",成本指标,采购价,≤100%,100%,8,8,\n";

}  // namespace

TEST_CASE("selfeval rules fit: block weights by the 一级 headings, budget not printed") {
  Diagnostics d;
  auto national = ResolveSelfEvalRules("", d), forty = ResolveSelfEvalRules("selfeval-40-40-20", d);
  REQUIRE(national);
  REQUIRE(forty);
  CHECK(forty->budget.points.IsZero());
  SelfEvalCheck check = CheckSelfEvalBytes(FortyFortyTwenty(kFit), *forty);
  REQUIRE(check.form);
  auto blocks = FormBlockWeights(*check.form, *national);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].category == "产出指标");
  CHECK(blocks[0].points == Rational(40));
  CHECK(blocks[2].points == Rational(20));
  CHECK_FALSE(SelfEvalRulesFit(*check.form, *national));
  CHECK(SelfEvalRulesFit(*check.form, *forty));
  CHECK(FormWeightsText(*check.form, *national) ==
        "产出指标40分、效益指标40分、满意度指标20分，预算执行未列分值");
  CHECK(RulesWeightsText(*national) == "产出指标50分、效益指标30分、满意度指标10分，预算执行10分");
}

TEST_CASE("selfeval rules fit: chosen by layout when none named; named and unfit is an 错误") {
  Diagnostics d;
  auto national = ResolveSelfEvalRules("", d), hubei = ResolveSelfEvalRules("selfeval-hubei", d);
  REQUIRE(national);
  REQUIRE(hubei);
  // Default (auto): the 40/40/20 set, its choice said; the budget worth 0, total 100, grade 优.
  SelfEvalCheck chosen = CheckSelfEvalBytes(FortyFortyTwenty(kFit), *national, &*hubei);
  CHECK(chosen.result.rules_id == "selfeval-40-40-20");
  CHECK(*chosen.result.computed_total == Rational(100));
  CHECK(chosen.result.computed_grade == "优");
  CHECK(chosen.result.Count(Severity::kError) == 0);
  bool said = false;
  for (const auto& f : chosen.result.findings)
    said |=
        f.code == "selfeval.rules_chosen" && f.message.find("产出指标40分") != std::string::npos;
  CHECK(said);
  // Named national: scored by it (budget 10 added: over 100), no grade, the fitting set named.
  SelfEvalCheck named = CheckSelfEvalBytes(FortyFortyTwenty(kFit), *national);
  CHECK(named.result.rules_id == "selfeval-national");
  CHECK(*named.result.computed_total > Rational(100));
  CHECK(named.result.computed_grade.empty());
  std::string mismatch, over;
  for (const auto& f : named.result.findings) {
    if (f.code == "selfeval.rules_mismatch") mismatch = f.message;
    if (f.code == "selfeval.total_over") over = f.message;
    if (f.code == "selfeval.rules_mismatch") CHECK(f.severity == Severity::kError);
  }
  CHECK(mismatch.find("selfeval-40-40-20") != std::string::npos);
  CHECK(over.find("超过满分100分") != std::string::npos);
  // The OCR'd form (108 under 40/40/20 headings): the 40/40/20 set, 108 ≠ 100 an 错误 saying so
  // with the budget's 0 as the budget row shows it; the total over 100 has no grade.
  SelfEvalCheck ocr = CheckSelfEvalBytes(FortyFortyTwenty(kOver), *national, &*hubei);
  CHECK(ocr.result.rules_id == "selfeval-40-40-20");
  CHECK(*ocr.result.budget.weight == Rational(0));
  std::string sum;
  for (const auto& f : ocr.result.findings)
    if (f.code == "selfeval.weight_sum") sum = f.message;
  CHECK(sum.find("各项分值合计为108分（指标108分，预算执行0分") != std::string::npos);
  CHECK(*ocr.result.computed_total > Rational(100));
  CHECK(ocr.result.computed_grade.empty());
}

}  // namespace jixiao
