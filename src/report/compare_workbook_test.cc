// Trial 3 item 14: the 比较工作簿's 一级指标得分率 chart puts rates side by side (stacked, four
// rates add up to 400%), and 扣分最多指标 keeps its figures as numbers Excel can sort and sum.
#include <catch2/catch.hpp>

#include "report/compare_report.h"

namespace jixiao::report {

TEST_CASE("compare workbook: rates grouped, deductions as numbers", "[report][compare]") {
  compare::Comparison cmp;
  cmp.categories = {"决策", "过程", "产出", "效益"};
  for (int i = 0; i < 2; ++i) {
    compare::RankedCase r;
    r.rank = i + 1;
    r.id = "case" + std::to_string(i);
    r.project = "项目" + std::to_string(i);
    r.total = Score{9000 - i * 100};
    r.category_rates = {Rational(95), Rational(90), Rational(99), Rational(91)};
    cmp.ranking.push_back(r);
  }
  cmp.most_deducted.push_back({"D14", "D14 满意度", Rational(548, 100), 2});
  cmp.most_deducted.push_back({"B12", "B12 资金到位率", Rational(2291, 500), 2});  // 4.582
  doc::Workbook wb = BuildCompareWorkbook(cmp);
  bool found_chart = false, found_sheet = false;
  for (const auto& s : wb.sheets) {
    for (const auto& c : s.charts)
      if (c.title == "一级指标得分率") {
        found_chart = true;
        CHECK(c.type == doc::SheetChart::Type::kGroupedBar);
        CHECK(c.more_value_cols.size() == 3);
      }
    if (s.name == "排名") {  // trial 4 item 14: the 一级 named as the bureau page names it
      CHECK(s.cells.at({0, 7}).text == "决策得分率");
      CHECK(s.cells.at({0, 10}).text == "效益得分率");
    }
    if (s.name == "扣分最多指标") {
      found_sheet = true;
      const auto& points = s.cells.at({1, 2});
      CHECK(points.kind == doc::WCell::Kind::kNumber);
      CHECK(points.number == Approx(5.48));
      CHECK(s.cells.at({2, 2}).number == Approx(4.58));  // rounded to hundredths, as printed
      CHECK(s.cells.at({1, 3}).kind == doc::WCell::Kind::kNumber);
      CHECK(s.cells.at({2, 3}).number == Approx(2));
      CHECK(s.cells.at({0, 2}).kind == doc::WCell::Kind::kText);  // the header stays text
    }
  }
  CHECK(found_chart);
  CHECK(found_sheet);
}

}  // namespace jixiao::report
