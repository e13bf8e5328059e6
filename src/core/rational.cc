#include "core/rational.h"

#include <limits>
#include <stdexcept>

namespace jixiao {
namespace {

__int128 Gcd(__int128 a, __int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool FitsInt64(__int128 v) {
  return v >= std::numeric_limits<int64_t>::min() && v <= std::numeric_limits<int64_t>::max();
}

}  // namespace

Rational::Rational(int64_t num, int64_t den) { *this = FromWide(num, den); }

Rational Rational::FromWide(__int128 num, __int128 den) {
  if (den == 0) throw std::domain_error("除数为零");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  __int128 g = Gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  if (!FitsInt64(num) || !FitsInt64(den)) throw std::overflow_error("数值超出精确运算范围");
  Rational r;
  r.num_ = static_cast<int64_t>(num);
  r.den_ = static_cast<int64_t>(den);
  return r;
}

Rational Rational::operator+(const Rational& o) const {
  return FromWide(static_cast<__int128>(num_) * o.den_ + static_cast<__int128>(o.num_) * den_,
                  static_cast<__int128>(den_) * o.den_);
}

Rational Rational::operator-(const Rational& o) const { return *this + (-o); }

Rational Rational::operator*(const Rational& o) const {
  return FromWide(static_cast<__int128>(num_) * o.num_, static_cast<__int128>(den_) * o.den_);
}

Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw std::domain_error("除数为零");
  return FromWide(static_cast<__int128>(num_) * o.den_, static_cast<__int128>(den_) * o.num_);
}

bool Rational::operator<(const Rational& o) const {
  return static_cast<__int128>(num_) * o.den_ < static_cast<__int128>(o.num_) * den_;
}

int64_t Rational::RoundScaled(int decimals) const {
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  __int128 scaled = static_cast<__int128>(num_) * scale;
  __int128 magnitude = scaled < 0 ? -scaled : scaled;
  __int128 rounded = (2 * magnitude + den_) / (2 * static_cast<__int128>(den_));
  __int128 result = scaled < 0 ? -rounded : rounded;
  if (!FitsInt64(result)) throw std::overflow_error("数值超出精确运算范围");
  return static_cast<int64_t>(result);
}

std::string Rational::ToDecimal(int decimals) const {
  int64_t scaled = RoundScaled(decimals);
  bool negative = scaled < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  std::string digits = std::to_string(magnitude);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals)) {
      digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  }
  return (negative ? "-" : "") + digits;
}

std::string Rational::ToString() const {
  // Terminating decimals print as decimals; others as a fraction.
  int64_t d = den_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  if (d != 1) return std::to_string(num_) + "/" + std::to_string(den_);
  for (int decimals = 0; decimals <= 18; ++decimals) {
    Rational back = *Parse(ToDecimal(decimals));
    if (back == *this) return ToDecimal(decimals);
  }
  return std::to_string(num_) + "/" + std::to_string(den_);
}

std::optional<Rational> Rational::Parse(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  bool percent = false;
  if (text.back() == '%') {
    percent = true;
    text.remove_suffix(1);
  }
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    auto n = Parse(text.substr(0, slash));
    auto d = Parse(text.substr(slash + 1));
    if (!n || !d || d->IsZero() || percent) return std::nullopt;
    return *n / *d;
  }
  bool negative = false;
  size_t i = 0;
  if (text[i] == '-' || text[i] == '+') {
    negative = text[i] == '-';
    ++i;
  }
  __int128 num = 0;
  __int128 den = 1;
  bool seen_digit = false, seen_point = false;
  int group = 0, commas = 0;  // digits since the last thousands separator; separators seen
  auto groups_ok = [&] { return commas == 0 || group == 3; };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (!seen_point) ++group;
      seen_digit = true;
      num = num * 10 + (c - '0');
      if (seen_point) den *= 10;
      if (num > std::numeric_limits<int64_t>::max() || den > std::numeric_limits<int64_t>::max())
        return std::nullopt;
    } else if (c == '.' && !seen_point) {
      if (!groups_ok()) return std::nullopt;
      seen_point = true;
    } else if (c == ',' && !seen_point && seen_digit) {
      // Thousands separator: only in groups of three ("1,568.99"; "1,5" is refused).
      if ((commas == 0 && group > 3) || (commas > 0 && group != 3)) return std::nullopt;
      ++commas;
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (!seen_point && !groups_ok())) return std::nullopt;
  if (percent) den *= 100;
  if (negative) num = -num;
  try {
    return FromWide(num, den);
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
}

Rational Min(const Rational& a, const Rational& b) { return b < a ? b : a; }
Rational Max(const Rational& a, const Rational& b) { return a < b ? b : a; }

}  // namespace jixiao
