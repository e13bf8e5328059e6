// Each writer on a small hand-built document (no scoring involved).
#include "render/render.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "render/zip.h"

namespace jixiao::render {
namespace {

doc::Document Sample() {
  doc::Document d;
  d.title = "样例 <报告>";
  d.blocks.push_back(doc::Heading{1, "一、概况"});
  doc::Paragraph p;
  p.runs = {{"金额 1,000.00元 & ", false}, {"重点", true}};
  d.blocks.push_back(p);
  doc::Table t;
  t.number = "表1-1";
  t.caption = "合并 | 示例";
  t.rows = {{doc::Cell{"序号"}, doc::Cell{"内容"}, doc::Cell{"金额"}},
            {doc::Cell{"1"}, doc::Cell{"甲"}, doc::Cell{"10"}},
            {doc::Cell{"1"}, doc::Cell{"乙"}, doc::Cell{"20"}},
            {doc::Cell{"合计"}, doc::Cell{"合计"}, doc::Cell{"30"}}};
  t.Merge(1, 0, 2, 1);
  t.Merge(3, 0, 1, 2);
  d.blocks.push_back(t);
  return d;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t pos = 0; (pos = s.find(what, pos)) != std::string::npos; pos += what.size()) ++n;
  return n;
}

}  // namespace

TEST_CASE("Markdown: pipe tables repeat merged cells and escape pipes") {
  std::string md = ToMarkdown(Sample());
  CHECK(md.find("# 一、概况") != std::string::npos);
  CHECK(md.find("**重点**") != std::string::npos);
  CHECK(md.find("| 1 | 甲 | 10 |\n| 1 | 乙 | 20 |") != std::string::npos);
  CHECK(md.find("| 合计 | 合计 | 30 |") != std::string::npos);
  CHECK(md.find("合并 \\| 示例") == std::string::npos);  // captions are not table cells
}

TEST_CASE("HTML: rowspan/colspan, header rows in thead, escaping") {
  std::string html = ToHtml(Sample());
  CHECK(html.find("<td rowspan=\"2\" class=\"c\">1</td>") != std::string::npos);
  CHECK(html.find("colspan=\"2\"") != std::string::npos);
  CHECK(Count(html, "<tr>") == 4);
  CHECK(Count(html, "<td") + Count(html, "<th>") == 3 + 3 + 2 + 2);  // covered cells skipped
  CHECK(html.find("<thead>") != std::string::npos);
  CHECK(html.find("样例 &lt;报告&gt;") != std::string::npos);
  CHECK(html.find("&amp; ") != std::string::npos);
  CHECK(html.find("@page { size: A4") != std::string::npos);
}

TEST_CASE("DOCX: a valid zip with the parts Word needs") {
  std::string docx = ToDocx(Sample(), "<w:styles/>");
  CHECK(docx.compare(0, 4, "PK\x03\x04") == 0);
  for (const char* part : {"[Content_Types].xml", "word/document.xml", "word/styles.xml",
                           "word/footer1.xml", "word/_rels/document.xml.rels"})
    CHECK(docx.find(part) != std::string::npos);
  CHECK(docx.find("PK\x05\x06") != std::string::npos);
}

TEST_CASE("ZipWriter output is deterministic") {
  ZipWriter a, b;
  a.Add("x.xml", "<x/>");
  b.Add("x.xml", "<x/>");
  CHECK(a.Finish() == b.Finish());
}

// The local header of the first entry: its method (0 stored, 8 deflate) and its data bytes.
struct FirstEntry {
  int method = -1;
  std::string data;
  uint32_t size = 0;
};
FirstEntry ReadFirstEntry(const std::string& zip) {
  auto u16 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(zip[at]) |
                                 static_cast<unsigned char>(zip[at + 1]) << 8);
  };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  FirstEntry e;
  e.method = static_cast<int>(u16(8));
  e.size = u32(22);
  e.data = zip.substr(30 + u16(26) + u16(28), u32(18));
  return e;
}

TEST_CASE("ZipWriter stores an already compressed image and deflates the XML losslessly") {
  std::string png = "\x89PNG\r\n\x1a\n";
  for (int i = 0; i < 5000; ++i) png += static_cast<char>((i * 7919) % 251);
  ZipWriter images;
  images.Add("word/media/image1.png", png);
  FirstEntry stored = ReadFirstEntry(images.Finish());
  CHECK(stored.method == 0);
  CHECK(stored.data == png);
  std::string xml;
  for (int i = 0; i < 2000; ++i)
    xml += "<w:p><w:r><w:t>第" + std::to_string(i) + "段</w:t></w:r></w:p>";
  ZipWriter parts;
  parts.Add("word/document.xml", xml);
  FirstEntry packed = ReadFirstEntry(parts.Finish());
  CHECK(packed.method == 8);
  CHECK(packed.size == xml.size());
  REQUIRE(packed.data.size() < xml.size() / 4);
  std::string back(xml.size(), '\0');
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(packed.data.data());
  z.avail_in = static_cast<uInt>(packed.data.size());
  z.next_out = reinterpret_cast<Bytef*>(back.data());
  z.avail_out = static_cast<uInt>(back.size());
  CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
  inflateEnd(&z);
  CHECK(back == xml);
}

TEST_CASE("XmlEscape drops control characters and escapes markup") {
  CHECK(XmlEscape("a<b>&\"\x01") == "a&lt;b&gt;&amp;&quot;");
}

}  // namespace jixiao::render

namespace jixiao::render {

TEST_CASE("charts: DOCX gets a chart part and relationship, HTML an SVG, Markdown a data table") {
  doc::Document d;
  doc::Chart c;
  c.number = "图1-1";
  c.caption = "得分率";
  c.series_name = "得分率";
  c.labels = {"决策", "过程"};
  c.values = {71.25, 95};
  c.value_labels = {"71.25%", "95.00%"};
  d.blocks.push_back(c);
  std::string docx = ToDocx(d, "<w:styles/>");
  CHECK(docx.find("word/charts/chart1.xml") != std::string::npos);
  std::string html = ToHtml(d);
  CHECK(html.find("<svg") != std::string::npos);
  CHECK(html.find("71.25%") != std::string::npos);
  CHECK(ToMarkdown(d).find("| 过程 | 95.00% |") != std::string::npos);
}

TEST_CASE("hostile text: XML-invalid characters go, Markdown cannot open a tag") {
  CHECK(XmlSafe("a\x01\x08\x0b\x1f"
                "b\tc\nd") == "ab\tc\nd");
  CHECK(XmlSafe("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");    // U+FFFE, U+FFFF
  CHECK(XmlSafe("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong form -> U+FFFD
  // Valid text between the removals and replacements is kept whole, in order.
  const std::string bad = "\xEF\xBF\xBD";
  CHECK(XmlSafe("评价\x01"
                "ab\xED\xA0\x80"
                "c\xE4\xB8") ==
        "评价ab" + bad + bad + bad + "c" + bad + bad);  // a surrogate, a cut-off character
  CHECK(XmlSafe("\x7F\xF0\x9F\x98\x80\r") == "\x7F\xF0\x9F\x98\x80\r");
  // U+3000, U+CFFF, U+D7FF, U+E000, U+EFFF kept; a lead byte with one continuation byte is not.
  CHECK(XmlSafe("\xE3\x80\x80\xEC\xBF\xBF\xED\x9F\xBF\xEE\x80\x80\xEE\xBF\xBF") ==
        "\xE3\x80\x80\xEC\xBF\xBF\xED\x9F\xBF\xEE\x80\x80\xEE\xBF\xBF");
  CHECK(XmlSafe("\xE4\xB8"
                "a") == bad + bad + "a");
  CHECK(XmlEscape("甲<乙>&\"丙\r\n\x02'") == "甲&lt;乙&gt;&amp;&quot;丙\n'");
  CHECK(XmlEscape("") == "");
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{{{"<script>alert(1)</script>", false}}});
  std::string md = ToMarkdown(d);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
}

TEST_CASE("xlsx: sheets beyond Excel's rows are refused, long cells cut with a note") {
  doc::Workbook book;
  book.sheets.emplace_back();
  book.sheets.back().name = "大表";
  book.sheets.back().Text(1048576, 0, "x");  // row 1,048,577
  CHECK_THROWS_AS(ToXlsx(book), std::length_error);
  doc::Workbook ok;
  ok.sheets.emplace_back();
  ok.sheets.back().name = "长文本";
  ok.sheets.back().Text(0, 0, std::string(40000, 'a'));
  std::string bytes = ToXlsx(ok);
  CHECK(bytes.substr(0, 2) == "PK");
}

}  // namespace jixiao::render

namespace jixiao::render {

TEST_CASE("tables too wide for 9 pt are set smaller in DOCX and HTML alike") {
  doc::Document d;
  doc::Table t;
  t.rows = {std::vector<doc::Cell>(8, doc::Cell{"金额"}),
            std::vector<doc::Cell>(8, doc::Cell{"1,471,745.31"})};
  d.blocks.push_back(t);
  // Eight amounts need 8 × (945 + 160) twips at 9 pt, more than the 8306 of a portrait page.
  std::string html = ToHtml(d);
  CHECK(html.find("<table style=\"font-size:8.89pt\">") != std::string::npos);
}

}  // namespace jixiao::render

namespace jixiao::render {

TEST_CASE("HTML: no page break right after a landscape section (it would print a blank page)") {
  doc::Document d;
  doc::Table wide;
  wide.wide = true;
  wide.rows = {{doc::Cell{"指标"}}, {doc::Cell{"A11"}}};
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(wide);
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Heading{1, "附件2-2"});
  std::string html = ToHtml(d);
  CHECK(html.find("</section>\n<div class=\"pagebreak\">") == std::string::npos);
  CHECK(html.find("<div class=\"pagebreak\"></div>\n<section class=\"wide\">") !=
        std::string::npos);
}

}  // namespace jixiao::render

namespace jixiao::render {

// Issue 19: typed text never becomes Markdown structure (docs/templates.md).
TEST_CASE("Markdown: typed text stays text, the document's blocks stay structure") {
  doc::Document d;
  d.blocks.push_back(doc::Heading{1, "标题 #"});
  for (const char* typed : {"# 伪造一级标题", "- 伪造列表项", "+ 伪造", "1. 伪造编号", "12) 伪造",
                            "| 伪造 | 表格 |", "===", "    缩进代码", "[链接](http://e.example)",
                            "*强调* _下划_ ~~删除~~ `代码`", "<b>粗体</b> &amp;"}) {
    doc::Paragraph p;
    p.runs = {{typed, false}};
    d.blocks.push_back(p);
  }
  doc::List list;
  list.items = {{{"- 嵌套", false}}};
  d.blocks.push_back(list);
  std::string md = ToMarkdown(d);
  CHECK(md.find("# 标题 \\#\n") != std::string::npos);  // no closing sequence eaten
  CHECK(md.find("\n\\# 伪造一级标题\n") != std::string::npos);
  CHECK(md.find("\n\\- 伪造列表项\n") != std::string::npos);
  CHECK(md.find("\n\\+ 伪造\n") != std::string::npos);
  CHECK(md.find("\n1\\. 伪造编号\n") != std::string::npos);
  CHECK(md.find("\n12\\) 伪造\n") != std::string::npos);
  CHECK(md.find("\n\\| 伪造 | 表格 |\n") != std::string::npos);
  CHECK(md.find("\n\\===\n") != std::string::npos);
  CHECK(md.find("\n缩进代码\n") != std::string::npos);
  CHECK(md.find("\\[链接\\](http://e.example)") != std::string::npos);
  CHECK(md.find("\\*强调\\* \\_下划\\_ \\~\\~删除\\~\\~ \\`代码\\`") != std::string::npos);
  CHECK(md.find("\\<b\\>粗体\\</b\\> \\&amp;") != std::string::npos);
  CHECK(md.find("- \\- 嵌套\n") != std::string::npos);  // the list item, not a nested list
}

TEST_CASE("Markdown: numbers and plain text are left alone") {
  doc::Document d;
  doc::Paragraph p;
  p.runs = {{"1.总目标：2024年完成100.00%，图1-2。", false}};
  d.blocks.push_back(p);
  CHECK(ToMarkdown(d) == "1.总目标：2024年完成100.00%，图1-2。\n\n");
}

TEST_CASE("Markdown: a picture path cannot end its link") {
  doc::Document d;
  doc::Image image;
  image.source = "images/a) b.png";
  image.png = "x";
  d.blocks.push_back(image);
  CHECK(ToMarkdown(d).find("](images/a%29%20b.png)") != std::string::npos);
}

}  // namespace jixiao::render
