#include "model/target_value.h"

#include "core/text.h"

namespace jixiao {

TargetValue TargetValue::Parse(const std::string& raw) {
  TargetValue v;
  v.text = Trim(raw);
  std::string rest = v.text;
  static const std::pair<const char*, CompareOp> kOps[] = {
      {"≥", CompareOp::kGe},  {">=", CompareOp::kGe}, {"≤", CompareOp::kLe},
      {"<=", CompareOp::kLe}, {">", CompareOp::kGt},  {"<", CompareOp::kLt},
      {"＝", CompareOp::kEq}, {"=", CompareOp::kEq},  {"＞", CompareOp::kGt},
      {"＜", CompareOp::kLt}};
  for (const auto& [symbol, op] : kOps) {
    if (StartsWith(rest, symbol)) {
      v.op = op;
      v.comparator_written = true;
      rest = Trim(rest.substr(std::string(symbol).size()));
      break;
    }
  }
  size_t end = 0;
  while (end < rest.size() && ((rest[end] >= '0' && rest[end] <= '9') || rest[end] == '.' ||
                               rest[end] == ',' || (end == 0 && rest[end] == '-')))
    ++end;
  auto number = end > 0 ? Rational::Parse(rest.substr(0, end)) : std::nullopt;
  if (!number) return v;  // qualitative
  v.quantitative = true;
  v.number = *number;
  std::string unit = Trim(rest.substr(end));
  if ((StartsWith(unit, "(") && EndsWith(unit, ")")) ||
      (StartsWith(unit, "（") && EndsWith(unit, "）"))) {
    size_t open = StartsWith(unit, "(") ? 1 : std::string("（").size();
    size_t close = EndsWith(unit, ")") ? 1 : std::string("）").size();
    unit = Trim(unit.substr(open, unit.size() - open - close));
  }
  v.unit = unit;
  return v;
}

std::optional<bool> TargetMet(const TargetValue& target, const TargetValue& actual) {
  if (actual.text.empty()) return std::nullopt;
  if (!target.quantitative) return actual.text == target.text;
  if (!actual.quantitative) return std::nullopt;
  return Compare(actual.number, target.op, target.number);
}

}  // namespace jixiao
