// casefile: the exact weight split, exact decimals, CSV/JSON text, header units, and the atomic
// case-folder write (kept files, removed files, an abandoned write leaves the folder as it was).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "casefile/case_files.h"
#include "casefile/entry_layout.h"
#include "casefile/target_rows.h"
#include "casefile/targets_framework.h"
#include "core/text.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

int64_t Sum(const std::vector<Score>& parts) {
  int64_t total = 0;
  for (Score s : parts) total += s.hundredths;
  return total;
}

TEST_CASE("a weight splits into hundredths that sum to it, larger parts first") {
  auto ten = SplitWeight(Score{1000}, 3);
  REQUIRE(ten.size() == 3);
  CHECK(ten[0].hundredths == 334);
  CHECK(ten[1].hundredths == 333);
  CHECK(ten[2].hundredths == 333);
  auto tiny = SplitWeight(Score{5}, 3);  // 0.05 over 3: 0.02, 0.02, 0.01
  CHECK(tiny[0].hundredths == 2);
  CHECK(tiny[2].hundredths == 1);
  for (int64_t w : {1, 7, 100, 999, 3000})
    for (size_t n : {1u, 2u, 3u, 7u, 9u, 11u}) CHECK(Sum(SplitWeight(Score{w}, n)) == w);
  CHECK(SplitWeight(Score{800}, 2)[1].hundredths == 400);
  CHECK(SplitWeight(Score{100}, 0).empty());
}

TEST_CASE("placeholders are not usable target values") {
  CHECK(UsableTargetValue("≥90%"));
  CHECK(UsableTargetValue("及时"));
  CHECK_FALSE(UsableTargetValue(""));
  CHECK_FALSE(UsableTargetValue(" — "));
  CHECK_FALSE(UsableTargetValue("待定"));
}

TEST_CASE("exact decimals and money text") {
  CHECK(ExactDecimal(Rational(989, 10)) == "98.9");
  CHECK(ExactDecimal(Rational(-1, 8)) == "-0.125");
  CHECK(ExactDecimal(Rational(3)) == "3");
  CHECK(ExactDecimal(Rational(1, 3)) == "1/3");
  CHECK(MoneyText(Money{147174531}) == "1471745.31");
  CHECK(MoneyText(Money{-240000}) == "-2400");
  CHECK(MoneyText(Money{}) == "0");
}

TEST_CASE("CSV cells are quoted when they need it") {
  CHECK(CsvLine({"1", "a,b", "say \"hi\"", ""}) == "1,\"a,b\",\"say \"\"hi\"\"\",\n");
  CHECK(CsvLine({"line\nbreak"}) == "\"line\nbreak\"\n");
}

TEST_CASE("JSON text keeps numbers as written and re-reads to the same tree") {
  const std::string source =
      R"({"a": 0.10, "b": "引号\"和\\反斜杠\n", "c": [1, 2], "d": {"e": [], "f": {}}, "g": null})";
  const JsonValue v = ParseJson("x.json", source);
  const std::string text = JsonText(v);
  CHECK(text.find("0.10") != std::string::npos);
  const JsonValue again = ParseJson("y.json", text);
  CHECK(JsonText(again) == text);
  CHECK(again.Find("b")->text == "引号\"和\\反斜杠\n");
}

TEST_CASE("headers carry units in half- or full-width parentheses") {
  CHECK(entry::BareHeader("年初预算(元)") == "年初预算");
  CHECK(entry::BareHeader("分值（分）") == "分值");
  CHECK(entry::HeaderUnit("年初预算(万元)") == "万元");
  CHECK(entry::HeaderUnit("金额（亿元）") == "亿元");
  CHECK(entry::HeaderUnit("事项").empty());
}

std::string Slurp(const fs::path& p) { return ReadFileBytes(p.string()).value_or("<absent>"); }

TEST_CASE("case folders are written whole or not at all") {
  const fs::path root = fs::temp_directory_path() / ("casefile-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  const std::string dir = (root / "case").string();
  REQUIRE(WriteCaseFolder(dir, {{"case.json", "{}\n"}, {"narrative/a.md", "甲\n"}}, false));
  CHECK(Slurp(root / "case/narrative/a.md") == "甲\n");
  // Keep what the new files do not name, drop what `remove` names, replace the rest.
  std::ofstream(root / "case/budget.csv") << "序号\n";
  REQUIRE(WriteCaseFolder(dir, {{"case.json", "{\"id\": 1}\n"}}, true, {"budget.csv"}));
  CHECK(Slurp(root / "case/case.json") == "{\"id\": 1}\n");
  CHECK(Slurp(root / "case/narrative/a.md") == "甲\n");
  CHECK_FALSE(fs::exists(root / "case/budget.csv"));
  // A verification that fails abandons the write; nothing half-done is left beside it.
  bool saw_temp = false;
  CHECK_FALSE(
      WriteCaseFolder(dir, {{"case.json", "broken"}}, true, {}, [&](const std::string& temp) {
        saw_temp = Slurp(fs::path(temp) / "case.json") == "broken";
        return false;
      }));
  CHECK(saw_temp);
  CHECK(Slurp(root / "case/case.json") == "{\"id\": 1}\n");
  size_t entries = 0;
  for (auto it = fs::directory_iterator(root); it != fs::directory_iterator(); ++it) ++entries;
  CHECK(entries == 1);
  CHECK_THROWS_AS(WriteCaseFolder(dir, {{"../escape.txt", "x"}}, true), InputError);
  CHECK_FALSE(fs::exists(root / "escape.txt"));
  fs::remove_all(root);
}

}  // namespace
TEST_CASE("an empty template row is listed and the rows below keep the 一级 it opened") {
  const std::string file = std::filesystem::temp_directory_path().string() + "/jixiao-t-" +
                           std::to_string(getpid()) + ".csv";
  std::ofstream(file) << "一级,二级,三级,指标值类型,指标值,计量单位\n"
                         "产出指标,数量指标,服务人次,定量,≥100,人次\n"
                         "效益指标,经济效益指标,,,,\n"
                         ",社会效益指标,群众受益率,定量,≥90,%\n";
  Diagnostics diags;
  auto rows = ReadTargetTable(file, diags);
  std::filesystem::remove(file);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].level1 == "效益指标");  // was 产出指标: the dropped row's 一级 was lost
  CHECK(rows[1].level2 == "社会效益指标");
  bool listed = false;
  for (const auto& d : diags.items())
    listed = listed || (d.code == "targets.row_dropped" && d.where.line == 3);
  CHECK(listed);
}

TEST_CASE("the 申报表's header block gives 项目名称, 主管部门 and 实施单位") {
  const std::string file = std::filesystem::temp_directory_path().string() + "/jixiao-h-" +
                           std::to_string(getpid()) + ".csv";
  std::ofstream(file) << "项目名称,社区养老服务,,主管部门,某街道办事处,\n"
                         "实施单位,,某服务中心,,,\n"
                         "一级,二级,三级,指标值类型,指标值,计量单位\n"
                         "产出指标,数量指标,服务人次,定量,≥100,人次\n";
  Diagnostics diags;
  std::map<std::string, std::string> project;
  auto rows = ReadTargetTable(file, diags, &project);
  std::filesystem::remove(file);
  REQUIRE(rows.size() == 1);
  CHECK(project["name"] == "社区养老服务");
  CHECK(project["authority"] == "某街道办事处");
  CHECK(project["unit"] == "某服务中心");
}

TEST_CASE("a row the framework files under another 一级 than the unit wrote is listed with why") {
  const JsonValue base =
      ReadJsonFile(std::string(JIXIAO_SOURCE_DIR) + "/indicators/national-2020.json");
  auto row = [](const char* l1, const char* l2, const char* l3, int line) {
    RawTargetRow r;
    r.level1 = l1, r.level2 = l2, r.level3 = l3, r.value = "≥90%";
    r.where = {"t.csv", line, 3, ""};
    return r;
  };
  const std::vector<RawTargetRow> rows = {
      row("产出指标", "数量指标", "服务人次", 2),
      row("效益指标", "社会效益指标", "群众满意度", 3),  // 满意 → 满意度指标
      row("绩效指标", "质量指标", "验收合格率", 4),  // 绩效指标 is no 一级 of the framework
      row("效益指标", "社会效益指标", "群众受益率", 5)};
  Diagnostics diags;
  REQUIRE(FrameworkFromTargets(base, rows, "t-framework", diags));
  std::map<int, std::string> replaced;
  for (const auto& d : diags.items())
    if (d.code == "targets.row_replaced") replaced[d.where.line] = d.message;
  REQUIRE(replaced.size() == 2);
  CHECK(replaced[3].find("满意") != std::string::npos);
  CHECK(replaced[3].find("效益指标") != std::string::npos);
  CHECK(replaced[4].find("绩效指标") != std::string::npos);
  CHECK(replaced[4].find("产出") != std::string::npos);
}

TEST_CASE("a 指标性质 column gives the comparator or 定性, and 度量单位 the unit (四川 layout)") {
  const std::string file = std::filesystem::temp_directory_path().string() + "/jixiao-n-" +
                           std::to_string(getpid()) + ".csv";
  std::ofstream(file) << "一级指标,二级指标,三级指标,指标性质,指标值,度量单位\n"
                         "产出指标,时效指标,经费发放及时率,=,100,%\n"
                         ",成本指标,宣传成本,≤,101400,元\n"
                         "效益指标,可持续影响指标,机制健全性,定性,优良中低差,\n";
  Diagnostics diags;
  auto rows = ReadTargetTable(file, diags);
  std::filesystem::remove(file);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value == "=100");
  CHECK(rows[0].unit == "%");
  CHECK(rows[1].value == "≤101400");
  CHECK(rows[1].unit == "元");
  CHECK(rows[2].value == "优良中低差");
  CHECK(rows[2].value_type == "定性");
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("a （待确认） mark is a status: the value is read clean and the row is flagged") {
  const std::string file = std::filesystem::temp_directory_path().string() + "/jixiao-p-" +
                           std::to_string(getpid()) + ".csv";
  std::ofstream(file) << "一级,二级,三级,指标值\n"
                         "产出指标,数量指标,服务人次,\"≥30,000人次（待确认）\"\n"
                         "产出指标,质量指标,服务对象满意率（待确认）,≥90%\n"
                         "产出指标,时效指标,完成时间,年底前\n";
  Diagnostics diags;
  auto rows = ReadTargetTable(file, diags);
  std::filesystem::remove(file);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].value == "≥30,000人次");  // kept whole: the scorer reads the unit there
  // and the unit inside the value fills the empty 计量单位, said
  CHECK(rows[0].unit == "人次");
  CHECK(rows[0].pending);
  CHECK(rows[1].level3 == "服务对象满意率");
  CHECK(rows[1].pending);
  CHECK_FALSE(rows[2].pending);
  bool said = false;
  for (const auto& d : diags.items())
    said = said || (d.code == "targets.unit_split" && d.where.line == 2);
  CHECK(said);
}

}  // namespace jixiao
