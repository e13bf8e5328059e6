// Issue 21: the entry workbook's 说明 sheet names the project and the framework as a person reads
// them (not hex ids), keeps the ids import needs in a hidden column, and tells a browser user to
// upload it on the evaluation's page instead of running jixiao import.
#include <catch2/catch.hpp>

#include "casefile/entry_layout.h"
#include "casefile/entry_workbook.h"
#include "ingest/case_loader.h"
#include "ingest/framework_loader.h"

namespace {

std::string GuideText(const jixiao::doc::Workbook& book) {
  std::string all;
  for (const auto& [at, cell] : book.sheets.front().cells) all += cell.text + "\n";
  return all;
}

}  // namespace

TEST_CASE("the 说明 sheet shows the project's and the framework's names, ids hidden") {
  jixiao::Diagnostics diags;
  const std::string root = JIXIAO_SOURCE_DIR;
  auto c = jixiao::LoadCase(root + "/data/cases/maqiao-2024", diags);
  auto fw = jixiao::LoadFramework(root + "/indicators/town-medical-aid-2024.json", diags);
  REQUIRE(c);
  REQUIRE(fw);
  c->id = "5f3a9c0e12ab";  // a case as serve names it
  for (auto reader : {jixiao::EntryBookFor::kCommandLine, jixiao::EntryBookFor::kBrowser}) {
    const auto book = jixiao::BuildEntryWorkbook(*fw, *c, {}, reader);
    const auto& guide = book.sheets.front();
    REQUIRE(guide.name == jixiao::entry::kGuide);
    REQUIRE(guide.At(2, 1));
    CHECK(guide.At(2, 1)->text == c->project.name);
    REQUIRE(guide.At(3, 1));
    CHECK(guide.At(3, 1)->text == fw->title);
    CHECK(fw->title.find("指标体系") != std::string::npos);
    // The ids are kept for import, in a column the reader does not see.
    REQUIRE(guide.At(2, 2));
    CHECK(guide.At(2, 2)->text == "5f3a9c0e12ab");
    REQUIRE(guide.At(3, 2));
    CHECK(guide.At(3, 2)->text == fw->id);
    CHECK(guide.hidden_columns == std::vector<int>{2});
  }
  const std::string browser =
      GuideText(jixiao::BuildEntryWorkbook(*fw, *c, {}, jixiao::EntryBookFor::kBrowser));
  CHECK(browser.find("jixiao import") == std::string::npos);
  CHECK(browser.find("上传并评分") != std::string::npos);
  CHECK(browser.find("第二步 上传填好的工作簿") != std::string::npos);
  CHECK(browser.find("docs/") == std::string::npos);
  CHECK(browser.find("survey/") == std::string::npos);  // no folder names for a browser user
  const std::string cli = GuideText(jixiao::BuildEntryWorkbook(*fw, *c, {}));
  CHECK(cli.find("jixiao import") != std::string::npos);
}

// Trial 5 item 14: a metric computed from a table names that table (and what 计划成本 is read
// from) in the 评价结论 sheet's rule column, not “由数据表计算”.
TEST_CASE("the rule column names the table a computed metric comes from") {
  CHECK(jixiao::entry::SheetOfFile("budget.csv") == jixiao::entry::kBudget);
  CHECK(jixiao::entry::SheetOfFile("transfers.csv") == jixiao::entry::kTransfers);
  CHECK(jixiao::entry::SheetOfFile("case.json").empty());
  jixiao::Diagnostics diags;
  const std::string root = JIXIAO_SOURCE_DIR;
  auto c = jixiao::LoadCase(root + "/data/cases/maqiao-2024", diags);
  auto fw = jixiao::LoadFramework(root + "/indicators/town-medical-aid-2024.json", diags);
  REQUIRE(c);
  REQUIRE(fw);
  const auto book = jixiao::BuildEntryWorkbook(*fw, *c, {}, jixiao::EntryBookFor::kBrowser);
  std::string c41, b11;
  for (const auto& sheet : book.sheets)
    if (sheet.name == jixiao::entry::kFindings)
      for (const auto& [at, cell] : sheet.cells) {
        const jixiao::doc::WCell* code = sheet.At(at.first, 0);
        if (at.second == 3 && code && code->text == "C41") c41 = cell.text;
        if (at.second == 3 && code && code->text == "B11") b11 = cell.text;
      }
  CHECK(c41.find("由“预算执行”表计算") != std::string::npos);
  CHECK(c41.find("计划成本取调整后预算") != std::string::npos);
  CHECK(b11.find("由“资金到位”表计算") != std::string::npos);
  CHECK(c41.find("由数据表计算") == std::string::npos);
}
