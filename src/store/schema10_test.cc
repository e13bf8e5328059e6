// Schema 10 (issue 20), on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is set): a store left at
// schema 9 gains the dashboard's covering indexes at open (the year index carrying id, version,
// framework and grade; a partial index of the 一级 rows), and the 一级 rates and grade counts they
// answer stay exact — level 1 from the partial index, other levels from the table.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::string FreshLocation() { return FreshTestLocation("schema10"); }

DocumentFields Scored(const std::string& region, const std::string& year, int64_t a, int64_t b) {
  DocumentFields e;
  e.kind = "evaluation", e.region = region, e.year = year, e.framework = "F";
  e.results.total = a + b, e.results.total_weight = 10000,
  e.results.grade = a + b >= 8000 ? "良" : "中";
  e.indicators = {{"A", 1, "决策", 4000, a, false, -1},
                  {"A1", 2, "立项", 4000, a, true, 0},
                  {"B", 1, "产出", 6000, b, false, -1},
                  {"B1", 2, "数量", 6000, b, true, 2}};
  return e;
}

}  // namespace

TEST_CASE("store: opening a schema 9 store adds the dashboard's covering indexes") {
  Diagnostics d;
  const std::string at = FreshLocation();
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    REQUIRE(s->Save("E1", 0, Scored("区甲", "2023", 3000, 5000), "", "u", d));
    REQUIRE(s->Save("E1", 1, Scored("区甲", "2023", 3500, 5500), "", "u", d));  // latest counts
    REQUIRE(s->Save("E2", 0, Scored("区甲", "2023", 2000, 4000), "", "u", d));
    REQUIRE(s->Save("E3", 0, Scored("区乙", "2023", 4000, 6000), "", "u", d));
    REQUIRE(s->Save("E4", 0, Scored("区乙", "2022", 1000, 1000), "", "u", d));  // another year
    REQUIRE_FALSE(d.HasErrors());
  }
  // Back to what schema 9 had: the year index without id and version, no 一级 index.
  for (const char* sql :
       {"DROP INDEX documents_kind_year_region",
        "CREATE INDEX documents_kind_year_region ON documents (kind, year, region, total)",
        "DROP INDEX documents_framework",
        "CREATE INDEX documents_framework ON documents (kind, framework, grade)",
        "DROP INDEX indicators_level1", "ALTER TABLE sessions DROP COLUMN flash",  // schema 11
        "ALTER TABLE sessions DROP COLUMN flash_at", "DROP TABLE doc_members",     // schema 12
        "UPDATE meta SET value = '9' WHERE key = 'schema_version'"})
    REQUIRE(ExecForTests(at, sql));
  auto s = Store::Open(at, d);
  REQUIRE(s);
  CHECK(s->SchemaVersion() == Store::LatestSchemaVersion());
  DocumentFilter year;
  year.kind = "evaluation", year.year = "2023";
  auto level1 = s->RatesBy(year, "region", 1, d);
  REQUIRE(level1);
  std::vector<std::tuple<std::string, std::string, int64_t, int64_t, int64_t>> got;
  for (const auto& r : *level1) got.emplace_back(r.group, r.name, r.score, r.weight, r.documents);
  using Row = std::tuple<std::string, std::string, int64_t, int64_t, int64_t>;
  CHECK(got == std::vector<Row>{{"区乙", "产出", 6000, 6000, 1},
                                {"区乙", "决策", 4000, 4000, 1},
                                {"区甲", "产出", 9500, 12000, 2},
                                {"区甲", "决策", 5500, 8000, 2}});
  auto level2 = s->RatesBy(year, "region", 2, d);
  REQUIRE(level2);
  REQUIRE(level2->size() == 4);
  CHECK((*level2)[2].name == "数量");
  CHECK((*level2)[2].score == 9500);
  auto grades = s->GradeCounts(year, d);
  REQUIRE(grades.size() == 2);
  CHECK((grades[0].grade == "中" && grades[0].count == 1));
  CHECK((grades[1].grade == "良" && grades[1].count == 2));
  CHECK_FALSE(d.HasErrors());
  // Statistics gathered at the migration, so the planner weighs the new indexes (SQLite's abs
  // overflows, an error, when it has none for the 一级 index).
  if (!s->IsPostgres())
    CHECK(ExecForTests(at,
                       "SELECT abs((SELECT count(*) = 0 FROM sqlite_stat1 WHERE idx = "
                       "'indicators_level1') * -9223372036854775807 - 1)"));
  // Made again by the migration (each drop fails when the index is missing).
  CHECK(ExecForTests(at, "DROP INDEX indicators_level1"));
  CHECK(ExecForTests(at, "DROP INDEX documents_framework"));
}
