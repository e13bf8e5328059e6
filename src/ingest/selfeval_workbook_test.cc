// The 自评表 workbook reader on the five layouts (tests/selfeval-xlsx/make_fixtures.py builds each
// from a corpus form, with merged headers and names): the layout is told from the headers, and the
// form, budget and summary read back cell for cell as the corpus CSV folder, each value located.
#include "ingest/selfeval_workbook.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

std::string Source(const std::string& path) { return std::string(JIXIAO_SOURCE_DIR) + "/" + path; }

std::vector<std::vector<std::string>> Cells(const CsvTable& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : t.rows) out.push_back(r.cells);
  return out;
}

std::string NoUnit(const std::string& header) {
  size_t at = header.find('(');
  return at == std::string::npos ? header : header.substr(0, at);
}

SelfEvalWorkbook Load(const std::string& name) {
  SelfEvalWorkbook wb;
  Diagnostics diags;
  REQUIRE(LoadSelfEvalWorkbook(Source("tests/selfeval-xlsx/" + name), wb, diags));
  CHECK(diags.items().empty());
  return wb;
}

struct Case {
  const char* xlsx;
  const char* folder;
  SelfEvalLayout layout;
  const char* unit;
};

TEST_CASE("every layout reads back as the corpus CSV folder it was built from") {
  const Case cases[] = {
      {"national.xlsx", "03-anhui-tianchang-flood-control-2022", SelfEvalLayout::kNational, "万元"},
      {"sichuan-xianjie.xlsx", "01-sichuan-zhongjiang-water-gauge-2022",
       SelfEvalLayout::kSichuanXianjie, "万元"},
      {"yunnan-public.xlsx", "02-yunnan-yongde-nutrition-2022", SelfEvalLayout::kYunnanPublic,
       "元"},
      {"hubei.xlsx", "04-hubei-huanggang-soil-monitoring-2020", SelfEvalLayout::kHubei, "万元"},
      {"sichuan-2023.xlsx", "05-sichuan-qingshen-salary-2023", SelfEvalLayout::kSichuan2023,
       "万元"},
  };
  for (const auto& c : cases) {
    SECTION(c.xlsx) {
      SelfEvalWorkbook wb = Load(c.xlsx);
      const std::string dir = Source(std::string("tests/selfeval-corpus/") + c.folder + "/");
      CsvTable form = ReadCsvFile(dir + "form.csv");
      CsvTable budget = ReadCsvFile(dir + "budget.csv");
      CsvTable summary = ReadCsvFile(dir + "summary.csv");
      CHECK(LayoutName(wb.layout) == LayoutName(c.layout));
      CHECK(wb.money_unit == c.unit);
      CHECK(wb.form.header == form.header);
      CHECK(Cells(wb.form) == Cells(form));
      CHECK(Cells(wb.summary) == Cells(summary));
      // The workbook's budget table adds a 资金来源 column: the 总额 row first (as budget.csv's
      // one row), then the 其中 rows by funding source the form prints. A budget.csv that keeps
      // the 其中 rows itself (05) is compared by column name: the total row whole, the source
      // rows' names and amounts (their printed “/” 分值 and 执行率 are not read).
      if (budget.Column("资金来源").present()) {
        REQUIRE(wb.budget.rows.size() == budget.rows.size());
        for (size_t r = 0; r < budget.rows.size(); ++r)
          for (size_t i = 0; i < budget.header.size(); ++i) {
            const std::string& name = budget.header[i];
            if (r > 0 && name != "资金来源" && name.find("预算") == std::string::npos &&
                name.find("执行数") == std::string::npos)
              continue;
            size_t at = 0;
            while (at < wb.budget.header.size() && NoUnit(wb.budget.header[at]) != name) ++at;
            REQUIRE(at < wb.budget.header.size());
            INFO(name << " row " << r);
            CHECK(wb.budget.rows[r].cells[at] == budget.rows[r].cells[i]);
          }
        continue;
      }
      REQUIRE(wb.budget.header.size() == budget.header.size() + 1);
      for (size_t i = 0; i < budget.header.size(); ++i)
        CHECK(NoUnit(wb.budget.header[i]) == budget.header[i]);
      CHECK(wb.budget.header.back() == "资金来源");
      REQUIRE_FALSE(wb.budget.rows.empty());
      std::vector<std::string> total = wb.budget.rows.front().cells;
      CHECK(total.back() == "总额");
      total.pop_back();
      CHECK(std::vector<std::vector<std::string>>{total} == Cells(budget));
    }
  }
}

TEST_CASE("values are located as sheet!cell") {
  SelfEvalWorkbook yn = Load("yunnan-public.xlsx");
  CHECK(yn.sheet == "公开14表");
  // 资金到位及时率 is the third indicator row, on sheet row 16 (two header rows end on row 13).
  REQUIRE(yn.form.rows.size() >= 3);
  CHECK(yn.form.rows[2].line == 16);
  CHECK(yn.form.rows[2].cells[2] == "资金到位及时率");
  CHECK(yn.CellOf("form", 16, "得分") == "公开14表!I16");
  CHECK(yn.CellOf("form", 16, "年度指标值") == "公开14表!E16");  // the 指标值 of the split
  CHECK(yn.CellOf("budget", 6, "全年预算数") == "公开14表!F6");
  CHECK(yn.CellOf("summary", 24, "总分") == "公开14表!I24");
  CHECK(yn.CellOf("summary", 24, "等级") == "公开14表!J24");
  CHECK(yn.CellOf("form", 99, "得分").empty());
  SelfEvalWorkbook national = Load("national.xlsx");
  REQUIRE_FALSE(national.form.rows.empty());
  CHECK(national.form.rows.front().line == 13);
  CHECK(national.CellOf("form", 13, "三级指标") == "项目支出绩效自评表!D13");
}

TEST_CASE("block points and the 湖北 goal blocks are kept beside the CSV columns") {
  SelfEvalWorkbook national = Load("national.xlsx");
  CHECK(national.block_points["产出指标"] == "50");
  CHECK(national.block_points["效益指标"] == "30");
  CHECK(national.block_points["满意度指标"] == "10");
  CHECK(national.goal_blocks.empty());
  SelfEvalWorkbook hubei = Load("hubei.xlsx");
  REQUIRE(hubei.goal_blocks.size() == 2);
  CHECK(hubei.goal_blocks[0].name == "年度绩效目标1");
  CHECK(hubei.goal_blocks[0].points == "40");
  CHECK((hubei.goal_blocks[0].first_line == 8 && hubei.goal_blocks[0].last_line == 11));
  CHECK(hubei.goal_blocks[1].name == "年度绩效目标2");
  CHECK((hubei.goal_blocks[1].first_line == 13 && hubei.goal_blocks[1].last_line == 16));
  // The budget's 20 points come from its 得分（20分*执行率） header: the form has no 分值 column.
  REQUIRE_FALSE(hubei.budget.rows.empty());
  CHECK(hubei.budget.rows[0].cells[3] == "20");
}

TEST_CASE("a workbook without an indicator header is a located error") {
  SelfEvalWorkbook wb;
  Diagnostics diags;
  CHECK_FALSE(LoadSelfEvalWorkbook(Source("tests/xlsx/basic.xlsx"), wb, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "selfeval.xlsx_header");
  CHECK(diags.items()[0].message.find("三级指标") != std::string::npos);
  Diagnostics missing;
  CHECK_FALSE(LoadSelfEvalWorkbook(Source("tests/selfeval-xlsx/no-such.xlsx"), wb, missing));
  CHECK_FALSE(missing.items().empty());
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

TEST_CASE("a sheet naming far-away cells is read without walking the grid") {
  // huge-row.xlsx / huge-column.xlsx hold a cell at row 1,048,576 or column XFD: a reader that
  // walked rows × columns would not finish; this one visits the cells that exist.
  for (const char* name : {"huge-row.xlsx", "huge-column.xlsx"}) {
    SelfEvalWorkbook wb;
    Diagnostics diags;
    CHECK_FALSE(LoadSelfEvalWorkbook(Source(std::string("tests/xlsx/") + name), wb, diags));
    CHECK_FALSE(diags.items().empty());
  }
}

}  // namespace

TEST_CASE("四川 2023: the budget split by funding source reaches the model, each cell located") {
  SelfEvalWorkbook wb = Load("sichuan-2023.xlsx");
  // Below the 项目基本情况 block (rows 5–7): 总额 on sheet row 9, then 其中：财政资金,
  // 财政专户管理资金, 单位资金, 其他资金 on rows 10–13.
  REQUIRE(wb.budget.rows.size() == 5);
  CHECK(wb.budget.rows[1].cells.back() == "其中：财政资金");
  CHECK(wb.budget.rows[4].cells.back() == "其他资金");
  CHECK(wb.CellOf("budget", 10, "全年预算数") == "510000_0013zp!D10");
  CHECK(wb.CellOf("budget", 10, "资金来源") == "510000_0013zp!B10");
  Diagnostics diags;
  SelfEvaluation form = ReadSelfEvalCsv(SelfEvalWorkbookInput(wb), wb.money_unit, diags);
  std::string first = diags.items().empty() ? "" : diags.items().front().message;
  INFO(first);
  CHECK(diags.ErrorCount() == 0);
  // The 总额 row is the budget; the sources sit beside it.
  REQUIRE(form.budget.full_year.value);
  CHECK(form.budget.full_year.value->fen == 251890000);  // 251.89万元
  REQUIRE(form.budget.sources.size() == 4);
  CHECK(form.budget.sources[0].name.text == "其中：财政资金");
  REQUIRE(form.budget.sources[0].executed.value);
  CHECK(form.budget.sources[0].executed.value->fen == 251890000);
  REQUIRE(form.budget.sources[1].full_year.value);
  CHECK(form.budget.sources[1].full_year.value->fen == 0);
  CHECK_FALSE(form.budget.sources[3].full_year.value);  // 其他资金 printed blank
  // The national form's 其中 rows are read the same way: 本年财政拨款 880, then two blank rows.
  SelfEvalWorkbook national = Load("national.xlsx");
  REQUIRE(national.budget.rows.size() == 4);
  CHECK(national.budget.rows[1].cells[1] == "880");
  CHECK(national.budget.rows[2].cells.back() == "上年结转资金");
}

TEST_CASE("a national form in 元 reads its amounts in 元, the separator and the 其中 rows") {
  // Form 07 (上海普陀 2022) as published: 项目资金（元）, 215,457.6 with a thousands separator.
  SelfEvalWorkbook wb = Load("national-yuan.xlsx");
  CHECK(LayoutName(wb.layout) == LayoutName(SelfEvalLayout::kNational));
  CHECK(wb.money_unit == "元");
  Diagnostics diags;
  SelfEvaluation form = ReadSelfEvalCsv(SelfEvalWorkbookInput(wb), wb.money_unit, diags);
  CHECK(diags.ErrorCount() == 0);
  CHECK(form.budget.money_unit == "元");
  REQUIRE(form.budget.executed.value);
  CHECK(form.budget.executed.value->fen == 21545760);  // 215,457.60元
  REQUIRE(form.budget.sources.size() == 3);
  CHECK(form.budget.sources[0].name.text == "其中:当年财政拨款");
  REQUIRE(form.budget.sources[0].executed.value);
  CHECK(form.budget.sources[0].executed.value->fen == 21545760);
  CHECK(wb.CellOf("budget", 7, "全年执行数") == "Sheet1!F7");
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("the 四川 2023 项目年度目标 / 年度目标完成情况 block reads as project.csv's goal") {
  SelfEvalWorkbook wb = Load("sichuan-2023.xlsx");
  CsvTable project =
      ReadCsvFile(Source("tests/selfeval-corpus/05-sichuan-qingshen-salary-2023/project.csv"));
  auto field = [](const CsvTable& t, const std::string& key) {
    for (const auto& r : t.rows)
      if (r.cells.size() > 1 && r.cells[0] == key) return r.cells[1];
    return std::string("(none)");
  };
  for (const char* key : {"总体目标", "实际完成情况"}) {
    INFO(key);
    CHECK(field(project, key) != "(none)");
    CHECK(field(wb.project, key) == field(project, key));
  }
}

}  // namespace jixiao
