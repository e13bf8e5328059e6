// Issue 26, round 5: the classes the eleven `new5` tables and the four `new5-after` tables showed,
// and the Left list of round 4. Each class has a row that must trip its rule (at the promised
// severity) and a well-written row that must stay quiet.
#include <catch2/catch.hpp>

#include "targets/test_table.h"

namespace jixiao::targets {

using namespace table_test;  // NOLINT: the shared table fixture

// Issue 26, fifth round: classes the eleven tables of `new5` showed, and the Left list of round 4.

TEST_CASE("a five-grade scale (优良中低差) as the value is a missing value") {
  CHECK(Found(Run({{"效益指标", "可持续影响指标", "参保机制健全性", "定性", "优良中低差", ""}}),
              "T21", Severity::kError, 8));
  CHECK(!Any(Run({{"效益指标", "可持续影响指标", "参保机制健全性", "定性", "健全", ""}}), "T21"));
}

TEST_CASE("a value that is only a unit or a comparator is an unfilled value, not a word") {
  auto unit_only = Run({{"产出指标", "数量指标", "新建堤防、护岸长度", "", "公里", ""},
                        {"产出指标", "质量指标", "工程验收合格率", "", "≧ %", ""}});
  CHECK(Found(unit_only, "T21", Severity::kError, 8));
  CHECK(Found(unit_only, "T21", Severity::kError, 9));
  CHECK(!Any(unit_only, "T05"));
  CHECK(!Any(unit_only, "T23"));
  bool suggests_unit = false;
  for (const auto& i : unit_only)
    suggests_unit = suggests_unit || (i.row == 8 && i.suggestion.find("公里") != std::string::npos);
  CHECK(suggests_unit);
  CHECK(On(Run({{"产出指标", "数量指标", "新建堤防长度", "", "≥25公里", ""}})) ==
        std::vector<std::string>{});
}

TEST_CASE("an execution rate filed as an effect: 应发尽发率") {
  CHECK(Found(Run({{"效益指标", "社会效益指标", "参保工作经费应发尽发率", "定量", "=100", "%"}}),
              "T26", Severity::kWarning, 8));
  CHECK(!Any(Run({{"效益指标", "社会效益指标", "参保政策群众知晓率", "定量", "≥90", "%"}}), "T26"));
}

TEST_CASE("an 经济效益 of 增加 states only a direction; 有所提升 elsewhere is a notice") {
  CHECK(Found(Run({{"效益指标", "经济效益指标", "带动种植户增收致富", "定性", "增加", ""}}), "T30",
              Severity::kInfo, 8));
  auto some = Run({{"效益指标", "社会效益指标", "残疾学生生活质量", "定性", "有所提升", ""}});
  CHECK(Found(some, "T05", Severity::kInfo, 8));
  CHECK(!Found(some, "T05", Severity::kWarning, 8));
  // A stated direction that is not hedged stays passed (DOMAIN: doubtful at most).
  CHECK(!Any(Run({{"效益指标", "社会效益指标", "群众居住条件", "定性", "明显改善", ""}}), "T05"));
}

TEST_CASE("staff hired and trips made are inputs, not outputs") {
  CHECK(Found(Run({{"产出指标", "数量指标", "聘用调解员人数", "定量", "1", "人"}}), "T02",
              Severity::kInfo, 8));
  CHECK(Found(Run({{"产出指标", "数量指标", "出差人次", "定量", "=24", "人次"}}), "T02",
              Severity::kInfo, 8));
  CHECK(!Any(Run({{"产出指标", "数量指标", "调解案件数量", "定量", "≥300", "件"}}), "T02"));
  CHECK(
      !Any(Run({{"产出指标", "数量指标", "邀请校外名师授课人次", "定量", "≥25", "人次"}}), "T02"));
}

TEST_CASE("a target written in a sentence: the figure in it is the suggestion, not a default") {
  auto prose = Run(
      {{"满意度指标", "服务对象满意度指标", "群众满意度", "定性", "群众满意度达95%以上。", ""}});
  REQUIRE(Any(prose, "T05"));
  for (const auto& i : prose)
    if (i.rule == "T05") {
      CHECK(i.severity == Severity::kInfo);
      CHECK(i.suggestion.find("≥95%") != std::string::npos);
      CHECK(i.suggestion.find("90%") == std::string::npos);
    }
  // Full-width digits after a comparator are a figure, not a sentence: no “=100个” advice.
  CHECK(!Any(Run({{"产出指标", "数量指标", "检测点数量", "定量", "≥１００个", ""}}), "T05"));
  CHECK(Found(Run({{"满意度指标", "服务对象满意度指标", "群众满意度", "定性", "较高", ""}}), "T05",
              Severity::kWarning, 8));
}

TEST_CASE("several targets in one cell are split, not read as a word") {
  auto many = Run({{"产出指标", "数量指标", "困难台胞补助受益", "",
                    "困难台胞432人、高龄台胞1792人、困难学生助学95人", ""}});
  CHECK(Found(many, "T21", Severity::kWarning, 8));
  CHECK(!Any(many, "T05"));
  CHECK(!Any(Run({{"产出指标", "数量指标", "困难台胞补助人数", "定量", "≥432", "人"}}), "T21"));
  CHECK(!Any(Run({{"产出指标", "时效指标", "巡查频次", "定量", "≥1", "次/月"}}), "T21"));
}

// Round 5, met by the fixed checker (`new5-after`): 奉节's cost block of zeros, 大英's `好坏`.

TEST_CASE("a pair of opposite grades (好坏) as the value is a missing value") {
  CHECK(Found(Run({{"效益指标", "可持续影响指标", "管理机制健全性", "定性", "好坏", ""}}), "T21",
              Severity::kError, 8));
  CHECK(Found(Run({{"效益指标", "可持续影响指标", "管理机制健全性", "定性", "优/劣", ""}}), "T21",
              Severity::kError, 8));
  CHECK(!Any(Run({{"效益指标", "可持续影响指标", "管理机制健全性", "定性", "健全", ""}}), "T21"));
}

TEST_CASE(
    "a cost block of zeros sets no cost target; template names that are numbers are no names") {
  auto zeros = Run({{"成本指标", "经济成本指标", "0", "", "0.00%", ""},
                    {"成本指标", "社会成本指标", "0", "", "0.00%", ""},
                    {"成本指标", "生态环境成本指标", "0", "", "0.00%", ""}});
  // Not three of the same indicator: the names are placeholders.
  CHECK(!Any(zeros, "T13"));
  CHECK(Found(zeros, "T21", Severity::kWarning, 9));
  // The zero-cost check itself, on a table whose only costs are zeros.
  Table<TargetRow> t =
      MakeTable({{"产出指标", "数量指标", "举报奖励次数", "", "≥5", "次"},
                 {"产出指标", "数量指标", "宣传资料份数", "", "≥500", "份"},
                 {"产出指标", "质量指标", "举报核查率", "", "=100", "%"},
                 {"产出指标", "时效指标", "奖励发放时间", "", "2025年12月31日前", ""},
                 {"成本指标", "经济成本指标", "0", "", "0.00%", ""},
                 {"效益指标", "社会效益指标", "群众举报知晓率", "", "≥80", "%"},
                 {"满意度指标", "服务对象满意度指标", "举报人满意度", "", "≥90", "%"}});
  auto issues = Check({t, nullptr, nullptr});
  CHECK(Found(issues, "T04", Severity::kWarning, 0));
  t.rows[4].value = "≤100万元";
  t.rows[4].level3 = "项目总成本";
  CHECK(!Any(Check({t, nullptr, nullptr}), "T04"));
}

}  // namespace jixiao::targets
