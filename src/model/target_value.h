// 指标值 of a 绩效目标 as budget units write it: "≥90%", "=100%", "≤0.05%", "≤10次", "=6万元",
// "≥3200.00(人)", or a qualitative value such as "及时", "有效"; and its 实际值 as evaluators
// write it: "98.9%", "０.０１２９万元/人", "已达到", "准确（按129元/人执行）", "基本完善",
// "未建立". Contract: TargetValue::Parse never fails; text without a leading number is qualitative,
// a number that cannot be read exactly keeps its reason in `error`. A quantitative value without a
// comparator is read as "=". ReadActual reads an 实际值 against its target by the documented
// tables (docs/rules.md): units convert only where exact (元/万元, 人/万人), anything it does not
// understand is an error listing what is accepted — never a silent "not met".
#pragma once

#include <optional>
#include <string>

#include "core/rational.h"
#include "model/framework.h"

namespace jixiao {

struct TargetValue {
  bool quantitative = false;
  CompareOp op = CompareOp::kEq;
  bool comparator_written = false;
  Rational number;
  std::string unit;   // "%", "次", "万元", "人" …
  std::string text;   // the value as written, trimmed
  std::string error;  // a leading number that cannot be read exactly ("1,5人")
  static TargetValue Parse(const std::string& text);
};

enum class Attainment { kMet, kPartly, kNotMet };

struct ActualReading {
  std::optional<Attainment> attainment;  // nullopt: not understood, see `error`
  bool quantitative = false;
  Rational number;    // quantitative: the 实际值 in the target's unit
  bool bare = false;  // quantitative: written without a unit (taken to be the target's)
  std::string shown;  // the 实际值 without its note
  std::string note;   // a parenthetical note, kept as evidence: "按129元/人执行"
  std::string how;    // the table entry that decided: "“已达到”表示已达成"
  std::string error;  // Chinese, lists the accepted forms
};

// The 指标值 with the row's 计量单位 when the value itself has none (“≥90” with 计量单位 “%” is
// “≥90%”, trial 3 item 10): the one reading the entry import and the 绩效目标 rule share. The
// value as given when it has a unit, is not a figure, or the column is empty.
std::string TargetWithUnit(const std::string& value, const std::string& unit);

// The comparators forms print, rewritten into the ones Parse reads (Parse calls it): ≧ ≦ ═ ＝,
// "不低于95%" "不超过3天" "小于5次" "达到100%", "90%以上" "3天以内" "5次以下". Other text
// unchanged.
std::string NormalizeComparatorWords(const std::string& printed);

// The 指标值 as the 绩效目标 rule scores it (docs/rules.md, issue 24 §5): a quantitative value
// written without a comparator (“95%”) is read as “≥”. Every text that says whether a target was
// met reads it so, never as "=" (issue 21 N2: 96% meets a 满意度 of “95%”).
TargetValue TargetAsScored(const std::string& text);

// A strict comparator (<, >) excludes its limit: 0.9‰ does not meet “小于0.9‰”. A missed
// quantitative target is scored by a ratio, which is 1 at such a limit, so a missed strict target
// is never full: `exact` (the missed row's score) is capped at `weight` − `step`, the smallest step
// the score is shown in (docs/design-notes.md, webtrial4 item 1). Other targets: `exact` as given.
bool IsStrictComparator(CompareOp op);
Rational CapMissedStrict(const TargetValue& target, const Rational& exact, const Rational& weight,
                         const Rational& step);

// 成本指标 state what may be spent, so they are ceilings: a row under a 成本 一级 or 二级 whose
// 指标值 is an amount in 元 or 万元 (its own unit, else `unit_column`, the 计量单位) written with
// no comparator ("4万元", "15万元。") is read as "≤". Rates (成本节约率 5%) and values with a
// comparator are not. One rule for the case's targets.csv and every 自评表 path.
bool IsCostCeiling(const std::string& level1, const std::string& level2, const TargetValue& value,
                   const std::string& unit_column = "");

// Reads `actual` (an 实际值 cell) against `target`.
ActualReading ReadActual(const TargetValue& target, const std::string& actual);

// Whether `actual` meets `target`: true met, false partly or not met, nullopt when the 实际值 is
// blank or not understood.
std::optional<bool> TargetMet(const TargetValue& target, const TargetValue& actual);

// The accepted ways of writing a qualitative 实际值, for messages and docs.
std::string AcceptedQualitativeForms(const std::string& target_text);

// The national bands for qualitative targets (项目支出绩效评价管理办法，财预〔2020〕10号): 达成
// [80%, 100%], 部分达成 [50%, 80%), 未达成 [0, 50%). Labels are the workbook's 等级 choices.
std::string AttainmentLabel(Attainment level);  // "部分达成"
std::optional<Attainment> AttainmentFromLabel(const std::string& label);
bool InNationalBand(Attainment level, const Rational& share);
std::string NationalBandText(Attainment level);  // "80%（含）至100%"

}  // namespace jixiao
