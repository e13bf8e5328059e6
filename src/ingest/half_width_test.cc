// Full-width figures as Excel users type them (issue 21): read as ASCII with a notice, refused when
// ambiguous, and free text left alone.
#include "ingest/half_width.h"

#include <catch2/catch.hpp>

#include "ingest/csv.h"
#include "ingest/selfeval_reader.h"
#include "ingest/target_rows.h"

using jixiao::Diagnostics;
using jixiao::HalfWidthField;
using jixiao::ReadHalfWidth;
using jixiao::ReadTypedYear;
using jixiao::Severity;

TEST_CASE("full-width digits, percent, point and signs read as ASCII", "[half_width]") {
  CHECK(ReadHalfWidth("１３").text == "13");
  CHECK(ReadHalfWidth("１３").changed);
  CHECK(ReadHalfWidth("９８．５％").text == "98.5%");
  CHECK(ReadHalfWidth("目标值≥９８％").text == "目标值≥98%");
  CHECK(ReadHalfWidth("－３．５").text == "-3.5");
  CHECK(ReadHalfWidth("＋２").text == "+2");
  CHECK(ReadHalfWidth("＜＝５").text == "<=5");
  CHECK(ReadHalfWidth("２／３").text == "2/3");
}

TEST_CASE("a full-width comma between groups of three is a thousands separator", "[half_width]") {
  auto r = ReadHalfWidth("３２，５６８人次");
  CHECK(r.error.empty());
  CHECK(r.text == "32,568人次");
  CHECK(ReadHalfWidth("1，234，567.5元").text == "1,234,567.5元");
  CHECK(ReadHalfWidth("1，234，567.5元").changed);
}

TEST_CASE("an ambiguous full-width comma is an error, not a guess", "[half_width]") {
  for (const char* typed :
       {"１，５", "1，5", "１２３４，５６７", "1，23", "1.5，000", "１，２３４５"}) {
    INFO(typed);
    auto r = ReadHalfWidth(typed);
    CHECK_FALSE(r.error.empty());
    CHECK(r.error.find("，") != std::string::npos);  // says which mark is in doubt
  }
}

TEST_CASE("ASCII text and Chinese punctuation outside figures are kept as typed", "[half_width]") {
  auto plain = ReadHalfWidth("32,568人次");
  CHECK(plain.text == "32,568人次");
  CHECK_FALSE(plain.changed);
  // "，" after a figure and before words is punctuation, not a separator.
  auto sentence = ReadHalfWidth("完成32568人次，较上年增长");
  CHECK(sentence.text == "完成32568人次，较上年增长");
  CHECK_FALSE(sentence.changed);
  CHECK(sentence.error.empty());
  // Full-width brackets and letters are not figures: kept.
  CHECK(ReadHalfWidth("（按１２９元/人执行）").text == "（按129元/人执行）");
}

TEST_CASE("years typed as ２０２６, 2026年 or ２０２６年度 read as 2026", "[half_width]") {
  CHECK(ReadTypedYear("２０２６年度").text == "2026");
  CHECK(ReadTypedYear("２０２６年度").changed);
  CHECK(ReadTypedYear(" 2026年 ").text == "2026");
  CHECK(ReadTypedYear("2026").text == "2026");
  CHECK_FALSE(ReadTypedYear("2026").changed);
  CHECK(ReadTypedYear("明年").text == "明年");  // not a year: left for the caller to refuse
}

TEST_CASE("HalfWidthField says what it read, at the field, and refuses ambiguity", "[half_width]") {
  Diagnostics diags;
  auto read = HalfWidthField("３２，５６８人次", {"book.xlsx", 0, 0, "评价结论!E5"}, diags);
  REQUIRE(read);
  CHECK(*read == "32,568人次");
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::kInfo);
  CHECK(diags.items()[0].where.path == "评价结论!E5");
  CHECK(diags.items()[0].message.find("已按半角读取“３２，５６８人次”") != std::string::npos);
  CHECK(diags.items()[0].message.find("32,568人次") != std::string::npos);

  Diagnostics quiet;
  CHECK(HalfWidthField("98%", {"f", 0, 0, "x"}, quiet) == std::optional<std::string>("98%"));
  CHECK(quiet.items().empty());

  Diagnostics bad;
  CHECK_FALSE(HalfWidthField("１，５", {"f", 3, 0, ""}, bad));
  REQUIRE(bad.items().size() == 1);
  CHECK(bad.items()[0].severity == Severity::kError);
}

TEST_CASE("CSV tables and a case's targets.csv read full-width figures with a 提示 at the line",
          "[half_width]") {
  jixiao::CsvTable t =
      jixiao::ParseCsv("budget.csv", "金额(元),数量\n\"３２，５６８．５\",１２\n\"１，５\",3\n");
  Diagnostics diags;
  jixiao::CsvCells cells(t, diags);
  auto amount = cells.Amount(t.rows[0], t.Column("金额"), true);
  REQUIRE(amount);
  CHECK(amount->fen == 3256850);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].severity == Severity::kInfo);
  CHECK(diags.items()[0].where.line == 2);
  CHECK_FALSE(cells.Amount(t.rows[1], t.Column("金额"), true));
  CHECK(diags.items().back().code == "input.half_width_ambiguous");
  CHECK(diags.items().back().where.line == 3);

  jixiao::CsvTable targets =
      jixiao::ParseCsv("targets.csv",
                       "一级,二级,三级,指标值,实际值\n产出指标,数量,受益人次,≥３２，０００人次,"
                       "\"３２，５６８人次\"\n");
  Diagnostics notes;
  jixiao::CsvCells target_cells(targets, notes);
  jixiao::Table<jixiao::TargetRow> rows;
  jixiao::ReadTargetRows(targets, target_cells, rows, false);
  REQUIRE(rows.rows.size() == 1);
  CHECK(rows.rows[0].value == "≥32,000人次");
  CHECK(rows.rows[0].actual == "32,568人次");
  CHECK(notes.items().size() == 2);
  CHECK_FALSE(notes.HasErrors());
}

TEST_CASE("a 自评表 得分 typed １３ is read and printed as 13", "[half_width]") {
  jixiao::PrintedNumber n = jixiao::ReadPrintedNumber("１３", {"form.csv", 4, 7, ""}, false);
  CHECK(n.error.empty());
  CHECK(n.text == "13");
  REQUIRE(n.value);
  CHECK(*n.value == jixiao::Rational(13));
  CHECK_FALSE(jixiao::ReadPrintedNumber("１，５", {"form.csv", 5, 7, ""}, false).error.empty());
}

TEST_CASE(
    "a 自评表's 指标值 and 实际完成值 are read half-width with a 提示 at the cell; prose with a "
    "comma it cannot read stays as typed",
    "[half_width]") {
  jixiao::SelfEvalCsvInput in;
  in.form_csv =
      "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因\n"
      "产出指标,数量指标,购买标准试剂,≥２０个,２２个,10,10,\n"
      "产出指标,数量指标,校舍维修,≥2栋,\"完成1，2号楼\",10,10,\n";
  Diagnostics diags;
  const jixiao::SelfEvaluation form = jixiao::ReadSelfEvalCsv(in, "万元", diags);
  REQUIRE(form.rows.size() == 2);
  CHECK(form.rows[0].target.text == "≥20个");
  CHECK(form.rows[0].actual.text == "22个");
  CHECK(form.rows[1].actual.text == "完成1，2号楼");
  int notices = 0;
  for (const auto& d : diags.items()) {
    CHECK(d.severity != Severity::kError);
    if (d.code == "input.half_width") {
      ++notices;
      CHECK(d.where.line == 2);
    }
  }
  CHECK(notices == 2);
}
