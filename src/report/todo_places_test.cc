// The retrial's N4 (issue 21): a 【待补充】 marker left in the drafted 经验 is named once for each
// 经验 that holds it, at that 经验 (not at 项目信息), although the report prints each 经验 twice
// (摘要's 主要绩效 and 主要经验及做法); a marker in a narrative section is named at that section.
#include <catch2/catch.hpp>

#include "report/section_drafts.h"

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

TEST_CASE("each 【待补充】 marker is named once, where its text is written") {
  const std::string how = "【待补充：取得这些结果的具体做法】";
  Case c;
  c.experiences = {{"项目产出得29.5分", "通过" + how + "，完成了目标。", {}},
                   {"项目效益得25分", "依靠" + how + "。", {}}};
  c.narrative["background"] = "背景一段。【待补充：立项文件】";
  doc::Document d;
  d.blocks = {Head("摘要", 1),
              Para("项目产出得29.5分：通过" + how + "，完成了目标。"),
              Para("项目效益得25分：依靠" + how + "。"),
              Head("一、项目概况", 1),
              Head("（一）立项背景", 2),
              Para("背景一段。【待补充：立项文件】"),
              Head("四、经验、问题和建议", 1),
              Para("项目产出得29.5分：通过" + how + "，完成了目标。"),
              Para("项目效益得25分：依靠" + how + "。")};
  Diagnostics diags;
  FillBareSections(d, "case", "报告", diags, &c);
  std::vector<std::string> paths;
  for (const auto& item : diags.items())
    if (item.code == kTodoCode) paths.push_back(item.where.path);
  REQUIRE(paths.size() == 3);
  CHECK(paths[0] == "$.experiences[0].text");
  CHECK(paths[1] == "$.experiences[1].text");
  CHECK(paths[2] == "$.narrative.background");
}

TEST_CASE("a marker no text of the case holds is named once, at the case") {
  doc::Document d;
  d.blocks = {Head("摘要", 1), Para("【待补充：模板里的】"), Para("【待补充：模板里的】")};
  Diagnostics diags;
  Case c;
  FillBareSections(d, "case", "报告", diags, &c);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].where.path.empty());
}

}  // namespace jixiao::report
