// The 自评表's 复核 state from its latest decision: a decision counts only for the version it was
// made on; a later version is 待复核 again, with the last decision kept for the unit to read.
#include "web/review_state.h"

#include <catch2/catch.hpp>

using namespace jixiao::web;

TEST_CASE("复核 state: 待复核 without a decision, 已通过 / 已退回 on the version decided") {
  Doc doc;
  doc.version = 3;
  CHECK(StateOf(doc, std::nullopt).key == "pending");
  CHECK(StateOf(doc, std::nullopt).label == "待复核");
  Decision d{"F1", "退回", "补偏差原因", "局乙", "2026-12-07 01:00:00", 3};
  CHECK(StateOf(doc, d).key == "returned");
  CHECK(StateOf(doc, d).label == "已退回，须修改");
  d.decision = "通过";
  CHECK(StateOf(doc, d).label == "已通过");
  doc.version = 4;  // the unit saved after the decision
  const ReviewState later = StateOf(doc, d);
  CHECK(later.key == "pending");
  REQUIRE(later.last);
  CHECK(later.last->version == 3);
  const std::string json = ReviewStateJson(later);
  CHECK(json.find("\"state\":\"pending\"") != std::string::npos);
  CHECK(json.find("\"decided_at\":\"2026-12-07 09:00:00\"") != std::string::npos);  // 北京时间
  CHECK(ReviewStateJson(StateOf(doc, std::nullopt)).find("\"opinion\":null") != std::string::npos);
}
