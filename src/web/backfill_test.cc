// Db::Open's backfill (db_backfill.cc): a scored evaluation saved by a serve before schema 8 (no
// framework id, no full marks) gets both from its recorded scorecard, so a ranking by 得分率 sees
// it at its rate, not 0; one whose scorecard cannot be read is left alone and the open finishes.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "store/store.h"
#include "web/db.h"

using namespace jixiao;
using namespace jixiao::web;

TEST_CASE("db: evaluations scored by an earlier serve get their framework and full marks") {
  std::string dir = "/tmp/jixiao-web-backfill-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string card =
      R"({"case": "c1", "framework": "national-2020", "total": 81.5, "grade": "良",)"
      R"( "indicators": [{"code": "A", "name": "决策", "level": 1, "weight": 15, "score": 12},)"
      R"( {"code": "A1", "name": "立项", "level": 2, "weight": 5, "score": 4},)"
      R"( {"code": "B", "name": "过程", "level": 1, "weight": 25, "score": 20},)"
      R"( {"code": "C", "name": "产出", "level": 1, "weight": 50, "score": 49.5}]})";
  {
    Diagnostics d;
    auto s = store::Store::Open(dir + "/jixiao.db", d);
    REQUIRE(s);
    store::DocumentFields old;  // as saved before schema 8: no framework, no full marks
    old.kind = "evaluation", old.region = "区甲";
    old.results.total = 8150, old.results.grade = "良";
    old.result_json = card;
    REQUIRE(s->Save("E1", 0, old, "", "u", d));
    old.result_json = "";  // nothing recorded to read
    REQUIRE(s->Save("E2", 0, old, "", "u", d));
    REQUIRE_FALSE(d.HasErrors());
  }
  auto db = Db::Open(dir);
  REQUIRE(db);
  Diagnostics d;
  auto s = store::Store::Open(dir + "/jixiao.db", d);
  REQUIRE(s);
  auto e1 = s->Get("E1", d);
  REQUIRE(e1);
  CHECK(e1->fields.framework == "national-2020");
  CHECK(e1->fields.results.total_weight == 9000);  // 15 + 25 + 50 (一级 only)
  CHECK(s->GetVersion("E1", 1, d)->fields.framework == "national-2020");
  auto e2 = s->Get("E2", d);
  CHECK(e2->fields.framework.empty());
  CHECK(e2->fields.results.total_weight == 0);
  CHECK_FALSE(d.HasErrors());
  std::filesystem::remove_all(dir);
}
