// Money as integer fen, and scores as integer hundredths of a point.
// Contract: no floating point anywhere; parsing accepts thousands separators and rejects anything
// that is not an exact amount (a 元 amount with more than 2 decimals, a 万元 amount beyond the
// fen).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "core/rational.h"

namespace jixiao {

enum class MoneyUnit { kYuan, kWanYuan };

// Checked 64-bit sums: an overflow throws std::overflow_error (as Rational does), never wraps.
inline int64_t CheckedAdd(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("数值超出精确运算范围");
  return r;
}
inline int64_t CheckedSub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) throw std::overflow_error("数值超出精确运算范围");
  return r;
}

struct Money {
  int64_t fen = 0;
  Rational ToYuan() const { return Rational(fen, 100); }
  Money operator+(Money o) const { return {CheckedAdd(fen, o.fen)}; }
  Money operator-(Money o) const { return {CheckedSub(fen, o.fen)}; }
  Money& operator+=(Money o) {
    fen = CheckedAdd(fen, o.fen);
    return *this;
  }
  bool operator==(Money o) const { return fen == o.fen; }
  bool operator!=(Money o) const { return fen != o.fen; }
  bool operator<(Money o) const { return fen < o.fen; }
  bool operator>(Money o) const { return fen > o.fen; }
  // Parses "1,471,745.31" (元) or "147.17" (万元). nullopt when not an exact amount.
  static std::optional<Money> Parse(std::string_view text, MoneyUnit unit);
};

struct Score {
  int64_t hundredths = 0;
  Rational ToRational() const { return Rational(hundredths, 100); }
  Score operator+(Score o) const { return {CheckedAdd(hundredths, o.hundredths)}; }
  Score operator-(Score o) const { return {CheckedSub(hundredths, o.hundredths)}; }
  Score& operator+=(Score o) {
    hundredths = CheckedAdd(hundredths, o.hundredths);
    return *this;
  }
  bool operator==(Score o) const { return hundredths == o.hundredths; }
  bool operator!=(Score o) const { return hundredths != o.hundredths; }
  bool operator<(Score o) const { return hundredths < o.hundredths; }
  bool operator<=(Score o) const { return hundredths <= o.hundredths; }
  // The one rounding step: exact value, half-up to 0.01.
  static Score Round(const Rational& exact) { return {exact.RoundScaled(2)}; }
  // Exact hundredths only ("2.25", "13"); nullopt when the value needs a finer unit.
  static std::optional<Score> Exact(const Rational& value);
};

}  // namespace jixiao
