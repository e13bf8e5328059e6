// 年度 as people type it in a form: Excel users and Chinese input methods give full-width digits
// (２０２６) and often the unit (2026年, 2026年度); those are the same year, not an error.
#include <catch2/catch.hpp>

#include "web/handlers.h"

using jixiao::web::TypedYear;
using jixiao::web::YearProblem;

TEST_CASE("typed year: full-width digits, 年 and 年度 and spaces are the same four digits") {
  CHECK(TypedYear("2026") == "2026");
  CHECK(TypedYear("２０２６") == "2026");
  CHECK(TypedYear(" 2026年 ") == "2026");
  CHECK(TypedYear("２０２６年度") == "2026");
  CHECK(YearProblem(TypedYear("２０２６")).empty());
}

TEST_CASE("typed year: anything else is left as typed, so the message quotes it") {
  CHECK(TypedYear("") == "");
  CHECK(TypedYear("2O24") == "2O24");
  CHECK(TypedYear("二〇二六") == "二〇二六");
  CHECK_FALSE(YearProblem(TypedYear("2O24")).empty());
}
