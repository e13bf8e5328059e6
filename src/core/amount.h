// An amount: every deduction a framework or a case writes (findings' deductions, linear `deduct`,
// timeliness `per_item`/`per_day`, element `points`, and any parameter added later).
// Contract: one meaning everywhere — a bare number (1.5, "1.5", "1.5分") is points; "25%" or
// "2/3" is that share of the leaf's weight, kept exact. Negative amounts and shares above 100%
// are refused. Parse returns nullopt with a Chinese reason the caller locates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rational.h"

namespace jixiao {

struct Amount {
  Rational value;      // points, or the share of the weight (1/4 for "25%")
  bool share = false;  // true when written as "25%" or "2/3"

  static Amount Points(Rational points) { return {points, false}; }
  static Amount Share(Rational share) { return {share, true}; }
  // Exact points for a leaf of `weight` points.
  Rational PointsOf(const Rational& weight) const { return share ? value * weight : value; }
  // As written in sentences: "权重的25%", "权重的2/3", "1.5分".
  std::string ToString() const;
  // Both forms for a leaf of `weight`: "扣权重的25%（0.75分）" or "扣1分（权重的20%）".
  std::string Describe(const Rational& weight) const;

  enum class Problem { kNone, kUnreadable, kNegative, kShareAboveFull };
  // `text` is the value as written (a JSON number's exact text or a string's contents).
  static std::optional<Amount> Parse(std::string_view text, std::string* error,
                                     Problem* problem = nullptr);
};

// Issue 21: deductions typed for leaf `code` that add up to more than it can lose (`limit`, named
// "分值" or "按评分标准所得") are counted as `limit`; the warning the engine and the importer give.
// `each` (the points of each deduction, in order) names the rows: "第1条扣2分、第2条扣1.75分，
// 自第2条起超出".
std::string CappedDeductionsMessage(const std::string& code, const Rational& taken,
                                    const Rational& limit, const std::string& limit_name,
                                    const std::vector<Rational>& each = {});

}  // namespace jixiao
