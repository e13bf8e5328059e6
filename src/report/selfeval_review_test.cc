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

namespace jixiao::report {

TEST_CASE("复核汇总 ranks a form printing no 总分 by its 行得分合计, as the 复核 list does") {
  // P prints 总分 90 against 复核分 88 (gap 2); R prints none, its rows add up to 95 against 80
  // (gap 15); N prints none and has nothing typed; U could not be read (last).
  SelfEvaluation form;
  SelfEvalResult p, r, n;
  p.claimed_total = Rational(90);
  p.computed_total = Rational(88);
  p.rows = {Row(Rational(91))};
  r.computed_total = Rational(80);
  r.rows = {Row(Rational(85)), Row(Rational(7), true)};
  r.budget.claimed = Rational(10);
  n.computed_total = Rational(70);
  std::vector<ReviewedForm> forms = {{nullptr, nullptr, "U", "读不出", "U", "", {}},
                                     {&form, &n, "N", "", "N", "", {}},
                                     {&form, &p, "P", "", "P", "", {}},
                                     {&form, &r, "R", "", "R", "", {}}};
  const doc::Sheet s = BuildReviewSummary(forms).sheets[0];
  std::vector<std::string> order;
  for (int row = 1; row <= 4; ++row) order.push_back(s.At(row, 3)->text);
  CHECK(order == std::vector<std::string>{"R", "P", "N", "U"});
  const int summed = HeaderColumn(s, "行得分合计");
  REQUIRE(summed > 0);
  CHECK(s.At(1, summed)->number == Approx(95.0));  // 85 + budget 10; the not-applicable 7 out
  CHECK(s.At(2, summed)->number == Approx(91.0));  // shown beside a printed 总分 too
  auto blank = [&](int row, int col) {
    const doc::WCell* c = s.At(row, col);
    return c == nullptr || c->kind == doc::WCell::Kind::kEmpty;
  };
  CHECK(blank(3, summed));
  CHECK(s.At(1, 4)->text == "未填总分");  // never called 总分
  CHECK(blank(1, 6));                     // 差额 is printed − computed only
  CHECK(HeaderColumn(s, "复核状态") == -1);
}

}  // namespace jixiao::report

namespace jixiao::report {
namespace {

// The cell `down` rows below the first cell whose text starts with `header`.
const doc::WCell* Below(const doc::Sheet& s, const std::string& header, int down = 1) {
  for (const auto& [at, cell] : s.cells)
    if (cell.kind == doc::WCell::Kind::kText && cell.text.rfind(header, 0) == 0)
      return s.At(at.first + down, at.second);
  return nullptr;
}

}  // namespace

TEST_CASE(
    "复核表 writes the unit's figures as numbers, typing kept and marked only if unreadable") {
  SelfEvaluation form;
  form.budget.present = true;
  form.budget.money_unit = "万元";
  form.budget.full_year = {"4,000", {"form.xlsx", 6, 3, ""}, Money{4000000000}, ""};
  form.budget.executed = {"4000万元", {"form.xlsx", 6, 4, ""}, Money{4000000000}, ""};
  form.budget.weight = {"10", {}, Rational(10), ""};
  form.budget.rate = {"100%", {}, Rational(100), ""};
  form.budget.score = {"十分", {"form.xlsx", 6, 8, ""}, std::nullopt, "无法读取"};
  SelfEvalRow row;
  row.level3.text = "公路里程";
  row.weight = {"17", {}, Rational(17), ""};
  row.score = {"16.5", {}, Rational(33, 2), ""};
  form.rows.push_back(row);
  form.total = {"96.5", {}, Rational(193, 2), ""};
  SelfEvalResult result;
  const doc::Sheet s = BuildAnnotatedForm(form, result).sheets[0];
  auto number = [](const doc::WCell* c) {
    return c && c->kind == doc::WCell::Kind::kNumber ? c->number : -1.0;
  };
  // Money in the form's unit (万元), named in the header; rate as a fraction shown as percent.
  CHECK(number(Below(s, "全年预算数")) == 4000.0);
  CHECK(number(Below(s, "全年执行数")) == 4000.0);
  REQUIRE(Below(s, "全年预算数"));
  CHECK(Below(s, "全年预算数")->style == doc::CellStyle::kYuan);
  CHECK(Below(s, "全年预算数（万元）") != nullptr);
  CHECK(number(Below(s, "执行率")) == 1.0);
  CHECK(Below(s, "执行率")->style == doc::CellStyle::kRate);
  CHECK(number(Below(s, "分值")) == 10.0);
  // Scores to 0.01 as numbers: the row's 分值 17 and 得分 16.5, the printed 总分 96.5.
  int head = -1;  // the rows' header line
  for (const auto& [at, cell] : s.cells)
    if (cell.text == "三级指标") head = at.first;
  REQUIRE(head > 0);
  auto in_row = [&](const std::string& name) -> const doc::WCell* {
    for (int c = 0; c < 12; ++c)
      if (const doc::WCell* h = s.At(head, c); h && h->text == name) return s.At(head + 1, c);
    return nullptr;
  };
  CHECK(number(in_row("分值")) == 17.0);
  CHECK(number(in_row("得分")) == 16.5);
  REQUIRE(in_row("得分"));
  CHECK(in_row("得分")->style == doc::CellStyle::kScore);
  const doc::WCell* total = nullptr;
  for (const auto& [at, cell] : s.cells)
    if (cell.text == "总分") total = s.At(at.first, at.second + 1);
  CHECK(number(total) == 96.5);
  // “十分” cannot be read: kept as typed, flagged, its note says so.
  const doc::WCell* unread = Below(s, "得分");
  REQUIRE(unread);
  CHECK(unread->kind == doc::WCell::Kind::kText);
  CHECK(unread->text == "十分");
  CHECK(unread->style == doc::CellStyle::kFlagged);
  bool noted = false;
  for (const auto& [at, text] : s.comments)
    if (s.At(at.first, at.second) == unread && text.find("无法读成数字") != std::string::npos)
      noted = true;
  CHECK(noted);
}

}  // namespace jixiao::report
