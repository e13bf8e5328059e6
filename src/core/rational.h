// Exact rational numbers for scores, shares and rates.
// Contract: always normalised (gcd-reduced, denominator > 0). Arithmetic is exact; an
// intermediate that overflows 64 bits after reduction throws std::overflow_error, never wraps.
// Rounding to a fixed number of decimals is half-up (away from zero for .5), done once, at the end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

class Rational {
 public:
  Rational() = default;
  Rational(int64_t value) : num_(value), den_(1) {}  // NOLINT: implicit from integers is intended
  Rational(int64_t num, int64_t den);

  int64_t num() const { return num_; }
  int64_t den() const { return den_; }
  bool IsZero() const { return num_ == 0; }
  bool IsNegative() const { return num_ < 0; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;  // throws std::domain_error on division by zero
  Rational operator-() const { return Rational(-num_, den_); }
  Rational& operator+=(const Rational& o) { return *this = *this + o; }
  Rational& operator-=(const Rational& o) { return *this = *this - o; }

  bool operator==(const Rational& o) const { return num_ == o.num_ && den_ == o.den_; }
  bool operator!=(const Rational& o) const { return !(*this == o); }
  bool operator<(const Rational& o) const;
  bool operator<=(const Rational& o) const { return !(o < *this); }
  bool operator>(const Rational& o) const { return o < *this; }
  bool operator>=(const Rational& o) const { return !(*this < o); }

  Rational Abs() const { return num_ < 0 ? -*this : *this; }

  // Value × 10^decimals rounded half-up (away from zero), e.g. RoundScaled(2) of 2/3 = 67.
  int64_t RoundScaled(int decimals) const;
  // Plain decimal text rounded half-up to `decimals`, e.g. "0.67"; no separators, no unit.
  std::string ToDecimal(int decimals) const;
  // Shortest exact form for messages: "2/3", "1.5", "3".
  std::string ToString() const;
  double ToDouble() const { return static_cast<double>(num_) / static_cast<double>(den_); }

  // Parses "12", "-0.75", "1,234.5", "2/3", "25%" (= 1/4). Returns nullopt on anything else,
  // including separators not in groups of three ("1,5").
  static std::optional<Rational> Parse(std::string_view text);

 private:
  static Rational FromWide(__int128 num, __int128 den);
  int64_t num_ = 0;
  int64_t den_ = 1;
};

Rational Min(const Rational& a, const Rational& b);
Rational Max(const Rational& a, const Rational& b);

}  // namespace jixiao
