#include "render/docx_table.h"

#include <catch2/catch.hpp>
#include <regex>
#include <string>

#include "render/render.h"

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

TEST_CASE("a bracket beside digits or Latin letters is marked English, its text kept") {
  // Issue 22 (reader7 MUST 1): LibreOffice ended a line with “规〔” before “2022〕12号”.
  std::string xml = DocxText("（沪医保规〔2022〕12号）和（A类）、〔无〕");
  auto runs = Runs(xml);
  std::string text;
  for (const auto& r : runs) text += r.text;
  CHECK(text == "（沪医保规〔2022〕12号）和（A类）、〔无〕");  // character for character
  const std::string en = "<w:lang w:val=\"en-US\" w:eastAsia=\"en-US\"/>";
  std::vector<std::string> marked;
  std::regex run("<w:r>(.*?)</w:r>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), run); it != std::sregex_iterator();
       ++it) {
    std::string inner = (*it)[1];
    if (inner.find(en) == std::string::npos) continue;
    std::smatch t;
    std::regex_search(inner, t, std::regex("<w:t[^>]*>([^<]*)</w:t>"));
    marked.push_back(t[1]);
  }
  // 〔 before 2022, 〕 after it, （ before A; not the brackets beside Chinese text.
  CHECK(marked == std::vector<std::string>{"〔", "〕", "（"});
  CHECK(DocxText("（沪医保规）").find(en) == std::string::npos);
  CHECK(Runs(DocxText("")).size() == 1);
  // Bold stays on the bracket's own run.
  CHECK(DocxText("〔2022〕", true).find("<w:rPr><w:b/>" + en) != std::string::npos);
}

TEST_CASE("a wide table flows: its body rows split across pages, only its header repeats") {
  doc::Table t;
  t.header_rows = 1;
  t.rows = {{doc::Cell{"一级"}, doc::Cell{"评分标准"}}};
  for (int i = 0; i < 30; ++i)  // one label over many tall rows: a group taller than a page
    t.rows.push_back(
        {doc::Cell{"A 决策"}, doc::Cell{std::string(40, 'x') + "评分标准很长的一段文字"}});
  t.Merge(1, 0, 30, 1);
  auto count = [](const std::string& xml, const std::string& what) {
    size_t n = 0;
    for (size_t at = xml.find(what); at != std::string::npos; at = xml.find(what, at + 1)) ++n;
    return n;
  };
  t.wide = true;
  std::string wide = DocxTable(t, 13000, 2000);
  CHECK(count(wide, "<w:cantSplit/>") == 1);  // the header row only
  CHECK(count(wide, "<w:tblHeader/>") == 1);
  CHECK(count(wide, "<w:pageBreakBefore/>") == 0);  // no piece cut onto a new page
  CHECK(count(wide, "<w:keepNext/>") == 2);  // the header's two cells keep with the first row
  doc::Document d;
  d.blocks.push_back(t);
  std::string html = ToHtml(d);  // the HTML's print CSS lets its rows break too
  CHECK(html.find("<table class=\"flow\">") != std::string::npos);
  CHECK(html.find("table.flow tr { page-break-inside: auto") != std::string::npos);
  CHECK(html.find("tbody class=\"keep") == std::string::npos);
  CHECK(html.find("tbody class=\"pb") == std::string::npos);
  t.wide = false;  // a portrait table keeps its rows whole
  std::string kept = DocxTable(t, 9000, 2000);
  CHECK(count(kept, "<w:cantSplit/>") == 31);
}

}  // namespace jixiao::render
