#include "web/eval_region.h"

#include <catch2/catch.hpp>

namespace jixiao::web {

TEST_CASE("an evaluation's region is one of the known regions", "[web][region]") {
  const std::vector<std::string> known = {"南充市阆中市", "广元市昭化区"};
  CHECK(RegionChoiceProblem(known, "南充市阆中市").empty());
  // The trial's near miss: a part of the registered name is not that region.
  const std::string miss = RegionChoiceProblem(known, "阆中市");
  CHECK(miss.find("阆中市") != std::string::npos);
  CHECK(miss.find("所属区域") != std::string::npos);
  CHECK(miss.find("南充市阆中市") != std::string::npos);  // names the one it resembles
  CHECK_FALSE(RegionChoiceProblem(known, "").empty());
  CHECK_FALSE(RegionChoiceProblem(known, " 南充市阆中市").empty());
  // Nothing registered and no account with a region: any name is taken, but not an empty one.
  CHECK(RegionChoiceProblem({}, "闵行区").empty());
  CHECK_FALSE(RegionChoiceProblem({}, "").empty());
}

}  // namespace jixiao::web
