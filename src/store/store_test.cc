// The store's contract, run against SQLite by default and against PostgreSQL when
// JIXIAO_TEST_DB_URL names a server (tests/pg_server.sh starts one).
#include "store/store.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <sstream>

#include "store/store_impl.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

// A fresh store: a new SQLite file, or the PostgreSQL database emptied of the store's tables.
std::unique_ptr<Store> Fresh(Diagnostics& diags) {
  const char* url = std::getenv("JIXIAO_TEST_DB_URL");
  if (url && *url) {
    ResetPostgresForTests(url);
    return Store::Open(url, diags);
  }
  static int n = 0;
  std::string path =
      "/tmp/jixiao-store-test-" + std::to_string(getpid()) + "-" + std::to_string(n++) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
  return Store::Open(path, diags);
}

DocumentFields Evaluation(const std::string& year, const std::string& region, int64_t total,
                          const std::string& grade) {
  DocumentFields f;
  f.kind = "evaluation";
  f.year = year;
  f.region = region;
  f.town = region + "镇";
  f.framework = "fw";
  f.results.total = total;
  f.results.grade = grade;
  f.results.total_weight = 10000;
  f.indicators = {{"A", 1, "决策", 2000, total / 5},
                  {"A1", 2, "立项", 1000, total / 10, true, 0},
                  {"B", 1, "过程", 2000, total / 4, true, -1}};
  return f;
}

}  // namespace

TEST_CASE("store: schema is migrated at open and reopening keeps it") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  CHECK(s->SchemaVersion() == Store::LatestSchemaVersion());
  CHECK(Store::LatestSchemaVersion() >= 3);
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: users") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  auto id = s->CreateUser({0, "张三", "evaluator", "财政局", "南华县", "hash1"}, d);
  REQUIRE(id);
  auto second = s->CreateUser({0, "李四", "unit", "教育局", "南华县", "hash2"}, d);
  REQUIRE(second);
  CHECK(*second != *id);
  auto byName = s->GetUserByName("张三", d);
  REQUIRE(byName);
  CHECK(byName->id == *id);
  CHECK(byName->role == "evaluator");
  CHECK(byName->unit == "财政局");
  CHECK_FALSE(byName->disabled);
  CHECK(s->SetPasswordHash(*id, "hash9", d));
  CHECK(s->GetUser(*id, d)->password_hash == "hash9");
  CHECK(s->DisableUser(*id, d));
  CHECK(s->GetUser(*id, d)->disabled);
  CHECK(s->ListUsers(d).size() == 2);
  CHECK_FALSE(s->GetUserByName("王五", d));
  CHECK_FALSE(d.HasErrors());
  // Duplicate names and unknown roles are refused with a message.
  Diagnostics dup;
  CHECK_FALSE(s->CreateUser({0, "张三", "admin", "", "", "x"}, dup));
  CHECK(dup.HasErrors());
  Diagnostics role;
  CHECK_FALSE(s->CreateUser({0, "赵六", "root", "", "", "x"}, role));
  REQUIRE(role.HasErrors());
  CHECK(role.items()[0].message.find("角色") != std::string::npos);
}

TEST_CASE("store: sessions expire, are touched and deleted") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  auto uid = s->CreateUser({0, "u", "admin", "", "", "h"}, d);
  REQUIRE(uid);
  REQUIRE(s->CreateSession(
      {"tokhash", *uid, "csrf1", "2026-01-01T00:00:00Z", "", "2026-01-01T00:30:00Z"}, d));
  auto got = s->GetSession("tokhash", "2026-01-01T00:10:00Z", d);
  REQUIRE(got);
  CHECK(got->user_id == *uid);
  CHECK(got->csrf_token == "csrf1");
  CHECK_FALSE(s->GetSession("tokhash", "2026-01-01T00:30:00Z", d));  // expired
  CHECK(s->TouchSession("tokhash", "2026-01-01T00:20:00Z", "2026-01-01T00:50:00Z", d));
  CHECK(s->GetSession("tokhash", "2026-01-01T00:40:00Z", d));
  CHECK_FALSE(s->TouchSession("tokhash", "2026-01-01T01:00:00Z", "2026-01-01T02:00:00Z", d));
  REQUIRE(s->CreateSession({"other", *uid, "c2", "", "", "2099-01-01T00:00:00Z"}, d));
  CHECK(s->DeleteExpiredSessions("2026-01-01T01:00:00Z", d) == 1);
  CHECK(s->GetSession("other", "2026-01-01T01:00:00Z", d));
  CHECK(s->DeleteSession("other", d));
  CHECK_FALSE(s->GetSession("other", "2026-01-01T01:00:00Z", d));
  // Disabling a user ends its sessions.
  REQUIRE(s->CreateSession({"third", *uid, "c3", "", "", "2099-01-01T00:00:00Z"}, d));
  CHECK(s->DisableUser(*uid, d));
  CHECK_FALSE(s->GetSession("third", "2026-01-01T01:00:00Z", d));
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: jobs progress, finish, fail, and interrupted ones are failed") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  auto a = s->CreateJob("report", 7, "{\"case\":\"x\"}", d);
  auto b = s->CreateJob("score", 7, "{}", d);
  auto c = s->CreateJob("score", 8, "{}", d);
  REQUIRE((a && b && c));
  CHECK(s->SetJobProgress(*a, 3, 10, d));
  auto ja = s->GetJob(*a, d);
  REQUIRE(ja);
  CHECK(ja->status == "running");
  CHECK(ja->done == 3);
  CHECK(ja->total == 10);
  CHECK(ja->params_json == "{\"case\":\"x\"}");
  CHECK(s->FinishJob(*a, "out/report.docx", d));
  CHECK(s->GetJob(*a, d)->status == "done");
  CHECK(s->GetJob(*a, d)->result_ref == "out/report.docx");
  CHECK_FALSE(s->FailJob(*a, "late", d));  // a finished job stays finished
  CHECK(s->FailJob(*b, "输入有误", d));
  CHECK(s->GetJob(*b, d)->error == "输入有误");
  CHECK(s->ListJobs(7, d).size() == 2);
  CHECK(s->FailInterrupted("服务重启，任务中断", d) == 1);
  CHECK(s->GetJob(*c, d)->status == "failed");
  CHECK(s->GetJob(*c, d)->error == "服务重启，任务中断");
  CHECK_FALSE(s->GetJob(999999, d));
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: audit log appends and filters") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  REQUIRE(
      s->AppendAudit({0, "张三", "2026-01-01T00:00:00Z", "selfeval", "S1", "A1", "10", "12"}, d));
  REQUIRE(s->AppendAudit({0, "李四", "2026-01-02T00:00:00Z", "selfeval", "S1", "A2", "", "5"}, d));
  REQUIRE(
      s->AppendAudit({0, "张三", "2026-01-03T00:00:00Z", "evaluation", "E1", "x", "a", "b"}, d));
  CHECK(s->ListAudit({}, d).size() == 3);
  AuditFilter byWho;
  byWho.who = "张三";
  CHECK(s->ListAudit(byWho, d).size() == 2);
  AuditFilter byObject;
  byObject.object_kind = "selfeval";
  byObject.object_id = "S1";
  auto rows = s->ListAudit(byObject, d);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].field == "A1");
  CHECK(rows[0].old_value == "10");
  CHECK(rows[1].new_value == "5");
  AuditFilter window;
  window.since = "2026-01-02T00:00:00Z";
  window.until = "2026-01-03T00:00:00Z";
  CHECK(s->ListAudit(window, d).size() == 1);
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: versions with optimistic concurrency and restore") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  auto v1 = s->Save("E1", 0, Evaluation("2025", "南华", 8500, "良"), "{\"v\":1}", "张三", d);
  REQUIRE(v1);
  CHECK(v1->version == 1);
  CHECK_FALSE(v1->conflict);
  auto v2 = s->Save("E1", 1, Evaluation("2025", "南华", 9100, "优"), "{\"v\":2}", "李四", d);
  REQUIRE(v2);
  CHECK(v2->version == 2);
  // A writer who started from version 1 is refused, told who saved version 2.
  auto stale = s->Save("E1", 1, Evaluation("2025", "南华", 1, "差"), "{\"v\":\"x\"}", "王五", d);
  REQUIRE(stale);
  REQUIRE(stale->conflict);
  CHECK(stale->conflict->current_version == 2);
  CHECK(stale->conflict->author == "李四");
  CHECK_FALSE(stale->conflict->saved_at.empty());
  // Creating an existing id is a conflict too.
  auto again = s->Save("E1", 0, Evaluation("2025", "南华", 1, "差"), "{}", "王五", d);
  REQUIRE(again);
  CHECK(again->conflict);
  auto doc = s->Get("E1", d);
  REQUIRE(doc);
  CHECK(doc->version == 2);
  CHECK(doc->fields.results.total == 9100);
  CHECK(doc->author == "李四");
  auto versions = s->ListVersions("E1", d);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].author == "张三");
  auto old = s->GetVersion("E1", 1, d);
  REQUIRE(old);
  CHECK(old->payload == "{\"v\":1}");
  CHECK(old->fields.results.grade == "良");
  CHECK(old->fields.indicators.size() == 3);
  auto restored = s->Restore("E1", 1, 2, "张三", d);
  REQUIRE(restored);
  CHECK(restored->version == 3);
  CHECK(s->GetVersion("E1", 3, d)->payload == "{\"v\":1}");
  CHECK(s->Get("E1", d)->fields.results.total == 8500);
  auto ind = s->Indicators("E1", d);
  REQUIRE(ind.size() == 3);
  CHECK(ind[0].code == "A");
  CHECK(ind[0].score == 8500 / 5);
  CHECK(ind[2].code == "B");
  CHECK(ind[1].leaf);
  CHECK(ind[1].parent == 0);
  CHECK_FALSE(ind[0].leaf);
  CHECK(ind[0].parent == -1);
  CHECK(s->Get("E1", d)->fields.results.total_weight == 10000);
  CHECK_FALSE(d.HasErrors());
  // Saving a missing document with a version is an error naming it.
  Diagnostics missing;
  CHECK_FALSE(s->Save("nope", 3, Evaluation("2025", "x", 1, "差"), "{}", "a", missing));
  REQUIRE(missing.HasErrors());
  CHECK(missing.items()[0].message.find("nope") != std::string::npos);
  CHECK(s->Remove("E1", d));
  CHECK_FALSE(s->Get("E1", d));
  CHECK(s->ListVersions("E1", d).empty());
}

TEST_CASE("store: ranking, filters, grade counts, gap list and the 一级 matrix") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  REQUIRE(s->BeginBatch(d));
  // 2,500 evaluations over two years and three regions (more than one page).
  const char* regions[] = {"甲", "乙", "丙"};
  for (int i = 0; i < 2500; ++i) {
    char id[16];
    snprintf(id, sizeof id, "E%05d", i);
    int64_t total = (i * 37) % 10001;
    REQUIRE(s->Save(id, 0,
                    Evaluation(i % 2 ? "2025" : "2024", regions[i % 3], total,
                               total >= 9000   ? "优"
                               : total >= 8000 ? "良"
                                               : "中"),
                    "{}", "bulk", d));
  }
  REQUIRE(s->CommitBatch(d));
  DocumentFilter all;
  all.kind = "evaluation";
  CHECK(s->Count(all, d) == 2500);
  DocumentFilter f = all;
  f.year = "2025";
  f.region = "乙";
  f.order = DocumentFilter::Order::kTotalDesc;
  int64_t expected = 0;
  for (int i = 0; i < 2500; ++i) expected += (i % 2 == 1 && i % 3 == 1);
  std::vector<Document> rows;
  REQUIRE(s->ForEach(
      f, [&](const Document& doc) { return rows.push_back(doc), true; }, d));
  REQUIRE(static_cast<int64_t>(rows.size()) == expected);
  for (size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i - 1].fields.results.total >= rows[i].fields.results.total);
    CHECK(rows[i].fields.year == "2025");
    CHECK(rows[i].fields.region == "乙");
  }
  // Paging over all: every id once, in total order, ties by id.
  std::vector<std::string> ids;
  all.order = DocumentFilter::Order::kTotalDesc;
  REQUIRE(s->ForEach(
      all, [&](const Document& doc) { return ids.push_back(doc.id), true; }, d));
  CHECK(ids.size() == 2500);
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == 2500);
  DocumentFilter page = all;
  page.limit = 10;
  page.offset = 5;
  std::vector<std::string> ten;
  s->ForEach(
      page, [&](const Document& doc) { return ten.push_back(doc.id), true; }, d);
  CHECK(ten == std::vector<std::string>(ids.begin() + 5, ids.begin() + 15));
  // Grade counts add up.
  int64_t sum = 0, good = 0;
  for (const auto& g : s->GradeCounts(all, d)) {
    sum += g.count;
    if (g.grade == "优") good = g.count;
  }
  CHECK(sum == 2500);
  int64_t expect_good = 0;
  for (int i = 0; i < 2500; ++i) expect_good += ((i * 37) % 10001) >= 9000;
  CHECK(good == expect_good);
  // The 一级 matrix: two 一级 indicators per evaluation, doc by doc.
  int64_t cells = 0;
  std::string previous;
  bool ordered = true;
  REQUIRE(s->ForEachIndicator(
      all, 1,
      [&](const std::string& id, const IndicatorResult& r) {
        ordered = ordered && id >= previous && r.level == 1;
        previous = id;
        ++cells;
        return true;
      },
      d));
  CHECK(cells == 5000);
  CHECK(ordered);
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: the 复核 gap list orders self-evaluations by |claimed - computed|") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  auto selfeval = [](int64_t claimed, int64_t computed) {
    DocumentFields f;
    f.kind = "selfeval";
    f.results.claimed_total = claimed;
    f.results.computed_total = computed;
    return f;
  };
  REQUIRE(s->Save("S1", 0, selfeval(9500, 9000), "{}", "u", d));
  REQUIRE(s->Save("S2", 0, selfeval(8000, 9200), "{}", "u", d));
  REQUIRE(s->Save("S3", 0, selfeval(7000, 7000), "{}", "u", d));
  DocumentFilter f;
  f.kind = "selfeval";
  f.order = DocumentFilter::Order::kGapDesc;
  std::vector<std::string> ids;
  s->ForEach(
      f, [&](const Document& doc) { return ids.push_back(doc.id), true; }, d);
  CHECK(ids == std::vector<std::string>{"S2", "S1", "S3"});
  CHECK(s->Get("S2", d)->fields.results.Gap() == -1200);
}

TEST_CASE("store: a missing server is a located Chinese error without the password") {
  Diagnostics d;
  auto s = Store::Open("postgresql://jx:secret@127.0.0.1:1/nodb?connect_timeout=2", d);
  CHECK_FALSE(s);
  REQUIRE(d.HasErrors());
  const auto& m = d.items()[0];
  CHECK(m.where.file == "postgresql://jx:***@127.0.0.1:1/nodb?connect_timeout=2");
  CHECK(m.ToString().find("secret") == std::string::npos);
  CHECK(m.message.find("无法") != std::string::npos);
  CHECK(Redacted("postgresql://a@h/db") == "postgresql://a@h/db");
  CHECK(IsPostgresUrl("postgres:///db?host=/tmp"));
  CHECK_FALSE(IsPostgresUrl("/tmp/postgresql://x"));
}

TEST_CASE("store: export then import into an empty store gives the same bytes") {
  Diagnostics d;
  auto a = Fresh(d);
  REQUIRE(a);
  auto uid = a->CreateUser({0, "张三", "admin", "局", "县", "h\"q\n"}, d);
  REQUIRE(uid);
  REQUIRE(a->CreateSession({"t1", *uid, "c", "", "", "2099-01-01T00:00:00Z"}, d));
  REQUIRE(a->CreateJob("report", *uid, "{\"x\":1}", d));
  auto done = a->CreateJob("pdf", *uid, "{}", d, "host:1:2:ab");  // schema 6: worker, file
  REQUIRE(done);
  REQUIRE(a->FinishJobWithFile(*done, {"report.pdf", std::string("%PDF\0\xff", 6)}, d));
  REQUIRE(a->RecordLoginFailure("acct:张三", 1000, 900, d));
  REQUIRE(a->AppendAudit({0, "张三", "", "evaluation", "E1", "total", "1", "2"}, d));
  REQUIRE(a->Save("E1", 0, Evaluation("2025", "甲", 8123, "良"), "{\"p\":\"\\u0001\"}", "张三", d));
  REQUIRE(a->Save("E1", 1, Evaluation("2025", "甲", 9000, "优"), "second\tline", "李四", d));
  std::ostringstream first;
  REQUIRE(a->Export(first, d));
  CHECK(first.str().find("\"indicators\"") != std::string::npos);
  // Import refuses a store that already holds data.
  std::istringstream again(first.str());
  Diagnostics refused;
  CHECK_FALSE(a->Import(again, "dump.jsonl", refused));
  REQUIRE(refused.HasErrors());
  CHECK(refused.items()[0].message.find("不是空的") != std::string::npos);
  a.reset();
  auto b = Fresh(d);
  REQUIRE(b);
  std::istringstream in(first.str());
  REQUIRE(b->Import(in, "dump.jsonl", d));
  std::ostringstream second;
  REQUIRE(b->Export(second, d));
  CHECK(second.str() == first.str());
  // Identity columns continue after the imported rows.
  auto next = b->CreateUser({0, "新用户", "unit", "", "", "h"}, d);
  REQUIRE(next);
  CHECK(*next > *uid);
  CHECK(b->GetVersion("E1", 1, d)->payload == "{\"p\":\"\\u0001\"}");
  CHECK(b->GetJobFile(*done, d)->bytes == std::string("%PDF\0\xff", 6));
  CHECK(b->GetJob(*done, d)->worker == "host:1:2:ab");
  CHECK(b->GetLoginFailures("acct:张三", d)->failures == 1);
  CHECK_FALSE(d.HasErrors());
  // A broken line is located and nothing is imported.
  auto c = Fresh(d);
  REQUIRE(c);
  std::string broken = first.str();
  broken.insert(broken.find('\n') + 1, "[\"nosuchtable\",1]\n");
  std::istringstream bad(broken);
  Diagnostics located;
  CHECK_FALSE(c->Import(bad, "dump.jsonl", located));
  REQUIRE(located.HasErrors());
  CHECK(located.items()[0].where.line == 2);
  CHECK(c->ListUsers(d).empty());
}

TEST_CASE("store: CreateMany writes many documents and skips existing ids") {
  Diagnostics d;
  auto s = Fresh(d);
  REQUIRE(s);
  REQUIRE(s->Save("E0003", 0, Evaluation("2024", "甲", 5000, "差"), "old", "a", d));
  std::vector<NewDocument> docs;
  for (int i = 0; i < 95; ++i) {
    char id[16];
    snprintf(id, sizeof id, "E%04d", i);
    docs.push_back({id, Evaluation("2025", "乙", 100 * i, "良"), "p\\\t\r" + std::to_string(i)});
    docs.back().fields.indicators[0].name = "名\t称\\N\n" + std::to_string(i);
  }
  auto existing = s->CreateMany(docs, "bulk", d);
  REQUIRE(existing);
  CHECK(*existing == std::vector<std::string>{"E0003"});
  DocumentFilter all;
  CHECK(s->Count(all, d) == 95);
  CHECK(s->GetVersion("E0003", 1, d)->payload == "old");
  auto e90 = s->GetVersion("E0090", 1, d);
  REQUIRE(e90);
  CHECK(e90->payload == "p\\\t\r90");
  CHECK(e90->fields.indicators[0].name == "名\t称\\N\n90");
  CHECK(e90->fields.results.total == 9000);
  CHECK(e90->fields.indicators.size() == 3);
  CHECK(s->Indicators("E0090", d)[2].score == 9000 / 4);
  int64_t cells = 0;
  s->ForEachIndicator(
      all, 0, [&](const std::string&, const IndicatorResult&) { return ++cells, true; }, d);
  CHECK(cells == 95 * 3);
  CHECK_FALSE(d.HasErrors());
}
