// The 核验清单 promises 生成初稿 only for sections it drafts (browser trial 2, item 10): a
// section the data can tell (评价对象、范围, 项目预算及支出情况) says “或点‘生成初稿’”, one only
// the evaluator can write (立项背景) does not.
#include <catch2/catch.hpp>

#include "casefile/scaffold.h"
#include "document/document.h"
#include "report/builder.h"
#include "report/section_drafts.h"
#include "web/entry_places.h"

namespace jixiao::web {

TEST_CASE("the checklist promises 生成初稿 only where it drafts") {
  auto message = [](const std::string& key) {
    return EntryMessage("报告“X”一节没有内容：请撰写 narrative/" + key +
                        ".md 并在 case.json 的这一项登记；定稿（report --final）前须补齐");
  };
  int promised = 0, not_promised = 0;
  for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir())) {
    if (heading.empty()) continue;
    bool promises = message(key).find("生成初稿") != std::string::npos;
    CHECK(promises == report::DraftableSection(key));
    (promises ? promised : not_promised)++;
  }
  CHECK(promised >= 5);      // scope, evaluation_basis, intro, budget_basis, goals …
  CHECK(not_promised >= 3);  // background, purpose, organization …
  CHECK(report::DraftableSection("budget_basis"));
  CHECK(!report::DraftableSection("background"));
  CHECK(
      EntryMessage("报告“引言”一节没有内容，已印出【待补充：引言】：请在 case.json 的这一项中撰写")
          .find("生成初稿") == std::string::npos);
}

TEST_CASE("the checklist's 主要绩效 says it is written as 主要经验及做法") {
  doc::Document d;
  doc::Paragraph lead;
  doc::Run bold{"● 主要绩效"};
  bold.bold = true;  // a short bold run-in heading, as the summary template prints it
  lead.runs = {bold};
  d.blocks = {lead, doc::Heading{1, "四、主要经验及做法"}};
  Diagnostics diags;
  report::FillBareSections(d, "case", "报告", diags);
  REQUIRE(diags.items().size() == 2);
  std::string first = EntryMessage(diags.items()[0].message);
  CHECK(first.find("主要经验及做法”取自同一组经验") != std::string::npos);
  CHECK(first.find("生成初稿") != std::string::npos);  // 经验 are drafted
}

}  // namespace jixiao::web
