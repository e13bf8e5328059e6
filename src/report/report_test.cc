// Heading and table numbering by chapter and section; Chinese numerals.
#include <catch2/catch.hpp>

#include "report/builder.h"
#include "report/report_input.h"
#include "report/tables.h"

namespace jixiao::report {

TEST_CASE("headings are numbered 一、/（一）/1.; tables by chapter and section; appendix 附表") {
  doc::Document d;
  d.blocks = {doc::Heading{1, "摘要 {-}"},
              doc::Heading{1, "项目概况"},
              doc::Heading{2, "背景"},
              doc::Heading{2, "预算"},
              doc::Heading{3, "支出"},
              doc::Table{},
              doc::Table{},
              doc::Heading{1, "评价结论"},
              doc::Table{},
              doc::Heading{1, "附件 {-}"},
              doc::Table{}};
  NumberDocument(d);
  CHECK(std::get<doc::Heading>(d.blocks[0]).text == "摘要");
  CHECK(std::get<doc::Heading>(d.blocks[1]).text == "一、项目概况");
  CHECK(std::get<doc::Heading>(d.blocks[3]).text == "（二）预算");
  CHECK(std::get<doc::Heading>(d.blocks[4]).text == "1.支出");
  CHECK(std::get<doc::Table>(d.blocks[5]).number == "表1-2-1");
  CHECK(std::get<doc::Table>(d.blocks[6]).number == "表1-2-2");
  CHECK(std::get<doc::Table>(d.blocks[8]).number == "表2-1");
  CHECK(std::get<doc::Table>(d.blocks[10]).number == "附表1");
}

TEST_CASE("Chinese numerals") {
  CHECK(ChineseNumber(4) == "四");
  CHECK(ChineseNumber(10) == "十");
  CHECK(ChineseNumber(12) == "十二");
  CHECK(ChineseNumber(21) == "二十一");
}

TEST_CASE("绩效目标 完成情况: a target missed but partly scored is 部分完成") {
  Framework framework;
  Case c;
  Scorecard card;
  IndicatorResult timely;
  timely.leaf = true;
  timely.name = "救助资金发放及时性";
  timely.weight = {500};
  timely.score = {300};
  IndicatorResult none = timely;
  none.name = "沟通协调有效性";
  none.score = {0};
  card.indicators = {timely, none};
  ReportInput in{framework, c, card};
  TargetRow row{"产出目标", "时效", "救助资金发放及时性", "及时", "不够及时", "工作计划"};
  CHECK(TargetStatus(in, row) == "部分完成");
  row.level3 = "沟通协调有效性";
  CHECK(TargetStatus(in, row) == "未完成");
  row.actual = "及时";
  CHECK(TargetStatus(in, row) == "已完成");
  row = {"效果目标", "影响力", "无对应指标", "有效", "部分有效", "工作计划"};
  CHECK(TargetStatus(in, row) == "部分完成");
  row.actual = "无效";
  CHECK(TargetStatus(in, row) == "未完成");
}

TEST_CASE("附件1: a 三级 leaf spans the 四级 column it leaves empty; a 四级 leaf keeps its own") {
  auto node = [](const std::string& code, const std::string& name, int level) {
    Indicator n;
    n.code = code;
    n.name = name;
    n.level = level;
    n.weight = {300};
    return n;
  };
  Indicator a = node("A", "决策", 1), a1 = node("A1", "项目立项", 2),
            a12 = node("A12", "制度健全性", 3);
  a12.children = {node("A121", "财务管理制度健全性", 4)};
  a1.children = {node("A11", "立项依据充分性", 3), a12};
  a.children = {a1};
  Framework framework;
  framework.indicators = {a};
  Case c;
  Scorecard card;
  ReportInput in{framework, c, card};
  doc::Table t = ScoringSheetTable(in);
  REQUIRE(t.rows.size() == 4);  // header, A11, A121, 合计
  CHECK(t.rows[0][3].text == "四级指标");
  const doc::Cell& a11 = t.rows[1][2];
  CHECK(a11.text == "A11 立项依据充分性");
  CHECK(a11.col_span == 2);
  CHECK(t.rows[1][3].covered);
  CHECK(t.rows[2][2].text == "A12 制度健全性");
  CHECK(t.rows[2][2].col_span == 1);
  CHECK(t.rows[2][3].text == "A121 财务管理制度健全性");
  CHECK_FALSE(t.rows[2][3].covered);
}

}  // namespace jixiao::report
