#include "core/amount.h"

#include "core/format.h"
#include "core/quantity.h"

namespace jixiao {

std::string Amount::ToString() const {
  return share ? "权重的" + FormatShare(value) : FormatPoints(value);
}

std::string Amount::Describe(const Rational& weight) const {
  if (share) return "权重的" + FormatShare(value) + "（" + FormatPoints(value * weight) + "）";
  return FormatPoints(value);
}

std::optional<Amount> Amount::Parse(std::string_view raw, std::string* error, Problem* problem) {
  if (problem) *problem = Problem::kNone;
  auto fail = [&](const std::string& why,
                  Problem kind = Problem::kUnreadable) -> std::optional<Amount> {
    if (error) *error = why;
    if (problem) *problem = kind;
    return std::nullopt;
  };
  std::string text = NormalizeWidth(raw);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.erase(0, 1);
  const std::string accepted =
      "扣分写作分数 1.5（或 \"1.5分\"），或按权重比例写作 \"25%\"、\"2/3\"";
  if (text.empty()) return fail("扣分为空；" + accepted);
  Amount a;
  size_t slash = text.find('/');
  if (slash != std::string::npos) {
    auto n = ParseQuantity(text.substr(0, slash));
    auto d = ParseQuantity(text.substr(slash + 1));
    if (!n.quantity || !d.quantity || !n.quantity->unit.empty() || !d.quantity->unit.empty() ||
        d.quantity->value.IsZero())
      return fail("“" + text + "”不是有效的比例；" + accepted);
    a = Share(n.quantity->value / d.quantity->value);
  } else {
    auto q = ParseQuantity(text);
    if (!q.quantity) return fail(q.error + "；" + accepted);
    const std::string& unit = q.quantity->unit;
    if (unit == "%") {
      a = Share(q.quantity->value / Rational(100));
    } else if (unit.empty() || unit == "分") {
      a = Points(q.quantity->value);
    } else {
      return fail("“" + text + "”的单位“" + unit + "”无法用作扣分；" + accepted);
    }
  }
  if (a.value.IsNegative())
    return fail("扣分不能为负数（“" + text + "”）；如需加分请使用 override", Problem::kNegative);
  if (a.share && Rational(1) < a.value)
    return fail("按权重比例扣分不能超过100%（“" + text + "”）", Problem::kShareAboveFull);
  return a;
}

std::string CappedDeductionsMessage(const std::string& code, const Rational& taken,
                                    const Rational& limit, const std::string& limit_name,
                                    const std::vector<Rational>& each) {
  std::string rows;  // which of the indicator's deductions (第N条), and from which one it is over
  Rational sum;
  size_t over = 0;
  for (size_t i = 0; i < each.size(); ++i) {
    sum += each[i];
    if (!over && limit < sum) over = i + 1;
    rows += (rows.empty() ? "" : "、") +
            ("第" + std::to_string(i + 1) + "条扣" + FormatPoints(each[i]));
  }
  if (over) rows += "，自第" + std::to_string(over) + "条起超出；";
  return "指标 " + code + " 扣分合计" + FormatPoints(taken) + "超过本指标" + limit_name +
         FormatPoints(limit) + "，按" + FormatPoints(limit) + "计（得0分）：" + rows +
         "请核对扣分明细，重复或超出的扣分请删去或合并";
}

}  // namespace jixiao
