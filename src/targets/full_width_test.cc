// Issue 21: the checker reads full-width figures by the one reading (core/half_width.h) and says
// so at the cell (T31, a notice with the half-width value as its fix); time limits written with
// 工作日/天/日内 are figures with a unit, not text. Each class has a row that must trip and a
// well-written row that must stay quiet.
#include <catch2/catch.hpp>

#include "targets/test_table.h"
#include "targets/value.h"

namespace jixiao::targets {

using namespace table_test;  // NOLINT: the shared table fixture

const Issue* Of(const std::vector<Issue>& issues, const std::string& rule, int line) {
  for (const auto& i : issues)
    if (i.rule == rule && i.row == line) return &i;
  return nullptr;
}

TEST_CASE("a full-width figure is read half-width with a notice and a fix at the cell") {
  auto issues = Run({{"产出指标", "数量指标", "购买标准试剂数量", "", "≥１００个", ""}});
  const Issue* t31 = Of(issues, "T31", 8);
  REQUIRE(t31);
  CHECK(t31->severity == Severity::kInfo);
  CHECK(t31->message == "已按半角读取“≥１００个”，即“≥100个”（全角数字和符号按半角含义读取）");
  REQUIRE(t31->fixes.size() == 1);
  CHECK(t31->fixes[0].value == "≥100个");
  // Read as a figure: no "可量化的指标使用定性值", no sentence notice.
  CHECK(!Any(issues, "T05"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "购买标准试剂数量", "", "≥100个", ""}}), "T31"));
}

TEST_CASE("suggestions after a full-width value are half-width and keep the comparator") {
  auto issues = Run({{"产出指标", "数量指标", "购买标准试剂数量", "", "１，２００个", ""}});
  const Issue* t06 = Of(issues, "T06", 8);
  REQUIRE(t06);
  CHECK(t06->suggestion == "≥1,200个");
}

TEST_CASE("an ambiguous full-width comma is unreadable, not guessed") {
  CHECK(Value::Parse("１，５个").unreadable);
  const auto issues = Run({{"产出指标", "数量指标", "购买标准试剂数量", "", "１，５个", ""}});
  INFO(On(issues).size());
  CHECK((Found(issues, "T21", Severity::kError, 8) || Found(issues, "T21", Severity::kWarning, 8)));
  CHECK(!Any(issues, "T31"));
}

TEST_CASE("time limits in 工作日, 天 and 日内 are figures with a unit") {
  for (const char* typed : {"≤7工作日", "≤3个工作日", "≤15天", "30日内", "7个工作日内完成"}) {
    INFO(typed);
    const Value v = Value::Parse(typed);
    CHECK(v.numeric);
    CHECK(v.op == CompareOp::kLe);
    CHECK(v.op_written);
    auto issues = Run({{"产出指标", "时效指标", "申请办结时限", "", typed, ""}});
    CHECK(!Any(issues, "T05"));
    CHECK(!Any(issues, "T06"));
    CHECK(!Any(issues, "T10"));
  }
  CHECK(Value::Parse("30日内").unit == "日");
  CHECK(Value::Parse("7个工作日内完成").unit == "个工作日");
  // A date is not a count of days.
  CHECK(!Value::Parse("12月31日内").numeric);
}

}  // namespace jixiao::targets
