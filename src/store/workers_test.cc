// Schema 6 on both back ends (PostgreSQL when JIXIAO_TEST_DB_URL names a server): jobs owned by a
// process with a heartbeat, where only stale ones are failed; job files kept in the store; login
// failures counted in the store, also from two connections (two server processes).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

// A fresh store (new SQLite file, or the PostgreSQL database emptied) and its location, so a
// second connection can open the same one.
std::unique_ptr<Store> FreshShared(Diagnostics& diags, std::string& location) {
  location = FreshTestLocation("workers");
  return Store::Open(location, diags);
}

}  // namespace

TEST_CASE("store 6: only jobs whose heartbeat is stale are failed; a live worker's are kept") {
  Diagnostics d;
  std::string where;
  auto a = FreshShared(d, where);
  REQUIRE(a);
  CHECK(a->SchemaVersion() == Store::LatestSchemaVersion());
  auto b = Store::Open(where, d);  // a second process on the same store
  REQUIRE(b);
  auto ja = a->CreateJob("pdf", 1, "{}", d, "worker-a");
  auto jb = b->CreateJob("pdf", 1, "{}", d, "worker-b");
  REQUIRE((ja && jb));
  CHECK(a->GetJob(*ja, d)->worker == "worker-a");
  CHECK_FALSE(a->GetJob(*ja, d)->heartbeat.empty());
  // A beats in the future; B's heartbeat stays at creation. Stale = before a cut between them.
  CHECK(a->Heartbeat("worker-a", "2999-01-01T00:00:00Z", d) == 1);
  auto failed = b->FailStale("2998-01-01T00:00:00Z", "处理该任务的服务进程已停止", d);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].id == *jb);
  CHECK(failed[0].worker == "worker-b");
  CHECK(a->GetJob(*ja, d)->status == "running");
  CHECK(a->GetJob(*jb, d)->status == "failed");
  CHECK(a->GetJob(*jb, d)->error == "处理该任务的服务进程已停止");
  // A failed job is not failed again, and a heartbeat does not revive it.
  CHECK(b->FailStale("2998-01-01T00:00:00Z", "again", d).empty());
  CHECK(b->Heartbeat("worker-b", "2999-01-01T00:00:00Z", d) == 0);
  CHECK(a->GetJob(*jb, d)->status == "failed");
  // A worker known to be gone: all its running jobs fail at once, the others' stay.
  auto jc = b->CreateJob("pdf", 2, "{}", d, "worker-b");
  REQUIRE(jc);
  CHECK(a->RunningWorkers(d) == std::vector<std::string>{"worker-a", "worker-b"});
  CHECK(a->FailWorker("worker-b", "服务进程已停止", d) == 1);
  CHECK(a->GetJob(*jc, d)->status == "failed");
  CHECK(a->RunningWorkers(d) == std::vector<std::string>{"worker-a"});
  CHECK(a->GetJob(*ja, d)->status == "running");
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store 6: a finished job's file is kept in the store, byte for byte") {
  Diagnostics d;
  std::string where;
  auto a = FreshShared(d, where);
  REQUIRE(a);
  auto b = Store::Open(where, d);
  REQUIRE(b);
  auto id = a->CreateJob("pdf", 1, "{}", d, "w");
  REQUIRE(id);
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; i < 300000; ++i) bytes += static_cast<char>(i * 7 % 256);  // every byte value
  CHECK_FALSE(b->GetJobFile(*id, d));
  REQUIRE(a->FinishJobWithFile(*id, {"report.pdf", bytes}, d));
  auto got = b->GetJobFile(*id, d);  // read by the other process
  REQUIRE(got);
  CHECK(got->name == "report.pdf");
  CHECK(got->bytes.size() == bytes.size());
  CHECK(got->bytes == bytes);
  CHECK(b->GetJob(*id, d)->status == "done");
  // A job no longer running (failed, or already finished) keeps no file.
  auto other = a->CreateJob("pdf", 1, "{}", d, "w");
  REQUIRE(a->FailJob(*other, "停止", d));
  CHECK_FALSE(a->FinishJobWithFile(*other, {"x.pdf", "x"}, d));
  CHECK_FALSE(a->GetJobFile(*other, d));
  CHECK_FALSE(a->FinishJobWithFile(*id, {"y.pdf", "y"}, d));
  CHECK(b->GetJobFile(*id, d)->bytes == bytes);
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store 6: login failures are counted across connections and expire with the window") {
  Diagnostics d;
  std::string where;
  auto a = FreshShared(d, where);
  REQUIRE(a);
  auto b = Store::Open(where, d);
  REQUIRE(b);
  CHECK(a->GetLoginFailures("acct:张三", d)->failures == 0);
  CHECK(a->RecordLoginFailure("acct:张三", 1000, 900, d) == 1);
  CHECK(b->RecordLoginFailure("acct:张三", 1010, 900, d) == 2);
  CHECK(a->RecordLoginFailure("acct:张三", 1020, 900, d) == 3);
  auto seen = b->GetLoginFailures("acct:张三", d);
  REQUIRE(seen);
  CHECK(seen->failures == 3);
  CHECK(seen->last == 1020);
  // A failure a whole window after the last one starts the count again.
  CHECK(b->RecordLoginFailure("acct:张三", 1920, 900, d) == 1);
  CHECK(a->RecordLoginFailure("addr:127.0.0.1", 1920, 900, d) == 1);
  CHECK(a->ClearLoginFailures("acct:张三", d));
  CHECK(b->GetLoginFailures("acct:张三", d)->failures == 0);
  CHECK(b->GetLoginFailures("addr:127.0.0.1", d)->failures == 1);
  CHECK_FALSE(d.HasErrors());
}
