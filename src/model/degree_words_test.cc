// Degree words in qualitative 指标值 and 实际完成值: both directions of each family, and the
// suggestion phrases a unit is shown stay grammatical.
#include "model/degree_words.h"

#include <catch2/catch.hpp>

#include "model/target_value.h"

namespace jixiao {
namespace {

std::optional<Attainment> Level(const std::string& target, const std::string& actual) {
  return ReadActual(TargetValue::Parse(target), actual).attainment;
}

}  // namespace

TEST_CASE(
    "degree words: a stronger change than the target is met (exceeded), a weaker one partly") {
  auto up = JudgeDegree("有所提高", "明显提高");
  REQUIRE(up);
  CHECK(up->verdict == DegreeVerdict::kExceeded);
  CHECK(up->how.find("明显提高") != std::string::npos);
  CHECK(JudgeDegree("有所提高", "有所提升")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("服务水平有所提高", "服务水平显著提升")->verdict == DegreeVerdict::kExceeded);
  CHECK(JudgeDegree("显著提高", "有所提高")->verdict == DegreeVerdict::kPartly);
  CHECK(JudgeDegree("有所减轻", "明显减轻")->verdict == DegreeVerdict::kExceeded);
  CHECK(JudgeDegree("持续改善", "明显改善")->verdict == DegreeVerdict::kExceeded);
  // Through the one reader every check uses.
  CHECK(Level("有所提高", "明显提高") == Attainment::kMet);
  CHECK(Level("明显提升", "进一步提升") == Attainment::kPartly);
}

TEST_CASE("degree words: a real shortfall stays missed") {
  CHECK(JudgeDegree("有所提高", "有所下降")->verdict == DegreeVerdict::kNotMet);
  CHECK(JudgeDegree("有所提高", "持平")->verdict == DegreeVerdict::kNotMet);
  CHECK(JudgeDegree("有所减轻", "有所增加")->verdict == DegreeVerdict::kNotMet);
  CHECK(JudgeDegree("明显改善", "有所恶化")->verdict == DegreeVerdict::kNotMet);
  CHECK(Level("有所提高", "有所下降") == Attainment::kNotMet);
  CHECK(Level("有所提高", "未提高") == Attainment::kNotMet);
  // Different families are not compared: 改善 of one thing and 下降 of another.
  CHECK_FALSE(JudgeDegree("明显改善", "有所下降"));
  CHECK_FALSE(JudgeDegree("有所提高", "较好"));
}

TEST_CASE("degree words: a stated time is timely; a late one is not") {
  auto avg = JudgeDegree("及时", "平均2个工作日");
  REQUIRE(avg);
  CHECK(avg->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("及时", "3个工作日内办结")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("按时", "提前完成")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("及时", "均在规定时限内完成")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("及时", "逾期5天")->verdict == DegreeVerdict::kNotMet);
  CHECK(JudgeDegree("按期", "延期完成")->verdict == DegreeVerdict::kNotMet);
  CHECK(Level("及时", "平均2个工作日") == Attainment::kMet);
  CHECK(Level("及时", "滞后两个月") == Attainment::kNotMet);
}

TEST_CASE("degree words: full completion meets 按计划完成; late or partial completion does not") {
  CHECK(JudgeDegree("按计划完成", "全部完成")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("按计划完成", "已全面完成")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("全部完成", "提前完成")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("按计划完成", "延期完成")->verdict == DegreeVerdict::kPartly);
  CHECK(Level("按计划完成", "全部完成") == Attainment::kMet);
  CHECK(Level("按计划完成", "基本完成") == Attainment::kPartly);
  CHECK(Level("按计划完成", "未完成") == Attainment::kNotMet);
}

TEST_CASE("degree words: the suggested phrases are grammatical") {
  const std::string change = AcceptedQualitativeForms("有所提高");
  CHECK(change.find("明显提高") != std::string::npos);
  CHECK(change.find("有所下降") != std::string::npos);
  CHECK(change.find("不有所") == std::string::npos);
  CHECK(change.find("已有所") == std::string::npos);
  CHECK(change.find("基本有所") == std::string::npos);
  const std::string timely = AcceptedQualitativeForms("及时");
  CHECK(timely.find("已及时") == std::string::npos);
  CHECK(timely.find("平均2个工作日") != std::string::npos);
  CHECK(timely.find("不及时") != std::string::npos);
  const std::string done = AcceptedQualitativeForms("按计划完成");
  CHECK(done.find("全部完成") != std::string::npos);
  CHECK(done.find("不按计划完成") == std::string::npos);
  CHECK(done.find("已按计划完成") == std::string::npos);
  // Other targets keep the general forms, with a negation that reads.
  const std::string general = AcceptedQualitativeForms("准确");
  CHECK(general.find("不准确") != std::string::npos);
  CHECK(general.find("已准确") == std::string::npos);
  CHECK(AcceptedQualitativeForms("建立健全").find("未建立健全") != std::string::npos);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("degree words: strong and slight modifiers beyond 有所/明显, with or without 地") {
  // 大为 is strong: against 明显提高 it is met, not partly (it was read as a subject, level 1).
  REQUIRE(JudgeDegree("明显提高", "大为提高"));
  CHECK(JudgeDegree("明显提高", "大为提高")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("有所提高", "明显地提高")->verdict == DegreeVerdict::kExceeded);
  CHECK(JudgeDegree("显著提升", "稍有提升")->verdict == DegreeVerdict::kPartly);
  // 稳中有升 / 稳中有降: a slight rise or fall.
  REQUIRE(JudgeDegree("有所提高", "稳中有升"));
  CHECK(JudgeDegree("有所提高", "稳中有升")->verdict == DegreeVerdict::kMet);
  REQUIRE(JudgeDegree("有所提高", "稳中有降"));
  CHECK(JudgeDegree("有所提高", "稳中有降")->verdict == DegreeVerdict::kNotMet);
}

TEST_CASE("degree words: a timely deed is negated with 未, the bare adjective with 不") {
  const std::string deed = AcceptedQualitativeForms("按时完成");
  CHECK(deed.find("未按时完成") != std::string::npos);
  CHECK(deed.find("不按时完成") == std::string::npos);
  CHECK(AcceptedQualitativeForms("及时发放").find("未及时发放") != std::string::npos);
  CHECK(AcceptedQualitativeForms("及时").find("不及时") != std::string::npos);
}

}  // namespace jixiao

namespace jixiao {

TEST_CASE("degree words: 成倍 / 翻倍 / 快速 changes read at the 明显 level, not at 有所") {
  // Carried over from the fourth session: “成倍增长” was read as “有所增长”.
  CHECK(JudgeDegree("有所增长", "成倍增长")->verdict == DegreeVerdict::kExceeded);
  CHECK(JudgeDegree("明显增长", "成倍增长")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("成倍增长", "有所增长")->verdict == DegreeVerdict::kPartly);
  CHECK(JudgeDegree("显著提高", "翻倍提高")->verdict == DegreeVerdict::kMet);
  CHECK(JudgeDegree("有所提升", "快速提升")->verdict == DegreeVerdict::kExceeded);
  CHECK(JudgeDegree("明显增加", "成倍地增加")->verdict == DegreeVerdict::kMet);
  CHECK(Level("成倍增长", "有所增长") == Attainment::kPartly);
  // The 有所 level itself is unchanged.
  CHECK(JudgeDegree("有所增长", "逐步增长")->verdict == DegreeVerdict::kMet);
}

}  // namespace jixiao
