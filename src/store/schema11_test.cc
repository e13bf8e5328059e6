// Schema 11 (issue 21), on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is set): a session's
// one-time message is kept with the session; a store left at schema 10 gains the columns at open.
// Take clears the message, refuses one older than its bound, and only the taker that clears it
// gets it.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::string FreshLocation() { return FreshTestLocation("schema11"); }

void SessionOf(Store& s, const std::string& token, Diagnostics& d) {
  User u;
  u.name = "user-" + token, u.role = "evaluator", u.password_hash = "x";
  auto id = s.CreateUser(u, d);
  REQUIRE(id);
  Session session;
  session.token_hash = token, session.user_id = *id, session.csrf_token = "c";
  session.expires_at = "2999-01-01 00:00:00";
  REQUIRE(s.CreateSession(session, d));
}

}  // namespace

TEST_CASE("store: a session's one-time message is taken once, and not when too old") {
  Diagnostics d;
  const std::string at = FreshLocation();
  auto a = Store::Open(at, d);
  auto b = Store::Open(at, d);  // a second process on the same store
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->SchemaVersion() == Store::LatestSchemaVersion());
  SessionOf(*a, "s1", d);
  SessionOf(*a, "s2", d);
  CHECK(a->PutFlash("s1", "已保存为第 2 版", "2026-01-01 00:00:00", d));
  CHECK(b->TakeFlash("s2", "2025-12-31 23:50:00", d).empty());
  CHECK(b->TakeFlash("s1", "2025-12-31 23:50:00", d) == "已保存为第 2 版");
  CHECK(a->TakeFlash("s1", "2025-12-31 23:50:00", d).empty());  // consumed
  CHECK(a->PutFlash("s1", "旧消息", "2026-01-01 00:00:00", d));
  CHECK(b->TakeFlash("s1", "2026-01-01 00:10:01", d).empty());  // too old: not shown…
  CHECK(b->TakeFlash("s1", "2025-01-01 00:00:00", d).empty());  // …and gone
  CHECK_FALSE(a->PutFlash("nobody", "无会话", "2026-01-01 00:00:00", d));
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: opening a schema 10 store adds the sessions' message columns") {
  Diagnostics d;
  const std::string at = FreshLocation();
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    SessionOf(*s, "s1", d);
  }
  for (const char* sql :
       {"ALTER TABLE sessions DROP COLUMN flash", "ALTER TABLE sessions DROP COLUMN flash_at",
        "DROP TABLE doc_members",  // schema 12
        "UPDATE meta SET value = '10' WHERE key = 'schema_version'"})
    REQUIRE(ExecForTests(at, sql));
  auto s = Store::Open(at, d);
  REQUIRE(s);
  CHECK(s->SchemaVersion() == Store::LatestSchemaVersion());
  CHECK(s->PutFlash("s1", "迁移后可用", "2026-01-01 00:00:00", d));
  CHECK(s->TakeFlash("s1", "2025-12-31 23:50:00", d) == "迁移后可用");
  CHECK_FALSE(d.HasErrors());
}
