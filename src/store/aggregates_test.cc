// The aggregates behind compare --archive at scale (src/store/aggregates.cc), checked against
// sums computed here over the same rows; on SQLite, and on PostgreSQL when JIXIAO_TEST_DB_URL
// names a server (tests/pg_server.sh).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::unique_ptr<Store> FreshStore(Diagnostics& diags) {
  return Store::Open(FreshTestLocation("aggregates"), diags);
}

}  // namespace

TEST_CASE("store aggregates: ranking with indicator rows, points lost, rates by group, years") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  const char* regions[] = {"甲", "乙", "丙"};
  std::vector<NewDocument> docs;
  std::map<std::string, std::pair<int64_t, int64_t>> by_region;  // 决策: score, weight
  std::map<std::string, std::pair<int64_t, int64_t>> years;      // count, total
  int64_t lost_a1 = 0, cases_a1 = 0;
  for (int i = 0; i < 1234; ++i) {  // more than two pages of 500
    char id[16];
    snprintf(id, sizeof id, "E%05d", i);
    DocumentFields f;
    f.kind = "evaluation";
    f.year = i % 2 ? "2025" : "2024";
    f.region = regions[i % 3];
    f.framework = "fw";
    f.results.total = (i * 37) % 10001;
    f.results.total_weight = 10000;
    int64_t a = (i * 13) % 2001, a1 = (i * 7) % 1001;
    f.indicators = {{"A", 1, "决策", 2000, a, false, -1}, {"A1", 2, "立项", 1000, a1, true, 0}};
    by_region[f.region].first += a;
    by_region[f.region].second += 2000;
    ++years[f.year].first;
    years[f.year].second += f.results.total;
    if (a1 < 1000) lost_a1 += 1000 - a1, ++cases_a1;
    docs.push_back({id, f, "{}"});
  }
  REQUIRE(s->BeginBatch(d));
  REQUIRE(s->CreateMany(docs, "bulk", d));
  REQUIRE(s->CommitBatch(d));
  DocumentFilter all;
  all.kind = "evaluation";
  // Ranking order (total descending, ties by id), each with its own rows of the level asked.
  std::vector<std::string> ranked;
  bool rows_ok = true, ordered = true;
  int64_t last_total = 1 << 30;
  REQUIRE(s->ForEachRanked(
      all, 0,
      [&](const Document& doc, const std::vector<IndicatorResult>& rows) {
        ordered = ordered && doc.fields.results.total <= last_total;
        last_total = doc.fields.results.total;
        rows_ok = rows_ok && rows.size() == 2 && rows[0].code == "A" && rows[1].leaf;
        ranked.push_back(doc.id);
        return true;
      },
      d));
  CHECK(ranked.size() == 1234);
  CHECK(ordered);
  CHECK(rows_ok);
  std::vector<std::string> expected;
  all.order = DocumentFilter::Order::kTotalDesc;
  s->ForEach(
      all, [&](const Document& doc) { return expected.push_back(doc.id), true; }, d);
  CHECK(ranked == expected);
  size_t level_one = 0;
  s->ForEachRanked(
      all, 1,
      [&](const Document&, const std::vector<IndicatorResult>& rows) {
        level_one += rows.size();
        return level_one < 700;  // stopping early ends the stream
      },
      d);
  CHECK(level_one == 700);
  auto lost = s->Deductions(all, d);
  REQUIRE(lost);
  REQUIRE(lost->size() == 1);  // only leaves count
  CHECK((*lost)[0].code == "A1");
  CHECK((*lost)[0].lost == lost_a1);
  CHECK((*lost)[0].documents == cases_a1);
  auto rates = s->RatesBy(all, "region", 1, d);
  REQUIRE(rates);
  REQUIRE(rates->size() == 3);
  for (const auto& r : *rates) {
    CHECK(r.name == "决策");
    CHECK(r.score == by_region[r.group].first);
    CHECK(r.weight == by_region[r.group].second);
  }
  auto per_year = s->YearTotals(all, d);
  REQUIRE(per_year);
  REQUIRE(per_year->size() == 2);
  for (const auto& y : *per_year) {
    CHECK(y.documents == years[y.year].first);
    CHECK(y.total == years[y.year].second);
  }
  CHECK_FALSE(d.HasErrors());
  Diagnostics bad;
  CHECK_FALSE(s->RatesBy(all, "payload", 1, bad));
  CHECK(bad.HasErrors());
}

TEST_CASE("store aggregates: ranking by rate (several frameworks) is exact across pages") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  // 2,500 evaluations (three pages): full marks 100, 20 or none; equal rates on different full
  // marks (85/100 = 17/20) must tie and fall back to id order.
  struct Row {
    std::string id;
    int64_t total, weight;
  };
  std::vector<Row> rows;
  std::vector<NewDocument> docs;
  for (int i = 0; i < 2500; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "r%05d", (i * 7919) % 2500);
    int64_t weight = i % 5 == 0 ? 2000 : i % 97 == 0 ? 0 : 10000;
    int64_t total = weight == 2000 ? 100 * (i % 21) : weight ? 500 * (i % 21) : 4000;
    DocumentFields f;
    f.kind = "evaluation";
    f.results.total = total;
    f.results.total_weight = weight;
    f.indicators = {{"A", 1, "决策", 2000, 1000}};
    docs.push_back({id, f, "{}"});
    rows.push_back({id, total, weight});
  }
  REQUIRE(s->CreateMany(docs, "t", d));
  auto rate_less = [](const Row& a, const Row& b) {  // a's rate below b's, exactly
    int64_t at = a.weight ? a.total : 0, aw = a.weight ? a.weight : 1;
    int64_t bt = b.weight ? b.total : 0, bw = b.weight ? b.weight : 1;
    return at * bw < bt * aw;
  };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    if (rate_less(a, b) != rate_less(b, a)) return rate_less(b, a);
    return a.id < b.id;
  });
  DocumentFilter f;
  f.kind = "evaluation";
  f.order = DocumentFilter::Order::kRateDesc;
  std::vector<std::string> got, ranked;
  REQUIRE(s->ForEach(
      f, [&](const Document& doc) { return got.push_back(doc.id), true; }, d));
  REQUIRE(s->ForEachRanked(
      f, 1,
      [&](const Document& doc, const std::vector<IndicatorResult>& ind) {
        ranked.push_back(doc.id);
        return ind.size() == 1;
      },
      d));
  REQUIRE(got.size() == rows.size());
  std::vector<std::string> want;
  for (const auto& r : rows) want.push_back(r.id);
  CHECK(got == want);
  CHECK(ranked == got);
  CHECK_FALSE(d.HasErrors());
}
