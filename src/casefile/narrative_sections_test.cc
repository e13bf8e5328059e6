// Trial 3 item 27: the narrative sections are listed by names that tell them apart — no section
// named after the report's title, no heading listed twice.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "casefile/scaffold.h"

TEST_CASE("narrative sections have distinct names, none the report's title", "[casefile]") {
  const auto dir = (std::filesystem::path(JIXIAO_SOURCE_DIR) / "templates/report").string();
  const auto sections = jixiao::NarrativeSections(dir);
  REQUIRE(sections.size() > 10);
  std::set<std::string> names;
  for (const auto& [key, heading] : sections) {
    INFO(key << " → " << heading);
    CHECK(names.insert(heading).second);
    CHECK(heading.find("绩效评价报告") == std::string::npos);
    CHECK_FALSE(heading.empty());
  }
  std::map<std::string, std::string> by_key(sections.begin(), sections.end());
  CHECK(by_key["intro"] == "引言");
  CHECK(by_key["plan_content"] == "项目计划实施内容及完成情况：计划实施内容");
  CHECK(by_key["plan_completion"] == "项目计划实施内容及完成情况：完成情况");
  CHECK(by_key["background"] == "立项背景");
}
