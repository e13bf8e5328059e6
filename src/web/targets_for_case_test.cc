// What the evaluator is told when an evaluation is made from a unit's table: the rows still
// 待确认 first (the page's notice shows only the first 8), scratch paths named by the table.
#include "web/targets_for_case.h"

#include <catch2/catch.hpp>

using namespace jixiao;
using namespace jixiao::web;

TEST_CASE("table notes: 待确认 rows first, then warnings, then notices; errors left out") {
  Diagnostics d;
  const std::string scratch = "/data/tmp/scratch-1";
  for (int i = 0; i < 9; ++i)
    d.Add(Severity::kInfo, "targets.unit_split", {scratch + "/targets.csv", 2 + i, 5, "指标值"},
          "拆出计量单位" + std::to_string(i));
  d.Warning("new.unmapped", {scratch + "/targets.csv", 14, 3, "三级"}, "未加入指标体系");
  d.Warning("new.target_pending", {scratch + "/targets.csv", 12, 5, "指标值"}, "尚未确认的行");
  d.Error("x.error", {scratch + "/targets.csv", 1, 1, ""}, "不应出现");
  const auto notes = TableReadingNotes(d, scratch, "古美社区");
  REQUIRE(notes.size() == 11);
  CHECK(notes[0].find("尚未确认的行") != std::string::npos);
  // The row and column as the unit's table shows them, not a file's line (issue 21).
  CHECK(notes[0] == "绩效目标表“古美社区”第12行“指标值”列：尚未确认的行");
  CHECK(notes[1].find("”:14") == std::string::npos);
  CHECK(notes[1].find("未加入指标体系") != std::string::npos);
  CHECK(notes[2].find("拆出计量单位0") != std::string::npos);
  CHECK(notes[10].find("拆出计量单位8") != std::string::npos);
  for (const auto& n : notes) {
    CHECK(n.find(scratch) == std::string::npos);
    CHECK(n.find("绩效目标表“古美社区”") != std::string::npos);
    CHECK(n.find("不应出现") == std::string::npos);
  }
  const std::string message = NotesMessage(notes);
  CHECK(message.rfind("已新建。读取绩效目标表时请注意（11 条）：", 0) == 0);
  CHECK(message.find("尚未确认的行") != std::string::npos);
  CHECK(message.find("拆出计量单位6") == std::string::npos);  // the 9th note and beyond
  CHECK(message.find("另有 3 条") != std::string::npos);
}

TEST_CASE("新建评价 offers one table per unit, project and year: the last saved") {
  auto doc = [](const char* id, const char* unit, const char* title, const char* year, int v) {
    jixiao::web::Doc d;
    d.id = id, d.unit = unit, d.title = title, d.year = year, d.version = v;
    return d;
  };
  // Last saved first, as the store lists them.
  auto choices = jixiao::web::TableChoices(
      {doc("b", "古美社区", "养老服务", "2025", 1), doc("a", "古美社区", "养老服务", "2025", 3),
       doc("c", "古美社区", "养老服务", "2026", 1), doc("d", "马桥镇", "养老服务", "2025", 2)});
  REQUIRE(choices.size() == 3);
  CHECK(choices[0].first == "b");
  CHECK(choices[0].second == "养老服务（古美社区，2025年，第 1 版）");
  CHECK(choices[1].first == "c");
  CHECK(choices[2].first == "d");
}
