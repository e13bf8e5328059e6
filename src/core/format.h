// The one number formatter: every figure a user sees is printed here, with its unit.
// Contract: half-up rounding to 2 decimals; 元 amounts with thousands separators
// ("1,471,745.31元"), 万元 to 2 decimals ("147.17万元"), rates "9.02%", scores with trailing
// zeros trimmed as published reports print them ("89.65分", "19分", "28.4分").
#pragma once

#include <string>

#include "core/money.h"
#include "core/rational.h"

namespace jixiao {

std::string GroupThousands(const std::string& plain_decimal);  // "1471745.31" -> "1,471,745.31"

std::string FormatYuan(Money m);          // "1,471,745.31元"
std::string FormatYuanBare(Money m);      // "1,471,745.31"
std::string FormatWanYuan(Money m);       // "147.17万元"
std::string FormatWanYuanExact(Money m);  // "63.00万元", "147.174531万元": never rounded
std::string FormatPercent(const Rational& percent_value);  // 9.0182 -> "9.02%"
std::string FormatRateOf(const Rational& fraction);        // 1/4 -> "25.00%"
std::string FormatScoreNumber(Score s);                    // "2.25", "19", "28.4"
std::string FormatScore(Score s);                          // "2.25分"
std::string FormatPoints(const Rational& points);          // exact points rounded: "0.75分"
// A share of the weight as the model report writes it: 1/4 -> "25%", 2/3 -> "2/3", 0.4 -> "40%".
std::string FormatShare(const Rational& share);
// A metric value in its unit: "%" -> FormatPercent ("98.90%"), "元" -> "1,234.00元",
// others -> trimmed decimal followed by the unit ("26批次").
std::string FormatQuantity(const Rational& value, const std::string& unit);
// A calendar day as reports print it: (2024, 6, 20) -> "2024年6月20日"; without the year when the
// year is clear from the sentence: "6月20日".
std::string FormatDate(int year, int month, int day);
std::string FormatMonthDay(int month, int day);
// Trimmed decimal with at most 2 places: 2.50 -> "2.5", 3 -> "3".
std::string TrimmedDecimal(const Rational& value);
// An exact value as a reader checks it (issue 23): integers and decimals of up to 4 places as they
// are ("3", "9.0182"); any other fraction as its first 4 decimals, cut, with "…" and the fraction:
// 220000/2469 -> "89.1049…（= 220000/2469）".
std::string FormatExactDecimal(const Rational& value);

}  // namespace jixiao
