// 指标值 of a 绩效目标 as budget units write it: "≥90%", "=100%", "≤0.05%", "≤10次", "=6万元",
// "≥3200.00(人)", or a qualitative value such as "及时", "有效".
// Contract: Parse never fails; text without a leading number is qualitative. A quantitative value
// without a comparator is read as "=" and remembers that none was written.
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
  std::string unit;  // "%", "次", "万元", "人" …
  std::string text;  // the value as written, trimmed
  static TargetValue Parse(const std::string& text);
};

// Whether `actual` meets `target`: the comparator for numbers, equal text for qualitative values.
// nullopt when a numeric target has a non-numeric actual (or the actual is blank).
std::optional<bool> TargetMet(const TargetValue& target, const TargetValue& actual);

}  // namespace jixiao
