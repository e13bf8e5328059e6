// Reading target rows as real tables write them (lenient) and as a case needs them (strict).
#include "ingest/target_rows.h"

#include <catch2/catch.hpp>

namespace jixiao {

namespace {
Table<TargetRow> Read(const std::string& text, bool lenient, Diagnostics& diags) {
  CsvTable csv = ParseCsv("t.csv", text);
  CsvCells cells(csv, diags);
  Table<TargetRow> t;
  ReadTargetRows(csv, cells, t, lenient);
  return t;
}
}  // namespace

TEST_CASE("lenient: blanks are kept for the checker, merged cells continue, header variants") {
  Diagnostics diags;
  auto t = Read(
      "一级指标,二级指标（长期）,指标值（长期）,二级指标（年度）,指标内容,指标值（年度）\n"
      "产出指标(50分),,,数量指标,发放人数,≥320(人)\n"
      ",,,,发放金额,\n"
      ",,,时效指标,发放时间,\"2025年12月31日前（待确认）\"\n",
      true, diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].level1 == "产出指标(50分)");
  CHECK(t.rows[1].level2 == "数量指标");
  CHECK(t.rows[1].value.empty());
  CHECK(t.rows[2].value == "2025年12月31日前");
  CHECK(t.rows[2].pending);  // the mark is kept as a status
  CHECK_FALSE(t.rows[1].pending);
  CHECK(t.rows[0].value == "≥320(人)");
}

TEST_CASE("lenient: 指标性质 holds the comparator or the type, 度量单位 the unit") {
  Diagnostics diags;
  auto t = Read(
      "一级指标,二级指标,三级指标,指标性质,指标值,度量单位\n"
      "效益指标,社会效益指标,维护社会稳定,≥,95,%\n"
      "产出指标,数量指标,村组干部人数,=,230,人\n"
      "产出指标,时效指标,发放时间,定性,按月发放,\n"
      "产出指标,质量指标,发放准确率,≥,≥95,%\n",
      true, diags);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].value == "≥95");
  CHECK(t.rows[0].unit == "%");
  CHECK(t.rows[1].value == "=230");
  CHECK(t.rows[2].value == "按月发放");
  CHECK(t.rows[2].value_type == "定性");
  CHECK(t.rows[3].value == "≥95");  // a comparator already written is not doubled
}

TEST_CASE("lenient: 指标性质 comparators as 云南 and other systems type them") {
  Diagnostics diags;
  auto t = Read(
      "一级指标,二级指标,三级指标,指标性质,指标值,度量单位\n"
      "产出指标,数量指标,受资助人数,≧,735,人次\n"
      "产出指标,质量指标,验收合格率,﹦,100,%\n"
      "产出指标,成本指标,补助标准达标率,═,100,%\n"
      "产出指标,时效指标,办结时限,≦,10,个工作日\n",
      true, diags);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].value == "≧735");
  CHECK(t.rows[1].value == "﹦100");
  CHECK(t.rows[2].value == "═100");
  CHECK(t.rows[3].value == "≦10");
}

TEST_CASE("lenient: a header without the indicator columns is one located error") {
  Diagnostics diags;
  Read("名称,金额\na,1\n", true, diags);
  CHECK(diags.HasErrors());
}

TEST_CASE("strict: a case's targets need 三级 and 指标值") {
  Diagnostics diags;
  auto t = Read("一级,二级,三级,指标值\n产出指标,数量指标,人数,\n", false, diags);
  CHECK(diags.HasErrors());
  CHECK(t.rows.empty());
}

TEST_CASE("lenient: the old 投入/产出 form's column names, and 指标方向 holding the comparator") {
  Diagnostics diags;
  auto old_form = Read(
      "绩效目标,评价指标,序号,绩效内容,绩效标准,全年绩效目标\n"
      "产出,数量目标,目标1,慰问困难职工,100%,≥150人\n",
      true, diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(old_form.rows.size() == 1);
  CHECK(old_form.rows[0].level1 == "产出");
  CHECK(old_form.rows[0].level2 == "数量目标");
  CHECK(old_form.rows[0].level3 == "慰问困难职工");
  CHECK(old_form.rows[0].value == "≥150人");
  auto directed = Read(
      "一级指标,二级指标,三级指标,指标性质,指标方向,目标值,计量单位\n"
      "产出指标,数量指标,回收网点数,正向,≥,12,个\n"
      "产出指标,成本指标,运营总成本,反向,,5,万元\n",
      true, diags);
  REQUIRE(directed.rows.size() == 2);
  auto computed = Read(
      "一级指标,二级指标,三级指标,计算符号,目标值,度量单位\n"
      "产出指标,数量指标,巡护里程(公里),≥,1200,公里\n",
      true, diags);
  REQUIRE(computed.rows.size() == 1);
  CHECK(computed.rows[0].value == "≥1200");
  CHECK(directed.rows[0].value == "≥12");
  CHECK(directed.rows[1].value == "5");
  // Issue 26 round 5 (扎赉特旗's export): the comparator in words — 大于等于, 小于等于, 等于.
  auto worded = Read(
      "一级指标,二级指标,三级指标,指标性质,指标方向,目标值,计量单位\n"
      "满意度指标,服务对象满意度,使用人员满意度,正向,大于等于,98,%\n"
      "产出指标,成本指标,车辆购置成本,反向,小于等于,12,万元\n"
      "产出指标,质量指标,设备验收合格率,正向,等于,100,%\n"
      "产出指标,时效指标,采购计划完成时间,定性,,11月底之前,\n",
      true, diags);
  REQUIRE(worded.rows.size() == 4);
  CHECK(worded.rows[0].value == "≥98");
  CHECK(worded.rows[1].value == "≤12");
  CHECK(worded.rows[2].value == "=100");
  CHECK(worded.rows[3].value == "11月底之前");
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("a unit written inside the 指标值 is split out; text, dates and bare numbers are not") {
  auto split = [](const std::string& v) {
    auto s = SplitTrailingUnit(v);
    return s ? s->first + "|" + s->second : std::string("none");
  };
  CHECK(split("≥30000人次") == "≥30000|人次");
  CHECK(split("≥3,000人") == "≥3,000|人");
  CHECK(split("≥320(人)") == "≥320|人");
  CHECK(split("100%") == "100|%");
  CHECK(split("≥98％") == "≥98|%");
  CHECK(split("≤200万元") == "≤200|万元");
  CHECK(split("≥12000平方米") == "≥12000|平方米");
  CHECK(split("2021年12月底前") == "none");
  CHECK(split("≤10个工作日内") == "none");
  CHECK(split("有所提升") == "none");
  CHECK(split("≥95") == "none");
  CHECK(split("") == "none");
}

// Issue 26, round 6 (南县 住房保障): the 指标值类型 column holds the comparator (≤ | 9.9 | 万元) or
// 定性, as 湖南's 项目绩效年度表 prints it.
TEST_CASE("lenient: 指标值类型 holding a comparator is the comparator, 定性 stays the type") {
  Diagnostics diags;
  auto t = Read(
      "一级指标,二级指标,三级指标,指标值类型,目标值,度量单位\n"
      "成本指标,经济成本指标,应交税费,≤,9.9,万元\n"
      "产出指标,数量指标,门面数量,=,9,间\n"
      ",质量指标,以合理的市场价出租,定性,保障,无\n"
      ",数量指标,出租次数,定量,≥2,次\n",
      true, diags);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].value == "≤9.9");
  CHECK(t.rows[0].value_type.empty());
  CHECK(t.rows[1].value == "=9");
  CHECK(t.rows[2].value == "保障");
  CHECK(t.rows[2].value_type == "定性");
  CHECK(t.rows[3].value == "≥2");
  CHECK(t.rows[3].value_type == "定量");
}

// Issue 26, round 6 (宁德 人才驿站): the 福建 form's header cell 评价内容 spans the 一级 and 二级
// columns, so the second header cell is blank; 绩效内容 is the 三级 and 绩效目标值 the value.
TEST_CASE("lenient: a header cell merged over 一级 and 二级 leaves the second blank") {
  Diagnostics diags;
  auto t = Read(
      "评价内容,,绩效内容,绩效目标值\n"
      "产出目标,数量目标,组织活动数量,>=28次\n"
      ",质量目标,政策知晓率,>=95%\n",
      true, diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].level1 == "产出目标");
  CHECK(t.rows[0].level2 == "数量目标");
  CHECK(t.rows[0].level3 == "组织活动数量");
  CHECK(t.rows[0].value == ">=28次");
  CHECK(t.rows[1].level1 == "产出目标");
  CHECK(t.rows[1].level2 == "质量目标");
  // A named 一级 column is not displaced by a blank one beside it.
  Diagnostics d2;
  auto u = Read("一级指标,,二级指标,三级指标,指标值\n产出指标,,数量指标,活动次数,≥2次\n", true, d2);
  REQUIRE(u.rows.size() == 1);
  CHECK(u.rows[0].level1 == "产出指标");
  CHECK(u.rows[0].level2 == "数量指标");
}

// Issue 26, round 7 (国家林业局's example): the older central form heads its columns 指标 |
// 指标内容 | 指标值, with no 二级 column; 指标 is then the 一级. With a 一级 or 二级 column
// present, a column called 指标 is not taken for it.
TEST_CASE("lenient: 指标 is the 一级 of the older central form without 二级") {
  Diagnostics diags;
  auto t = Read(
      "指标,指标内容,指标值\n"
      "产出指标,趋势会商会次数,1 次\n"
      ",测报准确率,85%\n",
      true, diags);
  CHECK_FALSE(diags.HasErrors());
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].level1 == "产出指标");
  CHECK(t.rows[0].level2.empty());
  CHECK(t.rows[0].level3 == "趋势会商会次数");
  CHECK(t.rows[1].level1 == "产出指标");
  Diagnostics d2;
  auto u =
      Read("指标,一级指标,二级指标,指标内容,指标值\n1,产出指标,数量指标,活动次数,≥2次\n", true, d2);
  REQUIRE(u.rows.size() == 1);
  CHECK(u.rows[0].level1 == "产出指标");
  Diagnostics d3;
  Read("指标,指标值\n产出指标,≥2次\n", true, d3);
  CHECK(d3.HasErrors());  // no 三级 column: still refused, 指标 is not taken for it
}

}  // namespace jixiao
