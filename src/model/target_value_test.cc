// 实际值 against 指标值: numbers in the target's unit, qualitative values by the documented tables.
#include "model/target_value.h"

#include <catch2/catch.hpp>

namespace jixiao {
namespace {

ActualReading Read(const std::string& target, const std::string& actual) {
  return ReadActual(TargetValue::Parse(target), actual);
}

}  // namespace

TEST_CASE("targets: numeric 实际值 convert exactly into the target's unit or are refused") {
  auto r = Read("≤129元/人", "0.0129万元/人");
  REQUIRE(r.attainment);
  CHECK(*r.attainment == Attainment::kMet);
  CHECK(r.number == Rational(129));
  auto wrong = Read("≤129元/人", "129元/户");
  CHECK_FALSE(wrong.attainment);  // 户 is not 人
  CHECK(wrong.error.find("户") != std::string::npos);
  CHECK_FALSE(Read("≥90%", "9‰").attainment);
  auto percent = Read("≥90%", "９８.９％");
  REQUIRE(percent.attainment);
  CHECK(percent.number == Rational(989, 10));  // never 0.989
  CHECK(*Read("≥90%", "89%").attainment == Attainment::kNotMet);
  CHECK(*Read("≥3200.00(人)", "3,300人").attainment == Attainment::kMet);
  CHECK_FALSE(Read("≥3200人", "1,5人").attainment);
  CHECK_FALSE(Read("≥90%", "较高").attainment);
  CHECK(TargetValue::Parse("≥1,5人").error.find("三位") != std::string::npos);
}

TEST_CASE("targets: qualitative 实际值 by meaning, with the note kept as evidence") {
  auto exact = Read("准确", "准确（按129元/人执行）");
  REQUIRE(exact.attainment);
  CHECK(*exact.attainment == Attainment::kMet);
  CHECK(exact.note == "按129元/人执行");
  CHECK(*Read("及时", "及时").attainment == Attainment::kMet);
  CHECK(*Read("建立健全", "已建立").attainment == Attainment::kMet);
  CHECK(*Read("有效", "已达到").attainment == Attainment::kMet);
  CHECK(*Read("明显提升", "显著提升").attainment == Attainment::kMet);
  CHECK(*Read("进一步完善", "基本完善").attainment == Attainment::kPartly);
  CHECK(*Read("有效", "部分有效").attainment == Attainment::kPartly);
  CHECK(*Read("及时", "不够及时").attainment == Attainment::kNotMet);
  CHECK(*Read("建立健全", "未建立").attainment == Attainment::kNotMet);
  auto unknown = Read("及时", "还行");
  CHECK_FALSE(unknown.attainment);
  CHECK(unknown.error.find("平均2个工作日") != std::string::npos);  // lists what is accepted
  CHECK(Read("准确", "还行").error.find("已达到") != std::string::npos);
  // A negative target: 未… may mean met, so it is not guessed.
  CHECK(*Read("不发生安全事故", "不发生安全事故").attainment == Attainment::kMet);
  CHECK_FALSE(Read("不发生安全事故", "未发生").attainment);
}

TEST_CASE("targets: 基本/部分 with the target's own ending reads as partly (issue 24)") {
  auto r = Read("有效改善", "基本改善");
  REQUIRE(r.attainment);
  CHECK(*r.attainment == Attainment::kPartly);
  CHECK_FALSE(Read("有效改善", "基本善").attainment);  // one character is not an ending
  CHECK_FALSE(Read("有效改善", "基本提高").attainment);
}

TEST_CASE("targets: a date 指标值 is a deadline the 实际值 date is compared with (issue 24)") {
  // 临翔区 2023 (云南): 项目完工时限 2023年12月, 实际 2023年10月 — met, and no unreadable warning.
  auto target = TargetValue::Parse("2023年12月");
  CHECK(target.error.empty());
  CHECK_FALSE(target.quantitative);
  auto early = Read("2023年12月", "2023年10月");
  REQUIRE(early.attainment);
  CHECK(*early.attainment == Attainment::kMet);
  CHECK(*Read("2023年12月", "2023年12月").attainment == Attainment::kMet);
  CHECK(*Read("2023年12月31日前", "2023年12月20日").attainment == Attainment::kMet);
  CHECK(*Read("2022年11月底前", "已于2022年11月完成").attainment == Attainment::kMet);
  CHECK(*Read("≤2023年6月30日", "2023年6月30日").attainment == Attainment::kMet);
  auto late = Read("2023年11月底前", "2024年1月");
  REQUIRE(late.attainment);
  CHECK(*late.attainment == Attainment::kNotMet);
  CHECK(*Read("2023年6月30日前", "2023年7月1日").attainment == Attainment::kNotMet);
  CHECK(*Read("2023年12月", "已完成").attainment == Attainment::kMet);  // words still read
  CHECK(TargetValue::Parse("2023年13月").error.empty() == false);       // no such month
}

TEST_CASE("targets: a deadline without its year is a 时效 target, not a number with a unit") {
  // 原州区 2022 (宁夏), trial 2 item 5: "11月底完成" was read as ≥11 with unit 月底完成.
  for (const char* text :
       {"11月底完成", "12月31日前", "年底前完成", "≤12月31日", "11月底前", "6月30日之前"}) {
    auto v = TargetValue::Parse(text);
    INFO(text);
    CHECK_FALSE(v.quantitative);
    CHECK(v.unit.empty());
    CHECK(v.error.empty());
  }
  CHECK(*Read("11月底完成", "11月20日完成").attainment == Attainment::kMet);
  CHECK(*Read("11月底完成", "11月30日").attainment == Attainment::kMet);
  CHECK(*Read("12月31日前", "2022年12月20日").attainment == Attainment::kMet);
  CHECK(*Read("11月底完成", "12月5日").attainment == Attainment::kNotMet);
  CHECK(*Read("年底前完成", "2022年11月").attainment == Attainment::kMet);
  CHECK(*Read("11月底完成", "已完成").attainment == Attainment::kMet);
  CHECK_FALSE(Read("11月底完成", "100%").attainment);  // a rate is no date: not judged
  CHECK(Read("11月底完成", "100%").error.find("完成的日期") != std::string::npos);
  // Durations stay numbers with units; a month alone may be a count of months.
  CHECK(TargetValue::Parse("≤12月").quantitative);
  CHECK(TargetValue::Parse("≤3个月").quantitative);
  CHECK(TargetValue::Parse("≤3个月").unit == "个月");
  CHECK(TargetValue::Parse("≤7工作日").unit == "工作日");
  CHECK(TargetValue::Parse("≤7工作日").number == jixiao::Rational(7));
}

TEST_CASE("targets: a time span or a deadline with its work is a 时效 target (trial 3 item 25)") {
  // A span is read as its period: done by the span's end is met.
  for (const char* text :
       {"2021年1月-12月", "2021年1月至12月", "2021年1月—2021年12月", "12月底前100%到位",
        "2023年12月底前", "6月底前完成验收", "2022年3月-6月完成"}) {
    auto v = TargetValue::Parse(text);
    INFO(text);
    CHECK_FALSE(v.quantitative);
    CHECK(v.error.empty());
    CHECK(AcceptedQualitativeForms(text).find("完成的日期") != std::string::npos);
  }
  CHECK(*Read("2021年1月-12月", "2021年12月完成").attainment == Attainment::kMet);
  CHECK(*Read("2021年1月至12月", "已完成").attainment == Attainment::kMet);
  CHECK(*Read("2021年1月-12月", "2022年2月").attainment == Attainment::kNotMet);
  CHECK(*Read("12月底前100%到位", "已于12月到位").attainment == Attainment::kMet);
  CHECK(*Read("12月底前100%到位", "11月20日").attainment == Attainment::kMet);
  CHECK(*Read("6月底前完成验收", "7月5日").attainment == Attainment::kNotMet);
  CHECK(*Read("2023年12月底前", "2023年11月完成").attainment == Attainment::kMet);
  // Numbers that only look like dates stay what they were.
  CHECK(TargetValue::Parse("≤12月").quantitative);
  CHECK(TargetValue::Parse("≥3个月").quantitative);
  // A date that cannot be read: plain Chinese saying what to type, no parser words.
  const std::string bad = TargetValue::Parse("2021年13月-12月").error;
  CHECK(bad.find("单位") == std::string::npos);
  CHECK(bad.find("含有数字") == std::string::npos);
  CHECK(bad.find("2023年12月底前") != std::string::npos);
  CHECK(bad.find("2021年1月至12月") != std::string::npos);
}

TEST_CASE("targets: 达成预期指标 / 达到预期目标 state attainment; 基本… reads as partly") {
  // 池州市贵池区 2022 (安徽): every qualitative 实际完成值 reads "达成预期指标".
  CHECK(*Read("效果明显", "达成预期指标").attainment == Attainment::kMet);
  CHECK(*Read("及时", "达到预期目标").attainment == Attainment::kMet);
  CHECK(*Read("合规", "已达到预期").attainment == Attainment::kMet);
  CHECK(*Read("效果明显", "基本达到预期目标").attainment == Attainment::kPartly);
  CHECK(*Read("效果明显", "未达到预期目标").attainment == Attainment::kNotMet);
}

TEST_CASE(
    "targets: a sentence 指标值 (大英经开区 2020): its full stop and a subject before 达 are not "
    "the value") {
  // 四川大英经济开发区 2020 河道保洁: "辖区企业满意率达95%以上。", "15万元。".
  auto rate = TargetValue::Parse("辖区企业满意率达95%以上。");
  CHECK(rate.quantitative);
  CHECK(rate.op == CompareOp::kGe);
  CHECK(rate.number == Rational(95));
  CHECK(rate.unit == "%");
  auto cost = TargetValue::Parse("15万元。");
  CHECK(cost.quantitative);
  CHECK(cost.unit == "万元");
  CHECK(*Read("辖区企业满意率达95%以上。", "96.5%").attainment == Attainment::kMet);
  // A phrase that is not a value stays qualitative, its text unchanged.
  CHECK_FALSE(TargetValue::Parse("美化环境。").quantitative);
  CHECK_FALSE(TargetValue::Parse("达标排放率明显提升").quantitative);
  CHECK(TargetValue::Parse("美化环境。").text == "美化环境。");
}

}  // namespace jixiao
