// The 自评表 CSV reader: columns by their real names, merged 一级 cells, template and 不适用 rows,
// 万元/元 budget amounts to the fen, funding sources summed, located errors.
#include "ingest/selfeval_reader.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

SelfEvalCsvInput Input(const std::string& form, const std::string& budget = "") {
  SelfEvalCsvInput in;
  in.name = "上传表";
  in.form_csv = form;
  if (!budget.empty()) in.budget_csv = budget;
  return in;
}

const char kHeader[] =
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\n";

}  // namespace

TEST_CASE("selfeval reader: rows as printed, merged 一级, template and 不适用 rows, located") {
  std::string form = std::string("\xEF\xBB\xBF") + kHeader +
                     "产出指标,数量指标,新建道路,≧266米,280米,10,10,\n"
                     ",,指标2：,,,,,\n"
                     ",质量指标,验收合格率,90%以上,95%,10分,10,\n"
                     "效益指标,经济效益指标,增收,≥5万元,不适用,10,不适用,\n";
  Diagnostics d;
  SelfEvaluation f = ReadSelfEvalCsv(Input(form), "万元", d);
  CHECK_FALSE(d.HasErrors());
  REQUIRE(f.rows.size() == 4);
  CHECK(f.rows[0].parsed_target.value.op == CompareOp::kGe);
  CHECK(f.rows[0].parsed_target.value.number == Rational(266));
  CHECK(f.rows[0].actual.where.ToString() == "上传表/form.csv:2:5 列“实际完成值”");
  CHECK(f.rows[1].template_row);
  CHECK(f.rows[1].level1.text == "产出指标");  // merged cell continued
  CHECK(f.rows[2].level2.text == "质量指标");
  CHECK(*f.rows[2].weight.value == Rational(10));  // "10分"
  CHECK(f.rows[2].parsed_target.value.op == CompareOp::kGe);
  CHECK(f.rows[3].not_applicable);
  CHECK(f.rows[3].reason.where.path == "列“偏差原因分析及改进措施”");
}

TEST_CASE("selfeval reader: budget in 万元 or 元 to the fen; funding sources summed; GB18030") {
  std::string budget =
      "资金来源,年初预算数(元),全年预算数(元),全年执行数(元),分值,执行率,得分\n"
      "财政拨款,100000.00,120000.00,100000.00,,,\n"
      "其他资金,0,30000.00,20000.00,,,\n";
  Diagnostics d;
  SelfEvaluation f = ReadSelfEvalCsv(Input(kHeader, budget), "万元", d);
  INFO((d.items().empty() ? "" : d.items().front().ToString()));
  CHECK_FALSE(d.HasErrors());
  REQUIRE(f.budget.present);
  REQUIRE(f.budget.sources.size() == 2);
  CHECK(f.budget.full_year.value->fen == 15000000);
  CHECK(f.budget.executed.value->fen == 12000000);
  std::string wan = "全年预算数,全年执行数,分值,执行率,得分\n251.89,251.89,10,100.00%,10\n";
  Diagnostics d2;
  SelfEvaluation g = ReadSelfEvalCsv(Input(kHeader, wan), "万元", d2);
  CHECK(g.budget.full_year.value->fen == 251890000);  // 万元 from the rule set
  CHECK(*g.budget.rate.value == Rational(100));
  // GB18030 bytes for “产出指标” decode through the one CSV reader.
  std::string gb =
      "\xD2\xBB\xBC\xB6\xD6\xB8\xB1\xEA,\xC8\xFD\xBC\xB6\xD6\xB8\xB1\xEA,"
      "\xC4\xEA\xB6\xC8\xD6\xB8\xB1\xEA\xD6\xB5,\xCA\xB5\xBC\xCA\xCD\xEA\xB3\xC9\xD6\xB5,"
      "\xB5\xC3\xB7\xD6\n\xB2\xFA\xB3\xF6\xD6\xB8\xB1\xEA,A,1,1,1\n";
  Diagnostics d3;
  SelfEvaluation h = ReadSelfEvalCsv(Input(gb), "万元", d3);
  REQUIRE(h.rows.size() == 1);
  CHECK(h.rows[0].level1.text == "产出指标");
}

TEST_CASE("selfeval reader: missing columns and unreadable figures are located errors") {
  Diagnostics d;
  ReadSelfEvalCsv(Input("一级指标,三级指标,分值\n产出指标,A,10\n"), "万元", d);
  REQUIRE(d.HasErrors());
  CHECK(d.items()[0].ToString().find("上传表/form.csv:1") != std::string::npos);
  CHECK(d.items()[0].message.find("“年度指标值”") != std::string::npos);
  Diagnostics bad;
  auto f = ReadSelfEvalCsv(Input(std::string(kHeader) + "产出指标,数量,A,≥1个,1个,十分,10,\n"),
                           "万元", bad);
  REQUIRE(bad.HasErrors());
  CHECK(bad.items()[0].where.column == 6);
  CHECK_FALSE(f.rows[0].weight.value);
  CHECK_FALSE(f.rows[0].weight.error.empty());
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("selfeval reader: 云南 split 指标性质/指标值/度量单位 and a 权重 column") {
  std::string form =
      "一级指标,二级指标,三级指标,指标性质,指标值,度量单位,实际完成值,权重,得分,偏差原因\n"
      "产出指标,数量指标,受益学生人数,≥,1200,人,1180,20,19.67,部分学生转学\n";
  SelfEvalCsvInput in;
  in.name = "云南";
  in.form_csv = form;
  Diagnostics d;
  SelfEvaluation f = ReadSelfEvalCsv(in, "元", d);
  CHECK_FALSE(d.HasErrors());
  REQUIRE(f.rows.size() == 1);
  CHECK(f.rows[0].nature.text == "≥");
  CHECK(f.rows[0].target_unit.text == "人");
  CHECK(f.rows[0].parsed_target.value.unit == "人");
  CHECK(f.rows[0].parsed_target.value.op == CompareOp::kGe);
  CHECK_FALSE(f.rows[0].parsed_target.bare_read_as_ge);  // the comparator was in 指标性质
  CHECK(f.rows[0].parsed_actual.unit == "人");           // the bare 1180 takes the split unit
  CHECK(*f.rows[0].weight.value == Rational(20));
}

TEST_CASE("selfeval reader: the small ﹦ in 指标性质 is the comparator (丽江 自评表)") {
  SelfEvalCsvInput in;
  in.name = "丽江";
  in.form_csv =
      "一级指标,二级指标,三级指标,指标性质,指标值,度量单位,实际完成值,分值,得分\n"
      "产出指标,质量指标,项目验收合格率,﹦,100,%,100,20,19\n";
  Diagnostics d;
  SelfEvaluation f = ReadSelfEvalCsv(in, "元", d);
  REQUIRE(f.rows.size() == 1);
  CHECK(f.rows[0].parsed_target.value.op == CompareOp::kEq);
  CHECK_FALSE(f.rows[0].parsed_target.bare_read_as_ge);
}

TEST_CASE("selfeval reader: a 得分 that is no number gets an example of a score") {
  // Issue 21: “如 99.2%、1,568.99万元” was the example under 得分.
  const PrintedNumber score = ReadPrintedNumber("五分", {"form.csv", 14, 7, ""}, false);
  CHECK(score.error.find("“五分”不是有效数值") == 0);
  CHECK(score.error.find("万元") == std::string::npos);
  CHECK(score.error.find("如 8.5") != std::string::npos);
  const PrintedNumber rate = ReadPrintedNumber("较高", {"form.csv", 3, 4, ""}, true);
  CHECK(rate.error.find("万元") == std::string::npos);
  CHECK(rate.error.find("80.4%") != std::string::npos);
}

}  // namespace jixiao
