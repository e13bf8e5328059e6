// 复核汇总 figures and columns: 行得分合计 (typed row 得分 + budget 得分, not-applicable rows left
// out, hand-added), and the bureau's decision columns, present only when serve gives decisions.
#include "report/selfeval_review.h"

#include <catch2/catch.hpp>

namespace jixiao::report {
namespace {

SelfEvalRowResult Row(std::optional<Rational> claimed, bool not_applicable = false) {
  SelfEvalRowResult r;
  r.claimed = claimed;
  r.not_applicable = not_applicable;
  return r;
}

int HeaderColumn(const doc::Sheet& s, const std::string& name) {
  for (int c = 0; c < 40; ++c)
    if (const doc::WCell* cell = s.At(0, c); cell && cell->text == name) return c;
  return -1;
}

}  // namespace

TEST_CASE("行得分合计 adds the typed row 得分 and the budget 得分, -1 when none is typed") {
  SelfEvalResult r;
  CHECK(ReviewFiguresOf(r).row_total == -1);
  // 17.5 + 8.25 + (no score) + 10 budget = 35.75; the not-applicable row's 3 is left out.
  r.rows = {Row(Rational(35, 2)), Row(Rational(33, 4)), Row(std::nullopt), Row(Rational(3), true)};
  r.budget.claimed = Rational(10);
  const ReviewFigures f = ReviewFiguresOf(r);
  CHECK(f.row_total == 3575);
  CHECK_FALSE(f.printed());  // no printed 总分: the 行得分合计 is not one
  r.budget.claimed.reset();
  CHECK(ReviewFiguresOf(r).row_total == 2575);
}

TEST_CASE("复核汇总 has the decision columns only when decisions are given") {
  SelfEvaluation form;
  SelfEvalResult result;
  result.computed_total = Rational(80);
  ReviewedForm f{&form, &result, "表甲", "", "表甲", "单位甲", {}};
  doc::Workbook plain = BuildReviewSummary({f});
  CHECK(HeaderColumn(plain.sheets[0], "复核状态") == -1);
  f.decision = {"已退回，须修改", "请补<偏差原因>", "局乙", "2026-12-07 09:00:00"};
  doc::Workbook with = BuildReviewSummary({f});
  const doc::Sheet& s = with.sheets[0];
  const int state = HeaderColumn(s, "复核状态");
  REQUIRE(state > 0);
  CHECK(HeaderColumn(s, "复核意见") == state + 1);
  CHECK(HeaderColumn(s, "复核人") == state + 2);
  CHECK(HeaderColumn(s, "复核时间（北京时间）") == state + 3);
  CHECK(s.At(1, state)->text == "已退回，须修改");
  CHECK(s.At(1, state + 1)->text == "请补<偏差原因>");
  CHECK(s.At(1, state + 3)->text == "2026-12-07 09:00:00");
}

}  // namespace jixiao::report
