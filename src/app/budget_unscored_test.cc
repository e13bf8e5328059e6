// The 中央转移支付 layout (trial 3 item 5, 阆中市 车购税补助 2021): seven rows of
// 20/20/10/10/10/10/20 that total 100, a budget block with no 分值. With no rule set named it
// scores 100 at most — the budget not scored, the blocks as printed — never 110; a named set still
// says it does not fit.
#include <catch2/catch.hpp>

#include "app/selfeval_app.h"
#include "app/selfeval_rules_fit.h"

namespace jixiao {
namespace {

SelfEvalCsvInput Langzhong() {
  SelfEvalCsvInput in;
  in.name = "阆中";
  in.form_csv =
      "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n"
      "产出指标,数量指标,建设普通省道二级公路,≥32.1公里,32.1公里,20,20,\n"
      "产出指标,质量指标,建设符合验收要求,合格,合格,20,20,\n"
      "产出指标,时效指标,按期完成投资,按期,按期,10,10,\n"
      "效益指标,经济效益指标,对经济发展的促进作用,明显,明显,10,10,\n"
      "效益指标,社会效益指标,基本公共服务水平,提升,提升,10,10,\n"
      "效益指标,生态效益指标,交通建设符合环评审批要求,符合,符合,10,10,\n"
      "满意度指标,服务对象满意度指标,群众满意度,≥90%,95%,20,20,\n";
  in.budget_csv =
      std::string("年初预算数,全年预算数,全年执行数,分值,执行率,得分\n4000,4000,4000,,100%,\n");
  return in;
}

bool HasCode(const SelfEvalResult& r, const std::string& code) {
  for (const auto* f : r.AllFindings())
    if (f->code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("rows totalling 100 with no budget 分值: the budget is not scored, never 110") {
  Diagnostics d;
  auto national = ResolveSelfEvalRules("", d);
  auto hubei = ResolveSelfEvalRules("selfeval-hubei", d);
  REQUIRE(national);
  REQUIRE(hubei);
  const SelfEvalCheck chosen = CheckSelfEvalBytes(Langzhong(), *national, &*hubei);
  REQUIRE(chosen.form);
  REQUIRE(chosen.result.computed_total);
  CHECK(*chosen.result.computed_total == Rational(100));
  CHECK(chosen.result.rules_id == std::string("selfeval-national") + kBudgetUnscored);
  CHECK(HasCode(chosen.result, "selfeval.rules_chosen"));
  CHECK_FALSE(HasCode(chosen.result, "selfeval.rules_mismatch"));
  CHECK_FALSE(HasCode(chosen.result, "selfeval.total_over"));
  CHECK(chosen.result.computed_grade == "优");
  // Named by the user: no silent change, the mismatch stays an 错误.
  const SelfEvalCheck named = CheckSelfEvalBytes(Langzhong(), *national);
  CHECK(named.result.rules_id == "selfeval-national");
  // A budget printing its 分值 keeps the set's budget.
  SelfEvalCsvInput with_points = Langzhong();
  with_points.budget_csv =
      std::string("年初预算数,全年预算数,全年执行数,分值,执行率,得分\n4000,4000,4000,10,100%,10\n");
  const SelfEvalCheck printed = CheckSelfEvalBytes(with_points, *national, &*hubei);
  CHECK(printed.result.rules_id.find(kBudgetUnscored) == std::string::npos);
}

}  // namespace jixiao
