// Trial 4 item 14: the 申报表 types a deadline (“2021年12月底前”) as 定性, as DOMAIN.md reads a
// date target; a number stays 定量 and a typed 指标值类型 is kept as the unit wrote it.
#include <catch2/catch.hpp>

#include "report/target_report.h"

namespace jixiao::report {

TEST_CASE("target document: a deadline is 定性, a number 定量", "[report][targets]") {
  Table<TargetRow> rows;
  auto add = [&](const std::string& value, const std::string& type) {
    TargetRow r;
    r.level1 = "产出指标";
    r.level2 = "时效指标";
    r.level3 = "指标" + value;
    r.value = value;
    r.value_type = type;
    rows.rows.push_back(r);
  };
  add("2021年12月底前", "");
  add("≥95%", "");
  add("按时完成", "");
  add("12月底前", "定量");  // typed by the unit: kept
  const doc::Document d = BuildTargetDocument(TargetProject{}, rows);
  const auto* t = std::get_if<doc::Table>(&d.blocks.back());
  REQUIRE(t);
  REQUIRE(t->rows.size() == 5);
  CHECK(t->rows[1][3].text == "定性");
  CHECK(t->rows[2][3].text == "定量");
  CHECK(t->rows[3][3].text == "定性");
  CHECK(t->rows[4][3].text == "定量");
}

}  // namespace jixiao::report
