// Schema 12 (issue 21, trial 5 item 2), on SQLite (and PostgreSQL when JIXIAO_TEST_DB_URL is
// set): an evaluation shared with a second evaluator is in that evaluator's owner-filtered list
// until the share is removed; members survive export → import; a store left at schema 11 gains
// the members table at open.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "store/store.h"
#include "store/store_impl.h"
#include "store/test_location.h"

using namespace jixiao;
using namespace jixiao::store;

namespace {

std::string FreshLocation() { return FreshTestLocation("schema12"); }

void Evaluation(Store& s, const std::string& id, const std::string& owner, Diagnostics& d) {
  DocumentFields f;
  f.kind = "evaluation", f.owner = owner, f.region = "甲区";
  REQUIRE(s.Save(id, 0, f, "{}", "owner", d));
}

std::vector<std::string> ListedFor(Store& s, const std::string& owner, Diagnostics& d) {
  ListQuery q;
  q.filter.owner = owner;
  q.kinds = {"evaluation"};
  auto page = s.ListPage(q, d);
  REQUIRE(page);
  std::vector<std::string> ids;
  for (const auto& doc : *page) ids.push_back(doc.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

TEST_CASE("store: an evaluation shared with a member is listed for it until removed") {
  Diagnostics d;
  const std::string at = FreshLocation();
  auto s = Store::Open(at, d);
  REQUIRE(s);
  CHECK(s->SchemaVersion() == 12);
  Evaluation(*s, "e1", "7", d);
  Evaluation(*s, "e2", "7", d);
  Evaluation(*s, "e3", "9", d);
  CHECK(ListedFor(*s, "8", d).empty());
  CHECK(s->AddMember("e1", 8, "甲", d));
  CHECK_FALSE(s->AddMember("e1", 8, "甲", d));  // already a member
  CHECK(s->AddMember("e1", 12, "甲", d));
  CHECK(s->Members("e1", d) == std::vector<int64_t>{8, 12});
  CHECK(s->Members("e2", d).empty());
  CHECK(ListedFor(*s, "8", d) == std::vector<std::string>{"e1"});
  CHECK(ListedFor(*s, "7", d) == std::vector<std::string>{"e1", "e2"});  // the owner's own
  ListQuery count;
  count.filter.owner = "8";
  count.kinds = {"evaluation"};
  CHECK(s->ListCount(count, d) == 1);
  CHECK(s->RemoveMember("e1", 8, d));
  CHECK_FALSE(s->RemoveMember("e1", 8, d));
  CHECK(ListedFor(*s, "8", d).empty());
  CHECK(s->Members("e1", d) == std::vector<int64_t>{12});
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: members are moved by export and import") {
  Diagnostics d;
  const std::string at = FreshLocation();
  std::string first;
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    Evaluation(*s, "e1", "7", d);
    REQUIRE(s->AddMember("e1", 8, "甲", d));
    std::ostringstream out;
    REQUIRE(s->Export(out, d));
    first = out.str();
  }
  CHECK(first.find("[\"doc_members\",\"e1\",\"8\",\"甲\"") != std::string::npos);
  const std::string to = FreshLocation();
  auto t = Store::Open(to, d);
  REQUIRE(t);
  std::istringstream in(first);
  REQUIRE(t->Import(in, "store.jsonl", d));
  CHECK(t->Members("e1", d) == std::vector<int64_t>{8});
  CHECK_FALSE(d.HasErrors());
}

TEST_CASE("store: opening a schema 11 store adds the members table") {
  Diagnostics d;
  const std::string at = FreshLocation();
  {
    auto s = Store::Open(at, d);
    REQUIRE(s);
    Evaluation(*s, "e1", "7", d);
  }
  for (const char* sql :
       {"DROP TABLE doc_members", "UPDATE meta SET value = '11' WHERE key = 'schema_version'"})
    REQUIRE(ExecForTests(at, sql));
  auto s = Store::Open(at, d);
  REQUIRE(s);
  CHECK(s->SchemaVersion() == 12);
  CHECK(s->AddMember("e1", 8, "甲", d));
  CHECK(ListedFor(*s, "8", d) == std::vector<std::string>{"e1"});
  CHECK_FALSE(d.HasErrors());
}
