#include "scoring/scorecard.h"

namespace jixiao {

std::optional<Rational> IndicatorResult::RatePercent() const {
  if (weight.hundredths == 0) return std::nullopt;
  return Rational(score.hundredths * 100, weight.hundredths);
}

std::string IndicatorResult::DeductionText() const {
  if (Lost().hundredths <= 0) return "";
  // "评定为“较合理”，扣权重的50%，扣1.5分。": the reasons, then the deduction; "根据评分标准"
  // is what the row's 评分标准 cell beside it says.
  std::string why;
  for (const auto& line : deductions)
    if (!line.reason.empty()) {
      std::string reason = line.reason;
      // A band's result ("，得分值的2/3") is the deduction said the other way round.
      if (rule_type == "bands")
        for (const std::string result : {"，得分值的", "，不得分", "，得满分"})
          if (size_t at = reason.rfind(result); at != std::string::npos) {
            reason.resize(at);
            break;
          }
      for (const std::string stop : {"。", "；"})
        if (reason.size() >= stop.size() &&
            reason.compare(reason.size() - stop.size(), stop.size(), stop) == 0)
          reason.resize(reason.size() - stop.size());
      why += (why.empty() ? "" : "；") + reason;
    }
  static const std::string kLead = "根据评分标准，";
  if (why.empty()) return sentence;
  std::string rest = sentence.rfind(kLead, 0) == 0 ? sentence.substr(kLead.size()) : sentence;
  return why + "，" + rest;
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
