#include "core/format.h"


namespace jixiao {

std::string GroupThousands(const std::string& plain) {
  size_t start = (!plain.empty() && plain[0] == '-') ? 1 : 0;
  size_t point = plain.find('.');
  size_t int_end = point == std::string::npos ? plain.size() : point;
  std::string out = plain.substr(0, start);
  for (size_t i = start; i < int_end; ++i) {
    out += plain[i];
    size_t remaining = int_end - i - 1;
    if (remaining > 0 && remaining % 3 == 0) out += ',';
  }
  out += plain.substr(int_end);
  return out;
}

std::string FormatYuanBare(Money m) { return GroupThousands(m.ToYuan().ToDecimal(2)); }

std::string FormatYuan(Money m) { return FormatYuanBare(m) + "元"; }

std::string FormatWanYuan(Money m) {
  return GroupThousands((Rational(m.fen, 1000000)).ToDecimal(2)) + "万元";
}

std::string FormatWanYuanExact(Money m) {
  std::string plain = Rational(m.fen, 1000000).ToDecimal(6);  // 1 fen = 0.000001万元: exact
  while (plain.size() > 1 && plain.back() == '0' && plain.size() - plain.find('.') > 3)
    plain.pop_back();
  return GroupThousands(plain) + "万元";
}

std::string FormatDate(int year, int month, int day) {
  return std::to_string(year) + "年" + FormatMonthDay(month, day);
}

std::string FormatMonthDay(int month, int day) {
  return std::to_string(month) + "月" + std::to_string(day) + "日";
}

std::string FormatPercent(const Rational& percent_value) {
  return percent_value.ToDecimal(2) + "%";
}

std::string FormatRateOf(const Rational& fraction) {
  return FormatPercent(fraction * Rational(100));
}

std::string TrimmedDecimal(const Rational& value) {
  std::string text = value.ToDecimal(2);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string FormatExactDecimal(const Rational& value) {
  // Exact with at most 4 places when value × 10^4 is an integer.
  const bool short_decimal = (value * Rational(10000)).den() == 1;
  if (short_decimal) {
    std::string text = value.ToDecimal(4);
    if (text.find('.') != std::string::npos) {
      while (text.back() == '0') text.pop_back();
      if (text.back() == '.') text.pop_back();
    }
    return text;
  }
  // Cut (toward zero) after 4 places: the digits shown are all exact.
  const Rational scaled = value * Rational(10000);
  const int64_t cut = scaled.num() / scaled.den();
  const int64_t whole = cut / 10000, part = cut < 0 ? -(cut % 10000) : cut % 10000;
  std::string digits = std::to_string(part);
  digits.insert(0, 4 - digits.size(), '0');
  const std::string sign = value < Rational(0) && whole == 0 ? "-" : "";
  return sign + std::to_string(whole) + "." + digits + "…（= " + value.ToString() + "）";
}

std::string FormatScoreNumber(Score s) { return TrimmedDecimal(s.ToRational()); }

std::string FormatScore(Score s) { return FormatScoreNumber(s) + "分"; }

std::string FormatPoints(const Rational& points) { return TrimmedDecimal(points) + "分"; }

std::string FormatShare(const Rational& share) {
  Rational percent = share * Rational(100);
  if (Rational(percent.RoundScaled(2), 100) == percent) return TrimmedDecimal(percent) + "%";
  return share.ToString();
}

std::string FormatQuantity(const Rational& value, const std::string& unit) {
  if (unit == "%") return FormatPercent(value);
  if (unit == "元") return GroupThousands(value.ToDecimal(2)) + "元";
  if (unit == "万元") return GroupThousands(value.ToDecimal(2)) + "万元";
  return TrimmedDecimal(value) + unit;
}

}  // namespace jixiao
