// Region renames, on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is set, as store_test.cc).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

TEST_CASE("store: a region rename rewrites accounts and documents, not other regions") {
  Diagnostics diags;
  std::unique_ptr<Store> s = Store::Open(FreshTestLocation("regions"), diags);
  REQUIRE(s);
  User a, b;
  a.name = "bur-a", a.role = "bureau", a.region = "闵行区", a.password_hash = "h";
  b.name = "bur-b", b.role = "bureau", b.region = "浦东新区", b.password_hash = "h";
  REQUIRE(s->CreateUser(a, diags));
  REQUIRE(s->CreateUser(b, diags));
  DocumentFields f;
  f.kind = "evaluation", f.region = "闵行区", f.project = "甲";
  REQUIRE(s->Save("d1", 0, f, "x", "t", diags));
  f.region = "浦东新区";
  REQUIRE(s->Save("d2", 0, f, "x", "t", diags));
  auto changed = s->RenameRegion("闵行区", "闵行区（新）", diags);
  REQUIRE(changed);
  CHECK(changed->first == 1);
  CHECK(changed->second == 1);
  CHECK(s->GetUserByName("bur-a", diags)->region == "闵行区（新）");
  CHECK(s->GetUserByName("bur-b", diags)->region == "浦东新区");
  CHECK(s->Get("d1", diags)->fields.region == "闵行区（新）");
  CHECK(s->Get("d2", diags)->fields.region == "浦东新区");
  // The saved version still says what it said when saved.
  CHECK(s->GetVersion("d1", 1, diags)->fields.region == "闵行区");
  CHECK_FALSE(diags.HasErrors());
}
