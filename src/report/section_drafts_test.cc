// FillBareSections: a bare heading gets 【待补充】 and a located warning; one left empty because
// its narrative repeated earlier text says so instead of "没有内容" (the evaluator did write it).
#include "report/section_drafts.h"

#include <catch2/catch.hpp>

namespace jixiao::report {
namespace {

doc::Paragraph Para(const std::string& text) {
  doc::Paragraph p;
  p.runs = {doc::Run{text}};
  return p;
}

doc::Heading Head(const std::string& text, int level) {
  doc::Heading h;
  h.text = text;
  h.level = level;
  return h;
}

}  // namespace

TEST_CASE(
    "a section emptied by a dropped repeat says the text repeated, not that none was written") {
  doc::Document d;
  d.blocks = {Head("一、项目概况", 1),
              Head("（一）立项背景", 2),
              Para("本节内容：同一段话。"),
              Head("（二）立项目的", 2),
              Para(std::string(kRepeatMark) + "本节内容：同一段话"),
              Head("（三）其他", 2),
              Para(std::string(kMissingMark) + "other")};
  Diagnostics diags;
  FillBareSections(d, "case", "报告", diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].message.find("立项目的") != std::string::npos);
  CHECK(diags.items()[0].message.find("重复") != std::string::npos);
  CHECK(diags.items()[0].message.find("没有内容") == std::string::npos);
  CHECK(diags.items()[1].message.find("其他”一节没有内容") != std::string::npos);
  CHECK(diags.items()[1].where.path == "$.narrative.other");
  int todos = 0;
  for (const auto& b : d.blocks)
    if (auto* p = std::get_if<doc::Paragraph>(&b)) {
      std::string text = doc::PlainText(p->runs);
      CHECK(text.find('\x01') == std::string::npos);  // no mark is left to print
      todos += text.rfind("【待补充：", 0) == 0;
    }
  CHECK(todos == 2);
}

TEST_CASE("a full-marks indicator asking for evidence is listed at its finding's analysis") {
  doc::Document d;
  d.blocks = {Head("（三）具体指标分析", 2),
              Para("（1）A11 立项依据充分性：【待补充：A11 立项依据充分性的核查情况（查阅的文件、"
                   "资料及逐项核查结论）】评分标准为：……。根据评分标准，不扣分。"),
              Para("【待补充：样本量】")};
  Diagnostics diags;
  FillBareSections(d, "case", "报告", diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].where.path == "$.findings.A11.analysis");
  CHECK(diags.items()[0].message.find("“A11 立项依据充分性”指标得满分") != std::string::npos);
  CHECK(diags.items()[1].where.path.empty());
}

}  // namespace jixiao::report
