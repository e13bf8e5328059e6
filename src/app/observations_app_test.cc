// 经验问题建议 edited outside the workbook (issue 21/22): saved through the sheet's reader, bad
// rows refused at the item's JSON path with case.json untouched, other members kept.
#include "app/observations_app.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "ingest/case_loader.h"

namespace jixiao {
namespace fs = std::filesystem;

namespace {
std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
std::string CopyCase() {
  std::string dir = (fs::temp_directory_path() / "jixiao-observations-test").string();
  fs::remove_all(dir);
  fs::copy(std::string(JIXIAO_SOURCE_DIR) + "/data/cases/maqiao-2024", dir,
           fs::copy_options::recursive);
  return dir;
}
}  // namespace

TEST_CASE("observations: edits are saved, blank items dropped, the rest of the case kept") {
  std::string dir = CopyCase();
  Diagnostics diags;
  auto before = LoadCase(dir, diags);
  REQUIRE(before);
  auto lists = ReadObservations(dir, diags);
  REQUIRE(lists);
  REQUIRE(lists->problems.size() == before->problems.size());
  REQUIRE(!lists->problems.empty());
  lists->problems[0].title = "资金拨付不及时<测试>";
  lists->problems[0].indicators = "A11、 B21";
  lists->experiences.push_back({"", "  ", ""});  // a blank row is no item
  lists->suggestions.push_back({"新增建议", "加强台账管理。", ""});
  REQUIRE(SaveObservations(dir, *lists, diags));
  Diagnostics again;
  auto after = LoadCase(dir, again);
  REQUIRE(after);
  CHECK(after->problems[0].title == "资金拨付不及时<测试>");
  CHECK(after->problems[0].indicators == std::vector<std::string>{"A11", "B21"});
  CHECK(after->experiences.size() == before->experiences.size());
  CHECK(after->suggestions.size() == before->suggestions.size() + 1);
  CHECK(after->suggestions.back().text == "加强台账管理。");
  CHECK(after->narrative == before->narrative);
  CHECK(after->project.name == before->project.name);
  fs::remove_all(dir);
}

TEST_CASE("observations: an unknown code or a missing title is refused at the item") {
  std::string dir = CopyCase();
  const std::string json = Bytes(dir + "/case.json");
  Diagnostics diags;
  auto lists = ReadObservations(dir, diags);
  REQUIRE(lists);
  REQUIRE(lists->problems.size() >= 2);
  lists->problems[1].indicators = "ZZ9";
  lists->suggestions.insert(lists->suggestions.begin(), {"", "只有内容", ""});
  Diagnostics bad;
  CHECK_FALSE(SaveObservations(dir, *lists, bad));
  bool code_at = false, title_at = false;
  for (const auto& d : bad.items()) {
    if (d.where.path == "$.problems[1].indicators" && d.message.find("ZZ9") != std::string::npos)
      code_at = true;
    if (d.where.path == "$.suggestions[0].title") title_at = true;
  }
  CHECK(code_at);
  CHECK(title_at);
  CHECK(Bytes(dir + "/case.json") == json);
  fs::remove_all(dir);
}

}  // namespace jixiao
