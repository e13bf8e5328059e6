// Typed values as evaluators type them: "99.2%", "９９.２％", "1,568.99万元", "329人",
// "0.0129万元/人", and calendar dates. The one parser for every number-with-unit a case holds.
// Contract: full-width forms are normalised first; thousands separators only in groups of three
// ("1,5" is refused); a "%" value keeps its percent number (99.2 for "99.2%", never 0.992);
// units convert only where the conversion is exact and defined (元/万元/亿元, 人/万人,
// 人次/万人次); anything else is refused with a Chinese reason for the caller to locate.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/rational.h"

namespace jixiao {

// Full-width digits, signs, ％ ．，／（）and the ideographic space become their ASCII forms.
std::string NormalizeWidth(std::string_view text);

struct Quantity {
  Rational value;    // as written in `unit`: 99.2 for "99.2%"
  std::string unit;  // "%", "万元", "元/人", "(人)" stripped to "人"; empty for a bare number
};

struct QuantityParse {
  std::optional<Quantity> quantity;
  std::string error;  // Chinese reason when quantity is empty
};

// A number optionally followed by a unit. Refuses fractions, bad separators, empty numbers.
QuantityParse ParseQuantity(std::string_view text);

// Exact factor f such that a value in `from` equals value × f in `to` ("万元" → "元": 10000).
// nullopt when the units differ and no defined conversion links them (户 vs 人, ‰ vs %).
std::optional<Rational> UnitFactor(const std::string& from, const std::string& to);

// Converts a parsed quantity into `unit`; a bare number is taken to be in `unit` already.
// On failure returns nullopt and sets `error` (Chinese, names both units).
std::optional<Rational> ToUnit(const Quantity& q, const std::string& unit, std::string* error);

struct CalendarDay {
  int year = 0, month = 0, day = 0;
};
// 2024-10-09, 2024/10/09, 2024.10.09 (month/day may omit the leading zero) and 2024年10月9日,
// full-width digits allowed; any other form, or a day that does not exist, is nullopt.
std::optional<CalendarDay> ParseCalendarDay(std::string_view text);

}  // namespace jixiao
