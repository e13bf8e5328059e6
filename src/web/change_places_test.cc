// A version comparison's places as the pages name them: no case.json path, file name or JSON key
// reaches the page; places it does not know are kept as they are.
#include "web/change_places.h"

#include <catch2/catch.hpp>

using jixiao::web::ChangePlace;
using jixiao::web::NarrativeFileLabel;

TEST_CASE("version changes: case.json fields by page and column") {
  CHECK(ChangePlace("case.json findings.A11.analysis") == "“评价结论”页 A11 分析");
  CHECK(ChangePlace("case.json findings.A12.value") == "“评价结论”页 A12 业绩值");
  CHECK(ChangePlace("case.json findings.A12.met_elements[1]") == "“评价结论”页 A12 满足的要素");
  CHECK(ChangePlace("case.json findings.B22.deductions[0].reason") ==
        "“扣分明细”页 B22 扣分第1条 原因");
  CHECK(ChangePlace("case.json findings.B22.deductions[1].amount") ==
        "“扣分明细”页 B22 扣分第2条 扣分");
  CHECK(ChangePlace("case.json metrics.实际完成率.value") == "“指标数据”页 实际完成率 数值");
  CHECK(ChangePlace("case.json metrics.计划成本.source") == "“指标数据”页 计划成本 数据来源");
  CHECK(ChangePlace("case.json project.name") == "“项目信息”页 项目名称");
  CHECK(ChangePlace("case.json project.commissioner") == "“项目信息”页 委托部门");
  CHECK(ChangePlace("case.json problems[2].title") == "“经验、问题与建议”页“存在问题”第3条 标题");
  CHECK(ChangePlace("case.json experiences[0].indicators[1]") ==
        "“经验、问题与建议”页“主要经验及做法”第1条 相关指标");
}

TEST_CASE("version changes: CSV rows by sheet, narrative by heading, others kept") {
  CHECK(ChangePlace("budget.csv 第 3 行") == "“预算执行”页第3行");
  CHECK(ChangePlace("budget.csv 第 1 行") == "“预算执行”页表头");
  CHECK(ChangePlace("targets.csv 第 2 行") == "“绩效目标”页第2行");
  CHECK(ChangePlace("narrative/background.md 第 4 行") == "叙述“立项背景”第4行");
  CHECK(NarrativeFileLabel("background.md") == "叙述“立项背景”");
  CHECK(NarrativeFileLabel("第3行 三级指标") == "第3行 三级指标");
  CHECK(ChangePlace("survey/responses.csv 第 7 行") == "问卷答卷第7行");
  CHECK(ChangePlace("survey/questionnaire.json items[0]") == "问卷题目");
  CHECK(ChangePlace("images/fund-flow.png") == "图片 fund-flow.png");
  CHECK(ChangePlace("notes.txt 第 2 行") == "notes.txt 第 2 行");
}
