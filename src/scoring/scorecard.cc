#include "scoring/scorecard.h"

namespace jixiao {

std::optional<Rational> IndicatorResult::RatePercent() const {
  if (weight.hundredths == 0) return std::nullopt;
  return Rational(score.hundredths * 100, weight.hundredths);
}

std::string IndicatorResult::DeductionText() const {
  if (Lost().hundredths <= 0) return "";
  std::string why;
  for (const auto& line : deductions)
    if (!line.reason.empty()) why += line.reason + "；";
  return why + sentence;
}

const IndicatorResult* Scorecard::Find(const std::string& code) const {
  for (const auto& r : indicators)
    if (r.code == code) return &r;
  return nullptr;
}

std::vector<const IndicatorResult*> Scorecard::Categories() const {
  std::vector<const IndicatorResult*> out;
  for (const auto& r : indicators)
    if (r.parent < 0) out.push_back(&r);
  return out;
}

std::optional<Rational> Scorecard::TotalRatePercent() const {
  if (total_weight.hundredths == 0) return std::nullopt;
  return Rational(total.hundredths * 100, total_weight.hundredths);
}

}  // namespace jixiao
