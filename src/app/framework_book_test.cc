// Round trip of every shipped framework through the framework workbook (issue 21, trial 5 item 1):
// indicators/*.json → FrameworkWorkbook → .xlsx → ReadFrameworkWorkbook equals LoadFramework; and
// an edited workbook's errors are located at sheet!cell with nothing loaded.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "casefile/framework_sheet.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "ingest/framework_loader.h"
#include "ingest/framework_workbook.h"
#include "ingest/json.h"
#include "render/render.h"

namespace jixiao {
namespace {

std::string RuleText(const Rule& r) {
  std::string t = std::string(RuleTypeName(r.type)) + "|" + r.metric + "|" +
                  (r.absolute ? (*r.absolute ? "abs" : "signed") : "-") + "|";
  for (const auto& l : r.levels) t += l.label + "=" + l.fraction.ToString() + ";";
  for (const auto& e : r.elements) t += e.text + "=" + e.points.ToString() + ";";
  t += "|" + r.target.ToString() + "|" + std::to_string(static_cast<int>(r.direction)) + "|";
  for (const auto& b : r.bands)
    t +=
        std::string(CompareOpSymbol(b.op)) + b.value.ToString() + ":" + b.fraction.ToString() + ";";
  t += "|" + r.full_at.ToString() + "|" + r.per.ToString() + "|" + r.deduct.ToString() + "|" +
       std::to_string(static_cast<int>(r.steps)) + "|" + r.target_name + "|" + r.source + "|" +
       (r.per_item ? r.per_item->ToString() : "-") + "|" +
       (r.per_day ? r.per_day->ToString() : "-") + "|" + (r.partly ? r.partly->ToString() : "-") +
       "|" + (r.national_bands ? "national" : "");
  return t;
}

std::string Dump(const Framework& fw) {
  std::string t = fw.id + "\n" + fw.title + "\n" + std::to_string(fw.total.hundredths) + "\n" +
                  (fw.whole_points_down ? "whole_down" : "0.01") +
                  (fw.not_applicable_within_level1 ? " within_level1" : " rescale") + "\n";
  for (const auto& b : fw.basis) t += "basis " + b + "\n";
  for (const auto& g : fw.grades)
    t += "grade " + g.label + " " + std::to_string(g.min.hundredths) + "\n";
  for (const auto& m : fw.metrics)
    t += "metric " + m.name + "|" + m.unit + "|" + m.description + (m.is_signed ? "|signed" : "") +
         "\n";
  fw.ForEach([&](const Indicator& n) {
    t += std::to_string(n.level) + " " + n.code + " " + n.name + " " +
         std::to_string(n.weight.hundredths) + "\n  " + n.explanation + "\n  " + n.criteria +
         "\n  " + (n.rule ? RuleText(*n.rule) : "no rule") + "\n";
  });
  return t;
}

std::string Source() { return JIXIAO_SOURCE_DIR; }

std::string WorkbookFile(const std::string& json_file) {
  Diagnostics diags;
  auto text = ReadFileBytes(json_file);
  REQUIRE(text);
  auto book = FrameworkWorkbook(json_file, *text, diags);
  REQUIRE(book);
  return render::ToXlsxFile(*book);
}

TEST_CASE("every shipped framework survives the framework workbook unchanged") {
  int frameworks = 0;
  for (const auto& entry : std::filesystem::directory_iterator(Source() + "/indicators")) {
    std::string file = entry.path().string();
    if (entry.path().extension() != ".json" ||
        entry.path().filename().string().rfind("selfeval-", 0) == 0)
      continue;
    Diagnostics original_diags;
    auto original = LoadFramework(file, original_diags);
    if (!original) continue;  // not a framework
    ++frameworks;
    INFO(file);
    std::string xlsx = WorkbookFile(file);
    Diagnostics diags;
    auto back = ReadFrameworkWorkbook(xlsx, "指标体系表.xlsx", diags);
    for (const auto& d : diags.items()) UNSCOPED_INFO(d.ToString());
    REQUIRE(back);
    CHECK(Dump(*back) == Dump(*original));
    std::filesystem::remove(xlsx);
  }
  CHECK(frameworks >= 2);
}

// Writes the template of national-2020, then lets `edit` change the parsed cells before reading.
std::optional<Framework> Edited(const std::function<void(XlsxWorkbook&)>& edit,
                                Diagnostics& diags) {
  std::string xlsx = WorkbookFile(Source() + "/indicators/national-2020.json");
  XlsxWorkbook book = ReadXlsxFile(xlsx);
  std::filesystem::remove(xlsx);
  book.file = "体系表.xlsx";
  edit(book);
  return FrameworkFromWorkbook(book, diags);
}

XlsxSheet& Rows(XlsxWorkbook& book) {
  for (auto& s : book.sheets)
    if (s.name == fwbook::kRowsSheet) return s;
  FAIL("no 指标 sheet");
  return book.sheets[0];
}

TEST_CASE("framework workbook problems are located at sheet!cell and load nothing") {
  SECTION("a formula is refused at its cell") {
    Diagnostics diags;
    auto fw = Edited(
        [](XlsxWorkbook& b) {
          XlsxCell& c = Rows(b).cells[{3, fwbook::kWeight}];
          c.formula = true;
        },
        diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items()[0].where.path == "指标!F3");
    CHECK(diags.items()[0].message.find("公式") != std::string::npos);
  }
  SECTION("an unknown 评分方法 names its cell and the known ones") {
    Diagnostics diags;
    auto fw = Edited(
        [](XlsxWorkbook& b) {
          XlsxCell& c = Rows(b).cells[{4, fwbook::kMethod}];
          c.type = XlsxCell::Type::kText, c.text = "随便打分";
        },
        diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items()[0].where.path == "指标!G4");
    CHECK(diags.items()[0].message.find("分档评分") != std::string::npos);
  }
  SECTION("parameters that are not an object are refused at 评分参数") {
    Diagnostics diags;
    auto fw = Edited(
        [](XlsxWorkbook& b) {
          XlsxCell& c = Rows(b).cells[{5, fwbook::kParams}];
          c.type = XlsxCell::Type::kText, c.text = "elements: 3";
          Rows(b).cells[{5, fwbook::kMethod}] = {XlsxCell::Type::kText, "要素评分"};
        },
        diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items()[0].where.path == "指标!H5");
  }
  SECTION("a weight that breaks the sum is reported by the JSON checks at the parent's cell") {
    Diagnostics diags;
    std::string xlsx = WorkbookFile(Source() + "/indicators/national-2020.json");
    XlsxWorkbook book = ReadXlsxFile(xlsx);
    std::filesystem::remove(xlsx);
    XlsxCell& w = Rows(book).cells[{4, fwbook::kWeight}];  // A11, 3 points
    REQUIRE(w.type == XlsxCell::Type::kNumber);
    w.text = "4";
    book.file = "体系表.xlsx";
    CHECK_FALSE(FrameworkFromWorkbook(book, diags));
    REQUIRE(diags.HasErrors());
    // A1 项目立项 (row 3) is 6 points; its children now sum to 7: named at the parent's 编码.
    CHECK(diags.items()[0].where.path == "指标!A3");
    CHECK(diags.items()[0].message.find("A1") != std::string::npos);
  }
  SECTION("a weight typed as words is refused at its 分值 cell") {
    Diagnostics diags;
    auto fw = Edited(
        [](XlsxWorkbook& b) {
          Rows(b).cells[{4, fwbook::kWeight}] = {XlsxCell::Type::kText, "三分"};
        },
        diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    bool at_cell = false;
    for (const auto& d : diags.items()) at_cell |= d.where.path == "指标!F4";
    CHECK(at_cell);
  }
  SECTION("a huge sheet is refused before it is read row by row") {
    Diagnostics diags;
    auto fw = Edited([](XlsxWorkbook& b) { Rows(b).max_row = 1000000; }, diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items()[0].message.find("过大") != std::string::npos);
  }
  SECTION("a missing sheet is named") {
    Diagnostics diags;
    auto fw = Edited([](XlsxWorkbook& b) { b.sheets.pop_back(); }, diags);
    CHECK_FALSE(fw);
    REQUIRE(diags.HasErrors());
    CHECK(diags.items()[0].message.find("指标") != std::string::npos);
  }
}

TEST_CASE("an edited weight read from a real file is located at its cell") {
  // Sum broken in the file itself: the loader's weight-sum error is mapped back to a 指标 cell.
  std::string xlsx = WorkbookFile(Source() + "/indicators/national-2020.json");
  XlsxWorkbook book = ReadXlsxFile(xlsx);
  std::filesystem::remove(xlsx);
  CHECK(book.Find(fwbook::kRowsSheet)->At(4, fwbook::kWeight).text == "3");
  CHECK(book.Find(fwbook::kRowsSheet)->At(4, fwbook::kMethod).text == "扣分制");
  CHECK(book.Find(fwbook::kInfoSheet)->At(2, 2).text == "national-2020");
}

}  // namespace
}  // namespace jixiao
