// Typed values with units: each input form is read exactly, or refused with a reason.
#include "core/quantity.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

Quantity Read(const std::string& text) {
  QuantityParse p = ParseQuantity(text);
  INFO(text << " → " << p.error);
  REQUIRE(p.quantity);
  return *p.quantity;
}

bool Refused(const std::string& text) { return !ParseQuantity(text).quantity; }

}  // namespace

TEST_CASE("quantity: percent strings keep the percent number, never a fraction of 1") {
  CHECK(Read("99.2%").value == Rational(992, 10));
  CHECK(Read("99.2%").unit == "%");
  CHECK(Read("99.2 %").value == Rational(992, 10));
  CHECK(Read("９９.２％").value == Rational(992, 10));
  CHECK(Read("９９．２％").unit == "%");
  CHECK(Read("0.05%").value == Rational(5, 100));
}

TEST_CASE("quantity: thousands separators only in groups of three") {
  CHECK(Read("1,568.99万元").value == Rational(156899, 100));
  CHECK(Read("1,568.99万元").unit == "万元");
  CHECK(Read("1,471,745.31").value == Rational(147174531, 100));
  CHECK(Read("１，５６８.９９万元").value == Rational(156899, 100));
  CHECK(Refused("1,5"));
  CHECK(Refused("1,56"));
  CHECK(Refused("15,68.99"));
  CHECK(Refused("1,5688"));
  CHECK(Refused("1568,"));
  CHECK(Refused("0,568"));
  CHECK(Refused("1.2.3"));
  CHECK(Refused("2/3"));
  CHECK(Refused("十万"));
  CHECK(Refused(""));
  CHECK(ParseQuantity("1,5").error.find("三位") != std::string::npos);
  // The core Rational reader agrees: "1,5" is not 15.
  CHECK_FALSE(Rational::Parse("1,5"));
  CHECK(Rational::Parse("1,568.99") == Rational(156899, 100));
}

TEST_CASE("quantity: units, parenthesised units and compound units") {
  CHECK(Read("329人").value == Rational(329));
  CHECK(Read("329 人").unit == "人");
  CHECK(Read("3200.00(人)").unit == "人");
  CHECK(Read("0.0129万元/人").unit == "万元/人");
  CHECK(Read("-6.5%").value == Rational(-65, 10));
  CHECK(Read("−6.5%").value == Rational(-65, 10));  // U+2212 minus sign
  CHECK(Refused("12人3"));
}

TEST_CASE("units: exact conversion where defined, refusal elsewhere") {
  CHECK(UnitFactor("万元", "元") == Rational(10000));
  CHECK(UnitFactor("亿元", "万元") == Rational(10000));
  CHECK(UnitFactor("元", "万元") == Rational(1, 10000));
  CHECK(UnitFactor("万人", "人") == Rational(10000));
  CHECK(UnitFactor("万元/人", "元/人") == Rational(10000));
  CHECK(UnitFactor("元/万人", "元/人") == Rational(1, 10000));
  CHECK_FALSE(UnitFactor("户", "人"));
  CHECK_FALSE(UnitFactor("元/户", "元/人"));
  CHECK_FALSE(UnitFactor("‰", "%"));
  CHECK_FALSE(UnitFactor("人次", "人"));
  CHECK_FALSE(UnitFactor("元", "人"));
  std::string why;
  CHECK(ToUnit(Read("0.0129万元/人"), "元/人", &why) == Rational(129));
  CHECK(ToUnit(Read("1,568.99万元"), "元", &why) == Rational(15689900));
  CHECK(ToUnit(Read("98.9"), "%", &why) == Rational(989, 10));  // bare: already in the unit
  CHECK_FALSE(ToUnit(Read("129元/户"), "元/人", &why));
  CHECK(why.find("户") != std::string::npos);
  CHECK_FALSE(ToUnit(Read("5‰"), "%", &why));
}

TEST_CASE("dates: the four accepted forms, nothing else") {
  for (const char* ok : {"2024-10-09", "2024/10/09", "2024.10.09", "2024年10月9日", "2024-6-20",
                         "２０２４年１０月９日", " 2024/10/9 "}) {
    INFO(ok);
    auto d = ParseCalendarDay(ok);
    REQUIRE(d);
    CHECK(d->year == 2024);
  }
  CHECK(ParseCalendarDay("2024年10月9日")->day == 9);
  CHECK(ParseCalendarDay("2024.10.09")->month == 10);
  for (const char* bad :
       {"20241009", "10/09/2024", "2024-10", "2024-10/09", "2024年10月9", "6月20日", "2023-02-29",
        "2024-13-01", "2024-10-09 00:00:00", "24-10-09", "2024年10月09号", ""}) {
    INFO(bad);
    CHECK_FALSE(ParseCalendarDay(bad));
  }
  CHECK(ParseCalendarDay("2024-02-29"));
}

}  // namespace jixiao
