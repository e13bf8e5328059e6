#include <catch2/catch.hpp>

#include "web/routes.h"

namespace jixiao::web {

TEST_CASE("BeijingTime adds eight hours across day, month and year ends", "[web]") {
  CHECK(BeijingTime("2026-12-07 04:32:46") == "2026-12-07 12:32:46");
  CHECK(BeijingTime("2024-02-28 16:00:00") == "2024-02-29 00:00:00");  // leap day
  CHECK(BeijingTime("2025-12-31 20:15:09") == "2026-01-01 04:15:09");
  CHECK(BeijingTime("2025-06-30T23:59:59Z") == "2025-07-01 07:59:59");
  CHECK(BeijingTime("") == "");
  CHECK(BeijingTime("昨天") == "昨天");
}

}  // namespace jixiao::web
