// Schema 9 (issue 20), on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is set): a store left at
// schema 8 — gap of a form printing neither 总分 nor 行得分合计 as |−1 − 复核分|, an evaluation
// scored by an earlier serve with its 一级 rows but no full marks, no region ranking index — is
// brought to one meaning at open; and Analyze leaves PostgreSQL's tables vacuumed.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::string FreshLocation() { return FreshTestLocation("schema9"); }

DocumentFields Form(int64_t claimed, int64_t computed, int64_t row_total) {
  DocumentFields f;
  f.kind = "selfeval", f.region = "区甲";
  f.results.claimed_total = claimed, f.results.computed_total = computed;
  f.results.row_total = row_total;
  return f;
}

std::vector<std::string> GapOrder(Store& s, Diagnostics& d) {
  DocumentFilter f;
  f.kind = "selfeval";
  f.order = DocumentFilter::Order::kGapDesc;
  std::vector<std::string> ids;
  s.ForEach(
      f, [&](const Document& doc) { return ids.push_back(doc.id), true; }, d);
  return ids;
}

}  // namespace

TEST_CASE("store: a form printing neither 总分 nor 行得分合计 ranks last in the gap column") {
  Diagnostics d;
  auto s = Store::Open(FreshLocation(), d);
  REQUIRE(s);
  REQUIRE(s->Save("P", 0, Form(9000, 8800, -1), "", "u", d));  // gap 2
  REQUIRE(s->Save("N", 0, Form(-1, 9000, -1), "", "u", d));    // nothing to compare
  REQUIRE(s->Save("R", 0, Form(-1, 8000, 8500), "", "u", d));  // 行得分合计 gap 5
  CHECK(s->Get("N", d)->fields.results.RankGap() == -1);
  CHECK(GapOrder(*s, d) == std::vector<std::string>{"R", "P", "N"});
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: opening a schema 8 store rewrites the gap column and backfills full marks") {
  Diagnostics d;
  const std::string at = FreshLocation();
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    REQUIRE(s->Save("P", 0, Form(9000, 8800, -1), "", "u", d));
    REQUIRE(s->Save("N", 0, Form(-1, 9000, -1), "", "u", d));
    DocumentFields e;  // as a serve before schema 8 saved a scored evaluation: 一级 rows only
    e.kind = "evaluation", e.region = "区甲";
    e.results.total = 8150, e.results.grade = "良";
    e.indicators = {{"A", 1, "决策", 1500, 1200},
                    {"B", 1, "过程", 2500, 2000},
                    {"B1", 2, "资金", 1000, 900},
                    {"C", 1, "产出", 6000, 4950}};
    REQUIRE(s->Save("E", 0, e, "", "u", d));
    REQUIRE(s->Save("E", 1, e, "", "u", d));  // two versions, both without full marks
    REQUIRE_FALSE(d.HasErrors());
  }
  // Back to what schema 8 wrote: the old gap, no full marks, no ranking index.
  for (const char* sql :
       {"UPDATE documents SET gap = 9001 WHERE id = 'N'",
        "UPDATE versions SET gap = 9001 WHERE doc_id = 'N'",
        "UPDATE documents SET total_weight = 0", "UPDATE versions SET total_weight = 0",
        "DROP INDEX documents_region_rank",
        "ALTER TABLE sessions DROP COLUMN flash",                               // schema 11
        "ALTER TABLE sessions DROP COLUMN flash_at", "DROP TABLE doc_members",  // schema 12
        "UPDATE meta SET value = '8' WHERE key = 'schema_version'"})
    REQUIRE(ExecForTests(at, sql));
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    CHECK(GapOrder(*s, d) == std::vector<std::string>{"P", "N"});
    CHECK(s->SchemaVersion() == Store::LatestSchemaVersion());
    CHECK(s->Get("E", d)->fields.results.total_weight == 10000);  // 15 + 25 + 60, not the 二级
    CHECK(s->GetVersion("E", 1, d)->fields.results.total_weight == 10000);
    CHECK(s->GetVersion("N", 1, d)->fields.results.RankGap() == -1);
    CHECK_FALSE(d.HasErrors());
  }
  CHECK(ExecForTests(at, "DROP INDEX documents_region_rank"));  // made again by the migration
}

TEST_CASE("store: Analyze after a bulk load leaves PostgreSQL's tables vacuumed") {
  Diagnostics d;
  const std::string at = FreshLocation();
  auto s = Store::Open(at, d);
  REQUIRE(s);
  std::vector<NewDocument> docs;
  for (int i = 0; i < 300; ++i)
    docs.push_back({"D" + std::to_string(1000 + i), Form(-1, 10, 20), "x"});
  REQUIRE(s->BeginBatch(d));
  REQUIRE(s->CreateMany(docs, "bench", d));
  REQUIRE(s->CommitBatch(d));
  REQUIRE(s->Analyze(d));
  CHECK_FALSE(d.HasErrors());
  if (!s->IsPostgres()) {
    CHECK(ExecForTests(at, "SELECT * FROM sqlite_stat1"));  // statistics were gathered
    return;
  }
  // A vacuumed table has a visibility map, so the list indexes answer without the heap; the
  // check fails (division by zero) when documents has pages but none marked all-visible.
  CHECK(ExecForTests(
      at, "SELECT 1 / (SELECT relallvisible FROM pg_class WHERE relname = 'documents')"));
  CHECK(ExecForTests(at,
                     "SELECT 1 / (SELECT relallvisible FROM pg_class WHERE relname = 'versions')"));
}
