#include "web/flash.h"

#include <catch2/catch.hpp>

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

  FlashStore store;
  store.Put("s1", "已保存", 100);
  CHECK(store.Take("s2", 101).empty());  // another session sees nothing
  CHECK(store.Take("s1", 101) == "已保存");
  CHECK(store.Take("s1", 102).empty());  // a reload: not again
  store.Put("s1", "旧的", 100);
  CHECK(store.Take("s1", 100 + FlashStore::kKeepSeconds + 1).empty());  // too old
}
