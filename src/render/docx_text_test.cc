#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "render/docx_table.h"

namespace jixiao::render {
namespace {

// The <w:r> elements of `xml`, each with its text and whether it names fonts.
struct RunSeen {
  std::string text;
  bool fonts = false;
};
std::vector<RunSeen> Runs(const std::string& xml) {
  std::vector<RunSeen> out;
  std::regex run("<w:r>(.*?)</w:r>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), run); it != std::sregex_iterator();
       ++it) {
    std::string inner = (*it)[1];
    std::smatch t;
    std::regex_search(inner, t, std::regex("<w:t[^>]*>([^<]*)</w:t>"));
    out.push_back({t.size() > 1 ? t[1].str() : "", inner.find("<w:rFonts") != std::string::npos});
  }
  return out;
}

}  // namespace

TEST_CASE("①–⑳ take the East Asian font, the digits and Latin letters around them do not") {
  // Issue 22: a run holding ①–④ set every character in 仿宋/宋体, so its digits left Times.
  auto runs = Runs(DocxText("①纸质材料2024年归档；②电子档案100%", true, 20, "宋体"));
  REQUIRE(runs.size() == 4);
  CHECK((runs[0].text == "①" && runs[0].fonts));
  CHECK((runs[1].text == "纸质材料2024年归档；" && !runs[1].fonts));
  CHECK((runs[2].text == "②" && runs[2].fonts));
  CHECK((runs[3].text == "电子档案100%" && !runs[3].fonts));
  std::string xml = DocxText("③A", false, 0, "宋体");
  CHECK(xml.find("w:ascii=\"宋体\"") != std::string::npos);
  // Bold and size stay on every piece.
  for (const auto& piece : {"①", "纸质"})
    CHECK(DocxText(std::string(piece) + "x", true, 20).find("<w:b/><w:sz w:val=\"20\"/>") !=
          std::string::npos);
  CHECK(Runs(DocxText("无圈号2024")).size() == 1);
}

}  // namespace jixiao::render
