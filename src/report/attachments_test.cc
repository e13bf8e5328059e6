#include "report/attachments.h"

#include <catch2/catch.hpp>

using namespace jixiao;
using namespace jixiao::report;

namespace {

Attachment File(const std::string& number, const std::string& title, bool external,
                const std::string& text = "") {
  Attachment a;
  a.number = number;
  a.title = title;
  a.external = external;
  a.extension = external ? ".pdf" : ".md";
  a.text = text;
  return a;
}

std::vector<std::string> Level1(const doc::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (auto* h = std::get_if<doc::Heading>(&b); h && h->level == 1) out.push_back(h->text);
  return out;
}

std::string NumberOf(const Case& c, const std::string& key) {
  for (const auto& g : GeneratedAttachments(c))
    if (g.key == key) return g.number;
  return "absent";
}

}  // namespace

TEST_CASE("the attachment list is written as 公文 do: 附件：1.… aligned lines, 另附 marked") {
  Case c;
  c.attachments = {File("2-1", "访谈情况分析报告", false), File("6-1", "关于筹集资金的通知", true)};
  auto items = AttachmentListItems(
      c, {{"scoring", "指标体系及评分表", "1"}, {"survey", "问卷调查汇总分析报告", "2-2"}});
  REQUIRE(items.size() == 4);
  CHECK(items[0] == "附件：1.指标体系及评分表");
  CHECK(items[1] == "　　　2-1.访谈情况分析报告");
  CHECK(items[2] == "　　　2-2.问卷调查汇总分析报告");
  CHECK(items[3] == "　　　6-1.关于筹集资金的通知（另附）");
  // A lone attachment is listed as 公文 list one: without a number.
  CHECK(AttachmentListItems(Case{}, GeneratedAttachments(Case{})) ==
        std::vector<std::string>{"附件：指标体系及评分表"});
  CHECK(AttachmentListItems(Case{}, {}).empty());
}

TEST_CASE("once any attachment is numbered, the unreferenced 评分表 takes the first free number") {
  Case c;
  c.attachments = {File("2-2", "问卷调查汇总分析报告", false)};
  CHECK(NumberOf(c, "scoring") == "1");
  c.attachments = {File("1", "访谈情况分析报告", false), File("2-1", "通知", true)};
  CHECK(NumberOf(c, "scoring") == "3");  // 1 is taken, 2 heads 2-1
  c.narrative["a"] = "评分见附件4：绩效评价指标体系及评分表。";
  CHECK(NumberOf(c, "scoring") == "4");  // a reference numbers it otherwise
  c.survey.present = true;               // the unreferenced survey report is numbered too
  CHECK(NumberOf(c, "survey") == "3");   // 1 and 4 taken, 2 heads 2-1
}

TEST_CASE("generated attachments take their numbers from the references that name them") {
  Case c;
  c.narrative["process"] = "随机发放问卷。（见附件2-2：问卷调查汇总分析报告）\n";
  CHECK(NumberOf(c, "survey") == "absent");  // no survey data: nothing generated
  CHECK(NumberOf(c, "scoring") == "");       // always generated, unnumbered unless cited
  c.survey.present = true;
  CHECK(NumberOf(c, "survey") == "2-2");
  c.findings["A1"].analysis = "评分详见附件1：绩效评价指标体系及评分表。";
  CHECK(NumberOf(c, "scoring") == "1");
  CHECK(AttachmentListItems(c, GeneratedAttachments(c)) ==
        std::vector<std::string>{"附件：1.指标体系及评分表", "　　　2-2.问卷调查汇总分析报告"});
  // A file that takes 2-2 is the attachment; the generated report takes the next free number
  // (1 is the 评分表's, 2 heads 2-2).
  c.attachments = {File("2-2", "问卷调查汇总分析报告", false)};
  CHECK(NumberOf(c, "survey") == "3");
  // A reference without its title does not number it.
  Case d;
  d.survey.present = true;
  d.narrative["process"] = "（见附件2-2）";
  CHECK(NumberOf(d, "survey") == "");
}

TEST_CASE("attachment sections: page break, heading, text one level down, numbered 一、") {
  Case c;
  c.attachments = {File("2-1", "访谈情况分析报告", false, "# 访谈对象\n\n受理中心工作人员。\n"),
                   File("6-1", "通知", true)};
  doc::Document d;
  AppendAttachmentSections(c, d, [](doc::Image&, const std::string&) {});
  REQUIRE(d.blocks.size() == 4);
  CHECK(std::holds_alternative<doc::PageBreak>(d.blocks[0]));
  CHECK(std::get<doc::Heading>(d.blocks[1]).text == "附件2-1：访谈情况分析报告 {-}");
  CHECK(std::get<doc::Heading>(d.blocks[2]).level == 2);
  CHECK(std::get<doc::Heading>(d.blocks[2]).text == "一、访谈对象 {-}");
  CHECK(std::holds_alternative<doc::Paragraph>(d.blocks[3]));
  // Headings the text numbers itself are kept as written; lower ones are not numbered.
  c.attachments = {File("2", "访谈", false, "# 一、对象\n\n## 说明\n\n# 二、结果\n")};
  d.blocks.clear();
  AppendAttachmentSections(c, d, [](doc::Image&, const std::string&) {});
  REQUIRE(d.blocks.size() == 5);
  CHECK(std::get<doc::Heading>(d.blocks[2]).text == "一、对象 {-}");
  CHECK(std::get<doc::Heading>(d.blocks[3]).text == "说明 {-}");
  CHECK(std::get<doc::Heading>(d.blocks[4]).text == "二、结果 {-}");
}

TEST_CASE("numbered attachment chapters are put in number order where the first stood") {
  doc::Document d;
  d.blocks = {doc::Heading{1, "五、建议"},
              doc::PageBreak{},
              doc::Heading{1, "附件 {-}"},
              doc::Paragraph{},
              doc::PageBreak{},
              doc::Heading{1, "附件2-2：问卷调查汇总分析报告 {-}"},
              doc::Heading{2, "调查概况 {-}"},
              doc::PageBreak{},
              doc::Heading{1, "附件2-1：访谈情况分析报告 {-}"},
              doc::Paragraph{}};
  std::vector<bool> tags(d.blocks.size(), false);
  tags[9] = true;  // the paragraph of 2-1 moves with it
  OrderAttachmentChapters(d, tags);
  CHECK(Level1(d) == std::vector<std::string>{"五、建议", "附件 {-}",
                                              "附件2-1：访谈情况分析报告 {-}",
                                              "附件2-2：问卷调查汇总分析报告 {-}"});
  REQUIRE(d.blocks.size() == 10);
  CHECK(std::holds_alternative<doc::PageBreak>(d.blocks[4]));
  CHECK(std::get<doc::Heading>(d.blocks[5]).text == "附件2-1：访谈情况分析报告 {-}");
  CHECK(tags[6]);
  CHECK(std::holds_alternative<doc::PageBreak>(d.blocks[7]));
  CHECK(std::get<doc::Heading>(d.blocks[9]).text == "调查概况 {-}");
}

TEST_CASE(
    "an attachment's own sub-headings stay out of the TOC; the unnumbered 附件 keeps its title") {
  doc::Document d;
  d.blocks = {doc::Heading{1, "五、建议"},          doc::Heading{2, "（一）建议一"},
              doc::Heading{1, "附件 {-}"},          doc::Heading{2, "指标体系及评分表 {-}"},
              doc::Heading{1, "附件2-2：问卷 {-}"}, doc::Heading{2, "调查概况 {-}"},
              doc::Heading{3, "说明 {-}"}};
  KeepAttachmentSubheadingsOutOfToc(d);
  std::vector<bool> listed;
  for (const auto& b : d.blocks) listed.push_back(doc::ListedInToc(d, std::get<doc::Heading>(b)));
  CHECK(listed == std::vector<bool>{true, true, true, true, true, false, false});
}

TEST_CASE("附件 are printed without a gap; the texts' references follow") {
  Case c;
  c.narrative["process"] =
      "问卷调查（见附件2-2：问卷调查汇总分析报告）；通知详见附件６－１；底稿见附件10。";
  c.attachments = {File("2-2", "问卷调查汇总分析报告", false, "结果见附件10。"),
                   File("6-1", "关于资金结算的通知", true), File("10", "评价工作底稿目录", false)};
  auto map = GaplessAttachmentNumbers(c);
  // The 评分表 takes the first free whole number (1): 1, 2-2, 6-1, 10 → 1, 2, 3, 4.
  CHECK(map.at("1") == "1");
  CHECK(map.at("2-2") == "2");
  CHECK(map.at("6-1") == "3");
  CHECK(map.at("10") == "4");
  Case printed = WithGaplessAttachmentNumbers(c);
  CHECK(printed.narrative.at("process") ==
        "问卷调查（见附件2：问卷调查汇总分析报告）；通知详见附件3；底稿见附件4。");
  CHECK(printed.attachments[0].number == "2");
  CHECK(printed.attachments[0].text == "结果见附件4。");
  CHECK(printed.attachments[1].number == "3");
  // Parts of one group stay parts, numbered from 1; a case without a gap is left as it is.
  Case parts;
  parts.attachments = {File("1", "指标体系及评分表", false), File("2-2", "访谈", false),
                       File("2-3", "问卷", false)};
  CHECK(GaplessAttachmentNumbers(parts).at("2-2") == "2-1");
  CHECK(GaplessAttachmentNumbers(parts).at("2-3") == "2-2");
  Case whole;
  whole.narrative["x"] = "见附件2：访谈。";
  whole.attachments = {File("2", "访谈", false)};
  CHECK(WithGaplessAttachmentNumbers(whole).narrative.at("x") == "见附件2：访谈。");
}
