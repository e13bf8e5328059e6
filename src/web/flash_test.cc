#include "web/flash.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "web/db.h"
#include "web/http.h"

using namespace jixiao::web;

TEST_CASE("flash: the message leaves the redirect's address and is shown once") {
  std::string location = "/targets/ab12?message=" + UrlEncode("已采纳：1 处修改");
  CHECK(TakeMessageParam(location) == "已采纳：1 处修改");
  CHECK(location == "/targets/ab12");
  std::string middle = "/bureau/review?submitted=all&message=" + UrlEncode("好") + "&state=passed";
  CHECK(TakeMessageParam(middle) == "好");
  CHECK(middle == "/bureau/review?submitted=all&state=passed");
  std::string first = "/x?message=" + UrlEncode("a&b") + "&page=2";
  CHECK(TakeMessageParam(first) == "a&b");
  CHECK(first == "/x?page=2");
  std::string none = "/x?page=2";
  CHECK(TakeMessageParam(none).empty());
  CHECK(none == "/x?page=2");
  std::string plain = "/selfevals/1";
  CHECK(TakeMessageParam(plain).empty());
}

TEST_CASE("flash: kept with the session in the store, shown once by any process on it") {
  const std::string dir = "/tmp/jixiao-web-flash-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto a = Db::Open(dir), b = Db::Open(dir);  // two serve processes on one store
    auto user = a->AddUser({0, "eval1", "evaluator", "", "闵行区", "x"});
    REQUIRE(user);
    a->AddSession("s1", user->id, "c1", 3600);
    a->AddSession("s2", user->id, "c2", 3600);
    a->PutFlash("s1", "已保存为第 2 版");
    CHECK(b->TakeFlash("s2").empty());  // another session sees nothing
    CHECK(b->TakeFlash("s1") == "已保存为第 2 版");
    CHECK(a->TakeFlash("s1").empty());  // a reload, on either process: not again
    CHECK(b->TakeFlash("s1").empty());
    a->PutFlash("s1", "第一条");
    a->PutFlash("s1", "第二条");  // the latest post's message replaces an unshown one
    CHECK(b->TakeFlash("s1") == "第二条");
    b->PutFlash("unknown", "无会话");  // no session: nothing kept, nothing thrown
    CHECK(a->TakeFlash("unknown").empty());
  }
  std::filesystem::remove_all(dir);
}
