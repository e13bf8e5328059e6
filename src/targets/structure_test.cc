// Reading real tables: 指标值 notation, 一级/二级 variants, template rows, key-term matching.
#include "targets/structure.h"

#include <catch2/catch.hpp>

#include "targets/terms.h"
#include "targets/value.h"

namespace jixiao::targets {

TEST_CASE("指标值 as written: units inside brackets, ASCII and word comparators, dates") {
  Value a = Value::Parse("≥3200.00(人)");
  CHECK(a.numeric);
  CHECK(a.op == CompareOp::kGe);
  CHECK(a.number == Rational(3200));
  CHECK(a.unit == "人");
  Value b = Value::Parse("=100.00(%)");
  CHECK(b.IsPercent());
  CHECK(b.number == Rational(100));
  Value c = Value::Parse(">=85");
  CHECK(c.op_written);
  CHECK(c.unit.empty());
  Value d = Value::Parse("95%以上");
  CHECK(d.op == CompareOp::kGe);
  CHECK(d.op_written);
  Value e = Value::Parse("±3%以内");
  CHECK(e.op == CompareOp::kLe);
  CHECK(e.number == Rational(3));
  Value f = Value::Parse("≥100百分比");
  CHECK(f.IsPercent());
  Value g = Value::Parse("２５０万");
  CHECK(g.number == Rational(250));
  CHECK(g.unit == "万");
  CHECK_FALSE(Value::Parse("100%").op_written);
  for (auto [text, op] :
       {std::pair{"不低于90%", CompareOp::kGe}, std::pair{"不少于3200人", CompareOp::kGe},
        std::pair{"不超过48小时", CompareOp::kLe},
        std::pair{"控制在220万元以内", CompareOp::kLe}}) {
    INFO(text);
    Value v = Value::Parse(text);
    CHECK(v.numeric);
    CHECK(v.op_written);
    CHECK(v.op == op);
  }
  CHECK(Value::Parse("100%合格").IsPercent());
  CHECK(Value::Parse("").blank);
  CHECK(Value::Parse("≥95%（待确认）").number == Rational(95));
  for (const char* date :
       {"12月底前", "2025年12月31日前发放完毕", "2021年1月-12月", "9月前", "2021年全年"}) {
    INFO(date);
    Value v = Value::Parse(date);
    CHECK(v.has_date);
    CHECK_FALSE(v.numeric);
  }
  for (const char* duration : {"≤48小时", "≤10个工作日"}) {
    Value v = Value::Parse(duration);
    CHECK(v.numeric);
    CHECK(v.has_date);
  }
  CHECK(Value::Parse("≥20年").numeric);
  // Calendar dates written with dots, dashes or slashes are dates, not decimals (2023.07 ≠
  // 2023.07).
  for (const char* date : {"2023.07-2024.01", "2025-12-31", "2024/6/30前", "2023.07"}) {
    INFO(date);
    Value v = Value::Parse(date);
    CHECK(v.has_date);
    CHECK_FALSE(v.numeric);
    CHECK(v.date_only);
  }
  CHECK(Value::Parse("2020年1月--2020年11月").date_only);
  CHECK(Value::Parse("每年12月底前").date_only);
  CHECK_FALSE(Value::Parse("2025年底前建成长效机制").date_only);
  CHECK_FALSE(Value::Parse("≤48小时").date_only);
  CHECK(Value::Parse("2023.07万元").numeric);  // an amount with a decimal, not a date
  CHECK(Value::Parse("≥1346.0088万平方米").numeric);
  for (const char* vague : {"及时", "按时", "根据政策文件要求及时发放", "按规定时间"}) {
    INFO(vague);
    CHECK_FALSE(Value::Parse(vague).has_date);
  }
  CHECK(Value::Parse("严格按照预算标准1000元/人给补助对象兑付补助").has_amount);
  CHECK_FALSE(Value::Parse("有效").has_amount);
}

TEST_CASE("一级 variants: weights, provincial names, older structures, 二级 in the 一级 column") {
  CHECK(ReadLevel1("产出指标(70分)").level == Level1::kOutput);
  CHECK(ReadLevel1("产出指标（50分）").level == Level1::kOutput);
  CHECK(ReadLevel1("成本指标(0-20)分").level == Level1::kCost);
  CHECK(ReadLevel1("项目完成指标").level == Level1::kOutput);
  CHECK(ReadLevel1("项目效益指标").level == Level1::kEffect);
  CHECK(ReadLevel1("绩效指标").level == Level1::kGeneric);
  CHECK(ReadLevel1("满意度指标").level == Level1::kSatisfaction);
  for (const char* old : {"投入", "过程", "效果指标", "影响力目标", "预期产出指标"}) {
    INFO(old);
    CHECK(ReadLevel1(old).old_structure);
  }
  Level1Reading shifted = ReadLevel1("数量指标");
  CHECK(shifted.shifted);
  CHECK(shifted.level == Level1::kOutput);
  CHECK(ReadLevel1("管理指标").level == Level1::kUnknown);
  CHECK(ReadLevel2("数量指标(或建筑规模指标)") == Level2::kQuantity);
  CHECK(ReadLevel2("时效指标(工期指标、形象进度指标)") == Level2::kTimeliness);
  CHECK(ReadLevel2("社会、经济、生态效益 指标") == Level2::kMixedEffect);
  CHECK(ReadLevel2("社会公众或服务对象满意度指标") == Level2::kSatisfaction);
  CHECK(ReadLevel2("经济成本指标") == Level2::kEconomicCost);
}

TEST_CASE("rows: 绩效指标 resolved by the 二级, names cleaned, placeholders and 其中 rows") {
  Table<TargetRow> t;
  auto add = [&](const char* l1, const char* l2, const char* l3, const char* value) {
    TargetRow r;
    r.level1 = l1, r.level2 = l2, r.level3 = l3, r.value = value;
    r.line = static_cast<int>(t.rows.size()) + 2;
    t.rows.push_back(r);
  };
  add("绩效指标", "数量指标", "指标1:★补助种植面积（≥**亩）", ">=20亩");
  add("绩效指标", "数量指标", "其中大棚蔬菜", "3亩");
  add("绩效指标", "数量指标", "指标2:", "");
  add("绩效指标", "数量指标", "……", "");
  add("绩效指标", "时效指标", "资金拨付", "12月底到位");
  auto rows = Normalize(t);
  CHECK(rows[0].level1 == Level1::kOutput);
  CHECK(rows[0].name == "补助种植面积");
  CHECK(rows[1].child);
  CHECK(rows[2].placeholder);
  CHECK(rows[3].placeholder);
  CHECK(rows[4].kind == Kind::kTimeliness);
  CHECK(KindFromName("种植作物成活率") == Kind::kQuality);
}

TEST_CASE("names match by shared key terms, not equality") {
  CHECK(SameThing("居家养老上门服务人次", "居家养老上门服务"));
  CHECK(SameThing("残疾人两项补贴发放人数", "困难残疾人生活补贴"));
  CHECK_FALSE(SameThing("居家养老上门服务人次", "助餐服务"));
  CHECK(Similarity("补助款结算争议率", "镇街补助款完成结算项目数") < 0.6);
}

}  // namespace jixiao::targets
