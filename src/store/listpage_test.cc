// The list pages' queries (Store::ListPage, ListCount, ListDistinct, LatestIndicators): filters,
// reach (region, owner), orders, paging, review and payload-prefix states, checked against what
// is computed here over the same rows; on SQLite, and on PostgreSQL when JIXIAO_TEST_DB_URL names
// a server (tests/pg_server.sh).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "store/store.h"
#include "store/store_impl.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::unique_ptr<Store> FreshStore(Diagnostics& diags) {
  const char* url = std::getenv("JIXIAO_TEST_DB_URL");
  if (url && *url) {
    ResetPostgresForTests(url);
    return Store::Open(url, diags);
  }
  std::string path = "/tmp/jixiao-listpage-test-" + std::to_string(getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
  return Store::Open(path, diags);
}

std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> out;
  for (const auto& d : docs) out.push_back(d.id);
  return out;
}

}  // namespace

TEST_CASE("store list pages: region and owner in the WHERE, orders, paging, distinct values") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  // 120 evaluations in two regions with the same years and grades; half on a second framework
  // with other full marks; plus targets owned by two units.
  struct Row {
    std::string id, region, year, grade;
    int64_t total, weight;
  };
  std::vector<Row> rows;
  for (int i = 0; i < 120; ++i) {
    char id[16];
    snprintf(id, sizeof id, "E%03d", i);
    DocumentFields f;
    f.kind = "evaluation";
    f.region = i % 2 ? "甲区" : "乙区";
    f.year = i % 3 ? "2025" : "2024";
    f.town = "镇" + std::to_string(i % 4);
    f.owner = "7";
    f.results.grade = i % 5 ? "良" : (i % 7 ? "优" : "");  // some not scored
    f.results.total = (i * 37) % 9000;
    f.results.total_weight = i % 2 ? 10000 : 5000;
    f.indicators = {{"A", 1, "决策", 2000, i, false, -1}, {"A1", 2, "立项", 1000, 1, true, 0}};
    REQUIRE(s->Save(id, 0, f, "{}", "t", d));
    rows.push_back(
        {id, f.region, f.year, f.results.grade, f.results.total, f.results.total_weight});
  }
  for (int i = 0; i < 5; ++i) {
    DocumentFields f;
    f.kind = "targets";
    f.region = "甲区";
    f.owner = i < 3 ? "11" : "12";
    f.year = "2026";
    REQUIRE(s->Save("T" + std::to_string(i), 0, f, "x", "t", d));
  }
  REQUIRE_FALSE(d.HasErrors());

  SECTION("a region's scored evaluations of a year by total, paged; never the other region") {
    ListQuery q;
    q.filter.kind = "evaluation", q.filter.region = "甲区", q.filter.year = "2025";
    q.scored = true, q.order = ListQuery::Order::kTotal;
    std::vector<Row> want;
    for (const auto& r : rows)
      if (r.region == "甲区" && r.year == "2025" && !r.grade.empty()) want.push_back(r);
    std::stable_sort(want.begin(), want.end(),
                     [](const Row& a, const Row& b) { return a.total > b.total; });
    REQUIRE(want.size() > 20);
    CHECK(s->ListCount(q, d) == static_cast<int64_t>(want.size()));
    q.limit = 10, q.offset = 10;
    auto page = s->ListPage(q, d);
    REQUIRE(page);
    REQUIRE(page->size() == 10);
    for (size_t k = 0; k < 10; ++k) {
      CHECK((*page)[k].id == want[10 + k].id);
      CHECK((*page)[k].fields.region == "甲区");
      CHECK((*page)[k].fields.result_json.empty());
    }
  }
  SECTION("by rate across full marks") {
    ListQuery q;
    q.filter.kind = "evaluation", q.filter.region = "乙区";
    q.scored = true, q.order = ListQuery::Order::kRate, q.limit = 200;
    auto page = s->ListPage(q, d);
    REQUIRE(page);
    REQUIRE(page->size() > 2);
    for (size_t k = 1; k < page->size(); ++k) {
      const auto& a = (*page)[k - 1].fields.results;
      const auto& b = (*page)[k].fields.results;
      CHECK(a.total * b.total_weight >= b.total * a.total_weight);
    }
  }
  SECTION("evaluations without full marks are counted, so a page can say so") {
    REQUIRE(s->Save(
        "E900", 0,
        [] {
          DocumentFields f;
          f.kind = "evaluation", f.region = "乙区", f.results.grade = "良", f.results.total = 8000;
          return f;
        }(),
        "{}", "t", d));
    ListQuery q;
    q.filter.kind = "evaluation", q.filter.region = "乙区";
    q.scored = true, q.unmarked = true;
    CHECK(s->ListCount(q, d) == 1);
    q.filter.region = "甲区";
    CHECK(s->ListCount(q, d) == 0);
  }
  SECTION("a unit's rows only; kinds; distinct values of the region") {
    ListQuery q;
    q.filter.kind = "targets", q.filter.owner = "11";
    CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"T0", "T1", "T2"});
    q.filter.owner = "12", q.offset = 1;
    CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"T4"});
    ListQuery r;
    r.kinds = {"evaluation", "targets"}, r.filter.region = "甲区";
    CHECK(s->ListCount(r, d) == 65);
    auto first = s->ListPage(r, d);
    REQUIRE(first->size() == 50);
    CHECK(first->front().fields.kind == "evaluation");  // evaluations listed before targets
    CHECK(*s->ListDistinct(r, "year", d) == std::vector<std::string>{"2024", "2025", "2026"});
    CHECK(*s->ListDistinct(r, "grade", d) == std::vector<std::string>{"优", "良"});
    // Several columns in one query give what one query per column gives, in the order asked.
    auto both = s->ListDistincts(r, {"grade", "town", "year"}, d);
    REQUIRE(both);
    REQUIRE(both->size() == 3);
    CHECK((*both)[0] == *s->ListDistinct(r, "grade", d));
    CHECK((*both)[1] == *s->ListDistinct(r, "town", d));
    CHECK_FALSE((*both)[1].empty());
    CHECK((*both)[2] == std::vector<std::string>{"2024", "2025", "2026"});
    r.filter.region = "丙区";
    CHECK(s->ListCount(r, d) == 0);
    CHECK(s->ListDistinct(r, "town", d)->empty());
    Diagnostics refused;
    CHECK_FALSE(s->ListDistinct(r, "payload", refused));  // not a list column
    CHECK(refused.HasErrors());
  }
  SECTION("the 一级 rows of just the given documents' latest versions") {
    auto rows1 = s->LatestIndicators({"E001", "E003"}, 1, d);
    REQUIRE(rows1);
    REQUIRE(rows1->size() == 2);
    CHECK((*rows1)[0].first == "E001");
    CHECK((*rows1)[0].second.score == 1);
    CHECK((*rows1)[1].second.score == 3);
    CHECK(s->LatestIndicators({}, 1, d)->empty());
  }
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store list pages: the 复核 list by gap, its review state and the payload's note") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  auto form = [&](const std::string& id, int64_t claimed, int64_t row_total, int64_t computed,
                  const std::string& payload) {
    DocumentFields f;
    f.kind = "selfeval", f.region = "甲区";
    f.results.claimed_total = claimed, f.results.row_total = row_total;
    f.results.computed_total = computed;
    REQUIRE(s->Save(id, 0, f, payload, "t", d));
  };
  form("S1", 9000, -1, 8500, "提交\nAAA");  // gap 500, submitted
  form("S2", -1, -1, 7000, "填写\nBBB");    // neither: last
  form("S3", -1, 8000, 7000, "提交\nCCC");  // gap 1000 by 行得分合计
  form("S4", 8000, -1, 8100, "x");          // gap 100
  ListQuery q;
  q.filter.kind = "selfeval", q.filter.region = "甲区", q.order = ListQuery::Order::kGap;
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S3", "S1", "S4", "S2"});
  q.prefixed = 1, q.payload_prefix = "提交\n";
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S3", "S1"});
  q.prefixed = 0;
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S4", "S2"});
  q.prefixed = -1;
  // S1 passed on its version, S3 returned, S4 passed on version 1 then saved again (pending).
  REQUIRE(s->Decide({0, "S1", 1, "通过", "", "局", ""}, d));
  REQUIRE(s->Decide({0, "S3", 1, "通过", "", "局", ""}, d));
  REQUIRE(s->Decide({0, "S3", 1, "退回", "改", "局", ""}, d));
  REQUIRE(s->Decide({0, "S4", 1, "通过", "", "局", ""}, d));
  DocumentFields f4;
  f4.kind = "selfeval", f4.region = "甲区", f4.results.claimed_total = 8000;
  f4.results.computed_total = 8100;
  REQUIRE(s->Save("S4", 1, f4, "y", "t", d));
  q.review = "passed";
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S1"});
  q.review = "returned";
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S3"});
  q.review = "pending";
  CHECK(Ids(*s->ListPage(q, d)) == std::vector<std::string>{"S4", "S2"});
  CHECK(s->ListCount(q, d) == 2);
  q.filter.region = "乙区";
  CHECK(s->ListCount(q, d) == 0);
  CHECK_FALSE(d.HasErrors());
}
