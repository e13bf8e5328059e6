#include "model/attachment.h"

#include <catch2/catch.hpp>

using namespace jixiao;

TEST_CASE("attachment file names give number, title and kind") {
  auto a = ParseAttachmentFileName("附件2-1 访谈情况分析报告.md");
  REQUIRE(a);
  CHECK(a->number == "2-1");
  CHECK(a->title == "访谈情况分析报告");
  CHECK(a->extension == ".md");
  auto b = ParseAttachmentFileName("附件６－１、关于筹集资金的通知.PDF");  // full-width, 、
  REQUIRE(b);
  CHECK(b->number == "6-1");
  CHECK(b->title == "关于筹集资金的通知");
  CHECK(b->extension == ".pdf");
  auto c = ParseAttachmentFileName("附件3：政策文件.docx");
  REQUIRE(c);
  CHECK(c->number == "3");
  auto d = ParseAttachmentFileName("附件一 访谈提纲.md");
  REQUIRE(d);
  CHECK(d->number == "1");
  CHECK(ParseAttachmentFileName("附件2-1访谈情况分析报告.md")->title == "访谈情况分析报告");
  CHECK(ParseAttachmentFileName("附件 3 政策文件.pdf")->number == "3");
  CHECK(ParseAttachmentFileName("附件1-访谈报告.md")->title == "访谈报告");
  CHECK(ParseAttachmentFileName("附件1.访谈报告.md")->title == "访谈报告");
  CHECK_FALSE(ParseAttachmentFileName("附件2.1 访谈报告.md"));  // 2.1 is not a number form
  // No number, no title, no extension: not an attachment name.
  CHECK_FALSE(ParseAttachmentFileName("访谈情况分析报告.md"));
  CHECK_FALSE(ParseAttachmentFileName("附件 访谈情况分析报告.md"));
  CHECK_FALSE(ParseAttachmentFileName("附件2-1.md"));
  CHECK_FALSE(ParseAttachmentFileName("附件2-1 访谈"));
  CHECK(IsExternalAttachmentExtension(".pdf"));
  CHECK_FALSE(IsExternalAttachmentExtension(".md"));
  CHECK_FALSE(IsExternalAttachmentExtension(".exe"));
}

TEST_CASE("references in text: every 附件N with its line and title") {
  // As published: “(详见附件 6-2 和附件 6-3)”, “(见附件2-2:问卷调查汇总分析报告)”.
  std::string text =
      "印发了《关于医疗救助资金结算通知书》（详见附件 6-2 和附件6-3），明确……\n\n"
      "随机发放问卷。（见附件2-2：问卷调查汇总分析报告）\n"
      "并上传相关附件，确定后回到受理列表页面。连同附件一并报送。\n";
  auto refs = FindAttachmentReferences(text);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].number == "6-2");
  CHECK(refs[0].written == "附件 6-2");
  CHECK(refs[0].line == 1);
  CHECK(refs[0].title.empty());
  CHECK(refs[1].number == "6-3");
  CHECK(refs[2].number == "2-2");
  CHECK(refs[2].line == 3);
  CHECK(refs[2].title == "问卷调查汇总分析报告");
  CHECK(NamesSurveyReport(refs[2].title));
  CHECK_FALSE(NamesScoringSheet(refs[2].title));
  CHECK(NamesScoringSheet("绩效评价指标体系及评分表"));
  CHECK(FindAttachmentReferences("详见附件二。")[0].number == "2");
  CHECK(FindAttachmentReferences("见附件一览表，附件一式两份，附件十分完整。").empty());
  CHECK(FindAttachmentReferences("见附件十二：清单")[0].number == "12");
  CHECK(FindAttachmentReferences("附件2—1：访谈报告")[0].number == "2-1");
}

TEST_CASE("attachment numbers sort component by component") {
  CHECK(AttachmentNumberLess("2-1", "2-2"));
  CHECK(AttachmentNumberLess("2-2", "6-1"));
  CHECK(AttachmentNumberLess("6-3", "10"));
  CHECK(AttachmentNumberLess("2", "2-1"));
  CHECK_FALSE(AttachmentNumberLess("10-1", "9-2"));
}

TEST_CASE("references are respelled 附件6-1; Chinese numerals stay") {
  CHECK(CanonicalAttachmentReferences("（详见附件 6-2 和附件６－３），见附件2—1：访谈报告") ==
        "（详见附件6-2 和附件6-3），见附件2-1：访谈报告");
  CHECK(CanonicalAttachmentReferences("详见附件一。上传相关附件。") ==
        "详见附件一。上传相关附件。");
}
