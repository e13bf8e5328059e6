// Block markup parsing and table merges.
#include "document/document.h"

#include <catch2/catch.hpp>

#include "document/markup.h"

namespace jixiao::doc {

TEST_CASE("markup: headings, paragraphs, bold, lists, directives") {
  Document d;
  std::vector<std::string> seen;
  ParseMarkup(
      "# 一级\n\n正文**加粗**。\n续行\n\n- 甲\n- 乙\n\n[[table:score_summary "
      "得分表]]\n[[pagebreak]]\n> 不缩进",
      [&](const std::string& name, const std::string& arg, Document&) {
        seen.push_back(name + "|" + arg);
      },
      d);
  REQUIRE(d.blocks.size() == 5);
  CHECK(std::get<Heading>(d.blocks[0]).text == "一级");
  const auto& p = std::get<Paragraph>(d.blocks[1]);
  REQUIRE(p.runs.size() == 3);
  CHECK(p.runs[1].bold);
  CHECK(p.runs[2].text == "。续行");
  CHECK(std::get<List>(d.blocks[2]).items.size() == 2);
  CHECK(std::holds_alternative<PageBreak>(d.blocks[3]));
  CHECK_FALSE(std::get<Paragraph>(d.blocks[4]).indent_first_line);
  CHECK(seen == std::vector<std::string>{"score_summary|得分表"});
}

TEST_CASE("markup: escaped values are never read as markup") {
  Document d;
  std::string value = EscapeValue("# 不是标题 **不是加粗** [[table:x]]\n- 不是列表");
  ParseMarkup(
      value, [](const std::string&, const std::string&, Document&) { FAIL("directive"); }, d);
  REQUIRE(d.blocks.size() == 1);
  const auto& p = std::get<Paragraph>(d.blocks[0]);
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].text == "# 不是标题 **不是加粗** [[table:x]] - 不是列表");
}

TEST_CASE("Table::Merge marks covered cells and keeps the origin's text") {
  Table t;
  t.rows = {{Cell{"a"}, Cell{"b"}}, {Cell{"c"}, Cell{"d"}}};
  t.Merge(0, 0, 2, 1);
  CHECK(t.rows[0][0].row_span == 2);
  CHECK(t.rows[1][0].covered);
  CHECK(t.rows[1][0].text == "a");
  CHECK_FALSE(t.rows[1][1].covered);
}

}  // namespace jixiao::doc

namespace jixiao::doc {

TEST_CASE("narrative pictures: ![图题](path), a typed number is dropped for the automatic one") {
  Document d;
  ParseMarkup(
      "具体流程见下图。\n\n![图1-6-1 资金拨付流程图](images/fund-flow.png)\n\n![流程](b.png)\n",
      [](const std::string&, const std::string&, Document&) {}, d);
  REQUIRE(d.blocks.size() == 3);
  const auto& first = std::get<Image>(d.blocks[1]);
  CHECK(first.caption == "资金拨付流程图");
  CHECK(first.source == "images/fund-flow.png");
  CHECK(std::get<Image>(d.blocks[2]).caption == "流程");
}

}  // namespace jixiao::doc

TEST_CASE("LeadsIn: run-in headings and lead-ins ending in a colon keep with what follows") {
  using jixiao::doc::LeadsIn;
  using jixiao::doc::Paragraph;
  Paragraph heading, lead, body, long_bold;
  heading.runs = {{"附件目录", true}};
  lead.runs = {{"具体得分情况如下：", false}};
  body.runs = {{"本项目预算执行率为100.00%。", false}};
  long_bold.runs = {{std::string(40 * 3, 'x'), true}};  // 120 characters
  CHECK(LeadsIn(heading));
  CHECK(LeadsIn(lead));
  CHECK_FALSE(LeadsIn(body));
  CHECK_FALSE(LeadsIn(long_bold));
  body.keep_with_next = true;  // a line of 附件：1.… 2.…
  CHECK(LeadsIn(body));
  // A circled-number label (②线下申请) stays with its first step, not alone at a page foot.
  Paragraph label, step;
  label.runs = {{"②线下申请", false}};
  step.runs = {
      {"①对象范围包括本市户籍的城乡低保家庭成员、特困供养人员等，按规定给予救助。", false}};
  CHECK(LeadsIn(label));
  CHECK_FALSE(LeadsIn(step));
}

TEST_CASE("DropEmptyColumns removes a column without data and shrinks merges across it") {
  jixiao::doc::Table t;
  t.header_rows = 1;
  auto cell = [](const std::string& text) {
    jixiao::doc::Cell c;
    c.text = text;
    return c;
  };
  t.rows = {{cell("项目"), cell("依据"), cell("金额"), cell("备注")},
            {cell("救助"), cell(""), cell("100.00"), cell("—")},
            {cell("帮困"), cell(""), cell("200.00"), cell("—")},
            {cell("合计"), cell(""), cell("300.00"), cell("—")}};
  t.widths = {2, 3, 2, 1};
  t.Merge(3, 0, 1, 2);  // 合计 spans 项目 and 依据
  t.DropEmptyColumns();
  REQUIRE(t.rows[0].size() == 2);  // 依据 (blank) and 备注 (only "—") go
  CHECK(t.rows[0][1].text == "金额");
  CHECK(t.rows[3][0].text == "合计");
  CHECK(t.rows[3][0].col_span == 1);
  CHECK(t.rows[3][1].text == "300.00");
  CHECK(t.widths == std::vector<int>{2, 2});
}

TEST_CASE("DropEmptyColumns keeps a column with data and a table that is all empty") {
  jixiao::doc::Table t;
  jixiao::doc::Cell head, blank, value;
  head.text = "依据";
  value.text = "沪医保规〔2022〕7号";
  t.rows = {{head, head}, {blank, value}, {blank, blank}};
  t.DropEmptyColumns();
  REQUIRE(t.rows[0].size() == 1);
  CHECK(t.rows[1][0].text == "沪医保规〔2022〕7号");
  jixiao::doc::Table empty;
  empty.rows = {{head}, {blank}};
  empty.DropEmptyColumns();
  CHECK(empty.rows[0].size() == 1);
}

TEST_CASE("LeadsIn: numbered run-in headings typed in narrative keep with what follows") {
  using jixiao::doc::LeadsIn;
  using jixiao::doc::Paragraph;
  auto plain = [](const std::string& text) {
    Paragraph p;
    p.runs = {{text, false}};
    return p;
  };
  CHECK(LeadsIn(plain("1.总目标")));
  CHECK(LeadsIn(plain("2.按实测算补贴餐次，提高预算编制的准确性")));
  CHECK(LeadsIn(plain("（五）项目绩效目标及实现情况")));
  CHECK(LeadsIn(plain("（2）资金到位情况")));
  CHECK(LeadsIn(plain("三、存在的问题")));
  CHECK(LeadsIn(plain("2．年度绩效目标")));
  CHECK_FALSE(LeadsIn(plain("1.全年上门送餐69,326单，完成年度目标。")));  // a sentence
  CHECK_FALSE(LeadsIn(plain("2.5万元用于采购设备")));                     // a number
  CHECK_FALSE(LeadsIn(plain("项目于2024年实施")));
  CHECK(LeadsIn(plain("B.申报表上传")));  // a lettered step: never alone at a page foot
  CHECK(LeadsIn(plain("C、审批")));
  CHECK_FALSE(LeadsIn(plain("A.申请。符合条件的救助对象首次办理，可以登录APP。")));
  CHECK_FALSE(LeadsIn(plain("A.B.C三项")));
}

TEST_CASE("a numbered run-in heading typed plain is set bold like its neighbours") {
  jixiao::doc::Document d;
  jixiao::doc::ParseMarkup(
      "1.总目标\n\n项目总目标为：完善医疗救助制度。\n\n（1）资金管理\n\n"
      "1.项目于2024年启动，共救助1,896人次。\n",
      [](const std::string&, const std::string&, jixiao::doc::Document&) {}, d);
  REQUIRE(d.blocks.size() == 4);
  auto bold = [&](size_t i) {
    const auto& p = std::get<jixiao::doc::Paragraph>(d.blocks[i]);
    for (const auto& r : p.runs)
      if (!r.bold) return false;
    return true;
  };
  CHECK(bold(0));
  CHECK_FALSE(bold(1));
  CHECK(bold(2));
  CHECK_FALSE(bold(3));  // a numbered sentence stays as typed
}
