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

namespace jixiao::web {

TEST_CASE("an account's region is picked from the offered ones; a near miss names it",
          "[web][region]") {
  const std::vector<std::string> offered = {"岳阳市临湘市", "闵行区"};
  CHECK(AccountRegionProblem(offered, "闵行区").empty());
  CHECK(AccountRegionProblem(offered, "").empty());   // the role decides whether one is needed
  CHECK(AccountRegionProblem({}, "临湘县").empty());  // the first region is typed
  const std::string near = AccountRegionProblem(offered, "临湘市");
  CHECK(near.find("尚未登记") != std::string::npos);
  CHECK(near.find("“岳阳市临湘市”") != std::string::npos);
  const std::string far = AccountRegionProblem(offered, "阆中市");
  CHECK(far.find("“区域”页新建") != std::string::npos);
  CHECK(far.find("岳阳市") == std::string::npos);
}

}  // namespace jixiao::web
