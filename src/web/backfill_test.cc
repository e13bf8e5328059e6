// Db::Open's backfill (db_backfill.cc): a scored evaluation saved by a serve before schema 8 (no
// framework id, no full marks) gets both from its recorded scorecard, so a ranking by 得分率 sees
// it at its rate, not 0; one whose scorecard cannot be read is left alone and the open finishes.
#include <unistd.h>

#include <algorithm>
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

TEST_CASE("db: a region's export reads only its region's matching documents, without scorecards") {
  std::string dir = "/tmp/jixiao-web-matching-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = Db::Open(dir);
  REQUIRE(db);
  for (int i = 0; i < 7; ++i) {
    Doc d;
    d.id = "e" + std::to_string(i), d.kind = "evaluation";
    d.region = i % 2 ? "区乙" : "区甲", d.year = i < 4 ? "2024" : "2025";
    d.total = 8000 + i, d.grade = "良", d.scorecard_json = "{\"total\": 80}";
    db->AddDoc(d, "", "u", "");
  }
  Db::ListFilter f;
  f.kinds = {"evaluation"};
  f.region = "区甲";
  std::vector<std::string> ids;
  for (const auto& d : db->MatchingDocs(f)) {
    ids.push_back(d.id);
    CHECK(d.region == "区甲");
    CHECK(d.scorecard_json.empty());
  }
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"e0", "e2", "e4", "e6"});
  f.year = "2025";
  CHECK(db->MatchingDocs(f).size() == 2);  // e4, e6
  f.kinds = {};
  CHECK(db->MatchingDocs(f).empty());
  db.reset();
  std::filesystem::remove_all(dir);
}
