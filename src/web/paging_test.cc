// Paging of list pages (web/paging.h): parameters checked and refused naming themselves, the
// "共 N 项，第 a–b 项" text and links that keep the filters, URL-encoded.
#include "web/paging.h"

#include <catch2/catch.hpp>

using namespace jixiao::web;

namespace {
std::string Get(Data& data, const std::string& key) {
  const Data* paging = data.get("paging");
  REQUIRE(paging);
  const Data* v = paging->get(key);
  return v ? v->string_value() : "";  // a missing key renders as nothing
}
}  // namespace

TEST_CASE("paging: page and per_page, defaults, bounds and the message naming the parameter") {
  Request r;
  std::string problem;
  auto p = ParsePaging(r, problem);
  REQUIRE(p);
  CHECK(p->page == 1);
  CHECK(p->per_page == 50);
  r.query = {{"page", "3"}, {"per_page", "200"}};
  p = ParsePaging(r, problem);
  REQUIRE(p);
  CHECK(p->offset() == 400);
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"per_page", "201"},
                                                        {"per_page", "0"},
                                                        {"page", "0"},
                                                        {"page", "-2"},
                                                        {"page", "1e3"},
                                                        {"page", "9999999999"}}) {
    Request bad;
    bad.query = {{name, value}};
    problem.clear();
    CHECK_FALSE(ParsePaging(bad, problem));
    CHECK(problem.find("参数 " + name) != std::string::npos);
  }
}

TEST_CASE("paging: the text and the links keep the filters") {
  Data data;
  Paging p;
  p.page = 2;
  SetPaging(data, p, 120, "/bureau", {{"year", "2024"}, {"town", "马桥镇&x"}, {"grade", ""}});
  CHECK(Get(data, "text") == "共 120 项，第 51–100 项");
  CHECK(Get(data, "prev") == "/bureau?year=2024&town=%E9%A9%AC%E6%A1%A5%E9%95%87%26x");
  CHECK(Get(data, "next") == "/bureau?year=2024&town=%E9%A9%AC%E6%A1%A5%E9%95%87%26x&page=3");
  Data last;
  p.page = 3, p.per_page = 50;
  SetPaging(last, p, 120, "/targets", {});
  CHECK(Get(last, "text") == "共 120 项，第 101–120 项");
  CHECK(Get(last, "next").empty());
  CHECK(PagingJson(p, 120) == ",\"total_count\":120,\"page\":3,\"per_page\":50");
}
