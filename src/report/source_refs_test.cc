// Data-source notes name a table the reader can find (表号 and title), or are left out.
#include "report/source_refs.h"

#include <catch2/catch.hpp>

namespace jixiao::report {

TEST_CASE("a source note names the numbered table, or goes when the report has no such table") {
  doc::Document d;
  doc::Table budget;
  budget.number = "表1-3-2";
  budget.caption = "项目预算安排及支出情况表（单位：元）";
  doc::Paragraph p;
  p.runs = {
      {"经核查，预算执行率为100.00%（数据来源：" + SourceRef("budget_execution") + "）。", false}};
  doc::Paragraph q;
  q.runs = {{"经核查，资金到位率为100.00%（数据来源：" + SourceRef("funding") + "）。", false}};
  d.blocks = {budget, p, q};
  ResolveSourceRefs(d, {{"budget_execution", budget.caption}});
  CHECK(doc::PlainText(std::get<doc::Paragraph>(d.blocks[1]).runs) ==
        "经核查，预算执行率为100.00%（详见表1-3-2 项目预算安排及支出情况表）。");
  CHECK(doc::PlainText(std::get<doc::Paragraph>(d.blocks[2]).runs) ==
        "经核查，资金到位率为100.00%。");
}

TEST_CASE("case files map to the table that prints them; other files to none") {
  CHECK(TableKeyOf("data/cases/x/budget.csv") == "budget_execution");
  CHECK(TableKeyOf("data/cases/x/targets.csv") == "targets");
  CHECK(TableKeyOf("data/cases/x/survey/responses.csv") == "survey_metrics");
  CHECK(TableKeyOf("2025年7月中旬随机抽样问卷调查").empty());
}

}  // namespace jixiao::report
