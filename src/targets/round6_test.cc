// Issue 26, round 6: the classes the ten `new6` tables showed (南县, 大英) and a regression the
// whole-corpus run showed (东莞 `±3%以内`). Each class has a row that must trip its rule (at the
// promised severity) and a well-written row that must stay quiet.
#include <catch2/catch.hpp>

#include "targets/test_table.h"

namespace jixiao::targets {

using namespace table_test;  // NOLINT: the shared table fixture

TEST_CASE("a whole year as the time limit of an on-time target is no deadline") {
  CHECK(Found(Run({{"产出指标", "时效指标", "按时交纳税费", "", "=1", "年"}}), "T10",
              Severity::kWarning, 8));
  CHECK(Found(Run({{"产出指标", "时效指标", "及时拨付补助", "", "12", "个月"}}), "T10",
              Severity::kWarning, 8));
  // A limit (≤) shorter than the year, or a working-day limit, is a deadline.
  CHECK(!Any(Run({{"产出指标", "时效指标", "办结时限", "", "≤10", "个工作日"}}), "T10"));
  CHECK(!Any(Run({{"产出指标", "时效指标", "完成时限", "", "≤6", "个月"}}), "T10"));
}

TEST_CASE("a budget balance rate filed as an economic effect measures execution") {
  CHECK(
      Found(Run({{"效益指标", "经济效益指标", "结余率(计算方法为:结余数/预算数)", "", "≤5", "%"}}),
            "T26", Severity::kWarning, 8));
  CHECK(!Any(Run({{"效益指标", "经济效益指标", "节约采购资金", "", "≥5", "万元"}}), "T26"));
}

TEST_CASE("a tolerance written ±3%以内 is notation, not a sentence") {
  CHECK(!Any(Run({{"产出指标", "质量指标", "补助款结算误差率", "", "±3%以内", ""}}), "T05"));
  CHECK(Found(
      Run({{"满意度指标", "服务对象满意度指标", "群众满意度", "", "群众满意度达95%以上。", ""}}),
      "T05", Severity::kInfo, 8));
}

}  // namespace jixiao::targets
