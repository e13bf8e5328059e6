// Exact numbers, money parsing, the formatter and text decoding.
#include <catch2/catch.hpp>
#include <stdexcept>

#include "core/format.h"
#include "core/money.h"
#include "core/rational.h"
#include "core/text.h"

namespace jixiao {

TEST_CASE("Rational parses decimals, separators, percents and fractions exactly") {
  CHECK(*Rational::Parse("0.1") == Rational(1, 10));
  CHECK(*Rational::Parse("1,471,745.31") == Rational(147174531, 100));
  CHECK(*Rational::Parse("25%") == Rational(1, 4));
  CHECK(*Rational::Parse("2/3") == Rational(2, 3));
  CHECK(*Rational::Parse("-0.75") == Rational(-3, 4));
  CHECK_FALSE(Rational::Parse("abc"));
  CHECK_FALSE(Rational::Parse("1.2.3"));
  CHECK_FALSE(Rational::Parse("1/0"));
  CHECK_FALSE(Rational::Parse(""));
  CHECK_FALSE(Rational::Parse("12元"));
}

TEST_CASE("Rational arithmetic is exact and rounds half-up once") {
  CHECK(Rational(2, 3) * Rational(3) == Rational(2));
  CHECK((Rational(1, 3) + Rational(1, 3) + Rational(1, 3)) == Rational(1));
  CHECK(Rational(2, 3).RoundScaled(2) == 67);
  CHECK(Rational(1, 8).RoundScaled(2) == 13);    // 0.125 -> 0.13
  CHECK(Rational(-1, 8).RoundScaled(2) == -13);  // away from zero
  CHECK(Rational(89995, 1000).ToDecimal(2) == "90.00");
  CHECK(Rational(12174531, 1350000).ToDecimal(2) == "9.02");
  CHECK(Rational(2, 3).ToString() == "2/3");
  CHECK(Rational(3, 2).ToString() == "1.5");
  CHECK_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
}

TEST_CASE("Rational reports overflow instead of wrapping") {
  Rational big(INT64_MAX / 2);
  CHECK_THROWS_AS(big * big, std::overflow_error);
}

TEST_CASE("Money is exact fen in 元 and 万元") {
  CHECK(Money::Parse("1,471,745.31", MoneyUnit::kYuan)->fen == 147174531);
  CHECK(Money::Parse("147.17", MoneyUnit::kWanYuan)->fen == 147170000);
  CHECK(Money::Parse("-2,400.00", MoneyUnit::kYuan)->fen == -240000);
  CHECK_FALSE(Money::Parse("1.234", MoneyUnit::kYuan));
  CHECK_FALSE(Money::Parse("十万", MoneyUnit::kYuan));
  CHECK_FALSE(Money::Parse("25%", MoneyUnit::kYuan));
}

TEST_CASE("one formatter prints every figure with its unit") {
  CHECK(FormatYuan(Money{147174531}) == "1,471,745.31元");
  CHECK(FormatYuan(Money{-70609381}) == "-706,093.81元");
  CHECK(FormatWanYuan(Money{147174531}) == "147.17万元");
  // 万元 as a 申报表 writes it, never rounded: 2 decimals, more only when the amount needs them.
  CHECK(FormatWanYuanExact(Money{63000000}) == "63.00万元");
  CHECK(FormatWanYuanExact(Money{147174531}) == "147.174531万元");
  CHECK(FormatWanYuanExact(Money{1234567000}) == "1,234.567万元");
  CHECK(FormatWanYuanExact(Money{-50000}) == "-0.05万元");
  CHECK(FormatPercent(Rational(12174531 * 100LL, 135000000)) == "9.02%");
  CHECK(FormatScore(Score{8965}) == "89.65分");
  CHECK(FormatScore(Score{1900}) == "19分");
  CHECK(FormatScore(Score{2840}) == "28.4分");
  CHECK(FormatShare(Rational(1, 4)) == "25%");
  CHECK(FormatShare(Rational(2, 3)) == "2/3");
  CHECK(FormatShare(Rational(2, 5)) == "40%");
  CHECK(FormatQuantity(Rational(989, 10), "%") == "98.90%");
  CHECK(FormatQuantity(Rational(26), "批次") == "26批次");
  // Exact values for checking by hand: the decimal first, the fraction beside it when cut.
  CHECK(FormatExactDecimal(Rational(220000, 2469)) == "89.1049…（= 220000/2469）");
  CHECK(FormatExactDecimal(Rational(45091, 5000)) == "9.0182");
  CHECK(FormatExactDecimal(Rational(3)) == "3");
  CHECK(FormatExactDecimal(Rational(-1, 3)) == "-0.3333…（= -1/3）");
  CHECK(FormatExactDecimal(Rational(10000, 95)) == "105.2631…（= 2000/19）");
  CHECK(GroupThousands("100") == "100");
  CHECK(GroupThousands("-1234567.5") == "-1,234,567.5");
}

TEST_CASE("dates print as the report writes them, never ISO") {
  CHECK(FormatDate(2024, 6, 20) == "2024年6月20日");
  CHECK(FormatDate(2024, 11, 5) == "2024年11月5日");
  CHECK(FormatMonthDay(7, 2) == "7月2日");
}

TEST_CASE("text decoding: UTF-8, BOM, GB18030") {
  CHECK(DecodeToUtf8("预算")->encoding == "UTF-8");
  CHECK(DecodeToUtf8("\xEF\xBB\xBF预算")->utf8 == "预算");
  // "预算" in GBK/GB18030
  auto gbk = DecodeToUtf8("\xD4\xA4\xCB\xE3");
  REQUIRE(gbk);
  CHECK(gbk->utf8 == "预算");
  CHECK(gbk->encoding == "GB18030");
  CHECK_FALSE(IsValidUtf8("\xE9\xA2"));  // truncated sequence
  CHECK(Trim("\xE3\x80\x80 预算 ") == "预算");
}

}  // namespace jixiao
