// Target values as budget units write them, grade bands, dates and framework validation.
#include <catch2/catch.hpp>

#include "model/case.h"
#include "model/framework.h"
#include "model/target_value.h"

namespace jixiao {

TEST_CASE("TargetValue parses comparators, numbers and units") {
  auto v = TargetValue::Parse("≥90%");
  CHECK(v.quantitative);
  CHECK(v.op == CompareOp::kGe);
  CHECK(v.number == Rational(90));
  CHECK(v.unit == "%");
  auto u = TargetValue::Parse("≥3200.00(人)");
  CHECK(u.unit == "人");
  CHECK(u.number == Rational(3200));
  auto bare = TargetValue::Parse("100%");
  CHECK(bare.op == CompareOp::kEq);
  CHECK_FALSE(bare.comparator_written);
  CHECK(TargetValue::Parse("≤0.05%").number == Rational(5, 100));
  CHECK(TargetValue::Parse("=6万元").unit == "万元");
  CHECK_FALSE(TargetValue::Parse("及时").quantitative);
}

TEST_CASE("grades are half-open intervals") {
  Framework fw;
  fw.grades = {
      {"优", Score{9000}}, {"良", Score{8000}}, {"合格", Score{6000}}, {"不合格", Score{0}}};
  CHECK(fw.GradeFor(Score{9000}) == "优");
  CHECK(fw.GradeFor(Score{8999}) == "良");
  CHECK(fw.GradeFor(Score{8000}) == "良");
  CHECK(fw.GradeFor(Score{5999}) == "不合格");
  CHECK(fw.GradeFor(Score{10000}) == "优");
}

TEST_CASE("dates: formats accepted, impossible days rejected, days late counted") {
  CHECK(Date::Parse("2024-06-20")->day == 20);
  CHECK(Date::Parse("2024/6/20")->month == 6);
  CHECK(Date::Parse("2024年7月2日")->day == 2);
  CHECK_FALSE(Date::Parse("2023-02-29"));
  CHECK(Date::Parse("2024-02-29"));
  CHECK_FALSE(Date::Parse("6月20日"));
  Transfer t{"x", Money{}, *Date::Parse("2024-06-20"), *Date::Parse("2024-07-02"), 1};
  CHECK(t.DaysLate() == 12);
}

TEST_CASE("ValidateFramework: weights off by 0.01, duplicate codes, bad grades") {
  Framework fw;
  fw.file = "f.json";
  fw.total = Score{2000};
  fw.grades = {{"良", Score{8000}}, {"优", Score{9000}}};
  auto node = [](const char* code, int64_t weight, int level) {
    Indicator n;
    n.code = code;
    n.name = code;
    n.weight = Score{weight};
    n.level = level;
    if (level > 1) n.rule = Rule{};
    return n;
  };
  Indicator top = node("A", 2000, 1);
  Indicator a1 = node("A1", 1000, 2);
  Indicator a2 = node("A1", 999, 2);
  top.children = {a1, a2};
  fw.indicators = {top};
  Diagnostics diags;
  ValidateFramework(fw, diags);
  std::vector<std::string> codes;
  for (const auto& d : diags.items()) codes.push_back(d.code);
  CHECK(std::count(codes.begin(), codes.end(), "framework.weight_sum") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "framework.duplicate_code") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "framework.grades_order") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "framework.grades_floor") == 1);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("ValidateFramework: a top grade above the total can never be reached") {
  Framework fw;
  fw.file = "f.json";
  fw.total = Score{1000};
  fw.grades = {{"优", Score{9000}}, {"差", Score{0}}};
  Indicator top;
  top.code = "A";
  top.weight = Score{1000};
  top.rule = Rule{};
  fw.indicators = {top};
  Diagnostics diags;
  ValidateFramework(fw, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "framework.grades_total");
}

}  // namespace jixiao
