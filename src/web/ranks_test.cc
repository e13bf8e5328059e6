#include "web/ranks.h"

#include <catch2/catch.hpp>

namespace jixiao::web {
namespace {

Doc Scored(int64_t total, int64_t full = 10000) {
  Doc d;
  d.total = total;
  d.full = full;
  return d;
}

TEST_CASE("equal totals share a rank as compare ranks them (1, 2, 2, 4)") {
  std::vector<Doc> ranked = {Scored(9100), Scored(8965), Scored(8965), Scored(8632)};
  CHECK(SharedRanks(ranked, 1, false) == std::vector<int64_t>{1, 2, 2, 4});
  // A later page starts at its own position.
  CHECK(SharedRanks(ranked, 51, false) == std::vector<int64_t>{51, 52, 52, 54});
}

TEST_CASE(
    "by rate, equal shares of different full marks tie; equal totals of different full "
    "marks do not") {
  // 90/100 = 45/50; 45/60 is lower.
  std::vector<Doc> ranked = {Scored(9000, 10000), Scored(4500, 5000), Scored(4500, 6000)};
  CHECK(SharedRanks(ranked, 1, true) == std::vector<int64_t>{1, 1, 3});
  CHECK(SharedRanks(ranked, 1, false) == std::vector<int64_t>{1, 2, 2});
}

}  // namespace
}  // namespace jixiao::web
