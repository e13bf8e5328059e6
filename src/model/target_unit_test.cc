// Trial 3 item 10: the 绩效目标 sheet's 计量单位 column is part of the 指标值 when the value has no
// unit of its own (“≥90” + “%”), so an 实际值 of “95%” is read against it.
#include <catch2/catch.hpp>

#include "model/target_value.h"

namespace jixiao {

TEST_CASE("TargetWithUnit: the 计量单位 column completes a bare figure", "[model][targets]") {
  CHECK(TargetWithUnit("≥90", "%") == "≥90%");
  CHECK(TargetWithUnit("≥32", " 人 ") == "≥32人");
  CHECK(TargetWithUnit("≥90%", "%") == "≥90%");  // a unit of its own stays
  CHECK(TargetWithUnit("及时", "%") == "及时");  // not a figure
  CHECK(TargetWithUnit("≥90", "") == "≥90");
  // The trial's row: read without the column it refused 95%; with it, met.
  CHECK_FALSE(ReadActual(TargetValue::Parse("≥90"), "95%").attainment.has_value());
  auto reading = ReadActual(TargetValue::Parse(TargetWithUnit("≥90", "%")), "95%");
  REQUIRE(reading.attainment.has_value());
  CHECK(*reading.attainment == Attainment::kMet);
}

}  // namespace jixiao
