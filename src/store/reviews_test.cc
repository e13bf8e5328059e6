// 复核 decisions and 行得分合计 (schema 7), on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is
// set, as store_test.cc): stale decisions refused, the latest per document, the gap ranking of
// forms without a printed 总分, and the export/import round trip.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::unique_ptr<Store> FreshStore(Diagnostics& diags) {
  return Store::Open(FreshTestLocation("reviews"), diags);
}

DocumentFields Form(int64_t claimed, int64_t computed, int64_t row_total) {
  DocumentFields f;
  f.kind = "selfeval";
  f.region = "甲区";
  f.results.claimed_total = claimed;
  f.results.computed_total = computed;
  f.results.row_total = row_total;
  return f;
}

}  // namespace

TEST_CASE("store: a 复核 decision is kept on the version it was made on; a stale one is refused") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  REQUIRE(s->Save("F1", 0, Form(-1, 8000, 8500), "v1", "单位甲", d));
  auto first = s->Decide({0, "F1", 1, "退回", "第3行偏差原因未填", "局乙", ""}, d);
  REQUIRE(first);
  CHECK_FALSE(first->conflict);
  CHECK(first->id > 0);
  // The unit saves version 2: a decision made on the page loaded at version 1 is refused and
  // names who saved version 2.
  REQUIRE(s->Save("F1", 1, Form(-1, 8600, 8600), "v2", "单位甲", d));
  auto stale = s->Decide({0, "F1", 1, "通过", "", "局乙", ""}, d);
  REQUIRE(stale);
  REQUIRE(stale->conflict);
  CHECK(stale->conflict->current_version == 2);
  CHECK(stale->conflict->author == "单位甲");
  auto pass = s->Decide({0, "F1", 2, "通过", "", "局丙", "2026-12-07T01:00:00Z"}, d);
  REQUIRE(pass);
  CHECK_FALSE(pass->conflict);
  auto all = s->Decisions("F1", d);
  REQUIRE(all.size() == 2);
  CHECK(all[0].decision == "退回");
  CHECK(all[0].opinion == "第3行偏差原因未填");
  CHECK(all[0].version == 1);
  CHECK(all[0].decided_at.size() == 20);
  CHECK(all[1].reviewer == "局丙");
  CHECK(all[1].decided_at == "2026-12-07T01:00:00Z");
  REQUIRE(s->Save("F2", 0, Form(9000, 9000, -1), "v1", "单位乙", d));
  REQUIRE(s->Decide({0, "F2", 1, "退回", "请补预算", "局乙", ""}, d));
  auto latest = s->LatestDecisions("selfeval", "", d);
  REQUIRE(latest.size() == 2);
  CHECK(latest[0].doc_id == "F1");
  CHECK(latest[0].decision == "通过");
  CHECK(latest[1].doc_id == "F2");
  CHECK(s->LatestDecisions("evaluation", "", d).empty());
  // A region's decisions only, filtered in SQL (复核汇总 of one bureau): F3 is another region's.
  DocumentFields other = Form(9000, 8000, -1);
  other.region = "乙区";
  REQUIRE(s->Save("F3", 0, other, "v1", "单位丙", d));
  REQUIRE(s->Decide({0, "F3", 1, "通过", "", "局丁", ""}, d));
  CHECK(s->LatestDecisions("selfeval", "", d).size() == 3);
  auto mine = s->LatestDecisions("selfeval", "甲区", d);
  REQUIRE(mine.size() == 2);
  CHECK((mine[0].doc_id == "F1" && mine[1].doc_id == "F2"));
  auto theirs = s->LatestDecisions("selfeval", "乙区", d);
  REQUIRE(theirs.size() == 1);
  CHECK(theirs[0].reviewer == "局丁");
  // The latest version of several documents in one query (the 复核 list's 提交 forms): F1 is at
  // version 2, an unknown id is left out.
  auto latest_versions = s->LatestVersionsOf({"F3", "F1", "nope"}, d);
  REQUIRE(latest_versions.size() == 2);
  CHECK(latest_versions[0].first == "F1");
  CHECK(latest_versions[0].second.info.version == 2);
  CHECK(latest_versions[0].second.payload == "v2");
  CHECK(latest_versions[0].second.info.author == "单位甲");
  CHECK(latest_versions[1].first == "F3");
  CHECK(latest_versions[1].second.payload == "v1");
  CHECK(s->LatestVersionsOf({}, d).empty());
  // A missing document is an error, not a conflict.
  Diagnostics missing;
  CHECK_FALSE(s->Decide({0, "nope", 1, "通过", "", "局乙", ""}, missing));
  CHECK(missing.HasErrors());
  // Removing the document removes its decisions.
  REQUIRE(s->Remove("F2", d));
  CHECK(s->Decisions("F2", d).empty());
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: 行得分合计 is kept and ranks forms that print no 总分 by its gap") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  // P: printed 总分 90 against 复核分 88 (gap 2). R: no 总分, rows typed to 95 against 80 (gap
  // 15). N: no 总分 and nothing typed (ranked by |-1 - computed| as before schema 7).
  REQUIRE(s->Save("P", 0, Form(9000, 8800, 9100), "", "u", d));
  REQUIRE(s->Save("R", 0, Form(-1, 8000, 9500), "", "u", d));
  REQUIRE(s->Save("Q", 0, Form(-1, 8000, 7950), "", "u", d));
  CHECK(s->Get("R", d)->fields.results.row_total == 9500);
  CHECK(s->GetVersion("R", 1, d)->fields.results.row_total == 9500);
  CHECK(s->Get("R", d)->fields.results.RankGap() == 1500);
  CHECK(s->Get("P", d)->fields.results.RankGap() == 200);  // the printed 总分 wins
  DocumentFilter f;
  f.kind = "selfeval";
  f.order = DocumentFilter::Order::kGapDesc;
  std::vector<std::string> ids;
  std::vector<int64_t> row_totals;
  s->ForEach(
      f,
      [&](const Document& doc) {
        ids.push_back(doc.id);
        row_totals.push_back(doc.fields.results.row_total);
        return true;
      },
      d);
  CHECK(ids == std::vector<std::string>{"R", "P", "Q"});
  CHECK(row_totals == std::vector<int64_t>{9500, 9100, 7950});
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: a 复核分 over the rule set's 100 is no gap: listed after every form") {
  Diagnostics d;
  auto s = FreshStore(d);
  REQUIRE(s);
  // O: 复核分 106.4 against 自评分 99 — its 7.4 would rank above P's 2 as if it were valid.
  REQUIRE(s->Save("O", 0, Form(9900, 10640, 9900), "", "u", d));
  REQUIRE(s->Save("P", 0, Form(9000, 8800, 9100), "", "u", d));
  REQUIRE(s->Save("N", 0, Form(-1, 8000, -1), "", "u", d));
  CHECK(s->Get("O", d)->fields.results.RankGap() < -1);
  DocumentFilter f;
  f.kind = "selfeval";
  f.order = DocumentFilter::Order::kGapDesc;
  std::vector<std::string> ids;
  s->ForEach(
      f,
      [&](const Document& doc) {
        ids.push_back(doc.id);
        return true;
      },
      d);
  CHECK(ids == std::vector<std::string>{"P", "N", "O"});
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: decisions and 行得分合计 survive export and import") {
  Diagnostics d;
  auto a = FreshStore(d);
  REQUIRE(a);
  REQUIRE(a->Save("F1", 0, Form(-1, 8000, 8450), "v1", "单位甲", d));
  REQUIRE(a->Decide({0, "F1", 1, "退回", "意见含\"引号\"\n与换行", "局乙", ""}, d));
  std::ostringstream first;
  REQUIRE(a->Export(first, d));
  CHECK(first.str().find("[\"reviews\",") != std::string::npos);
  a.reset();
  auto b = FreshStore(d);
  REQUIRE(b);
  std::istringstream in(first.str());
  REQUIRE(b->Import(in, "dump.jsonl", d));
  std::ostringstream second;
  REQUIRE(b->Export(second, d));
  CHECK(second.str() == first.str());
  auto kept = b->Decisions("F1", d);
  REQUIRE(kept.size() == 1);
  CHECK(kept[0].opinion == "意见含\"引号\"\n与换行");
  CHECK(b->Get("F1", d)->fields.results.row_total == 8450);
  // The identity continues after the imported decisions.
  auto next = b->Decide({0, "F1", 1, "通过", "", "局乙", ""}, d);
  REQUIRE(next);
  CHECK(next->id > kept[0].id);
  CHECK_FALSE(d.HasErrors());
}
