// Amounts: one meaning everywhere — bare number = points, "25%"/"2/3" = share of the weight.
#include "core/amount.h"

#include <catch2/catch.hpp>

namespace jixiao {

TEST_CASE("amount: bare numbers are points, percent and fractions are shares of the weight") {
  std::string why;
  auto points = Amount::Parse("1.5", &why);
  REQUIRE(points);
  CHECK_FALSE(points->share);
  CHECK(points->PointsOf(Rational(5)) == Rational(3, 2));
  auto with_unit = Amount::Parse("0.5分", &why);
  REQUIRE(with_unit);
  CHECK(with_unit->PointsOf(Rational(5)) == Rational(1, 2));
  auto percent = Amount::Parse("25%", &why);
  REQUIRE(percent);
  CHECK(percent->share);
  CHECK(percent->value == Rational(1, 4));
  CHECK(percent->PointsOf(Rational(4)) == Rational(1));  // 25% of 4 points, not 0.25 points
  auto thirds = Amount::Parse("2/3", &why);
  REQUIRE(thirds);
  CHECK(thirds->PointsOf(Rational(3)) == Rational(2));
  auto wide = Amount::Parse("２５％", &why);
  REQUIRE(wide);
  CHECK(wide->value == Rational(1, 4));
  CHECK(percent->Describe(Rational(4)) == "权重的25%（1分）");
  CHECK(points->Describe(Rational(4)) == "1.5分");
}

TEST_CASE("amount: negative, above 100% and unreadable amounts are refused with a reason") {
  std::string why;
  Amount::Problem problem;
  CHECK_FALSE(Amount::Parse("-1", &why, &problem));
  CHECK(problem == Amount::Problem::kNegative);
  CHECK_FALSE(Amount::Parse("120%", &why, &problem));
  CHECK(problem == Amount::Problem::kShareAboveFull);
  CHECK_FALSE(Amount::Parse("4/3", &why, &problem));
  CHECK(problem == Amount::Problem::kShareAboveFull);
  CHECK_FALSE(Amount::Parse("两分", &why, &problem));
  CHECK(problem == Amount::Problem::kUnreadable);
  CHECK(why.find("25%") != std::string::npos);  // lists the accepted forms
  CHECK_FALSE(Amount::Parse("1,5", &why, &problem));
  CHECK_FALSE(Amount::Parse("1元", &why, &problem));
  CHECK_FALSE(Amount::Parse("2/0", &why, &problem));
}

}  // namespace jixiao
