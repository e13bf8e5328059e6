#include "core/money.h"

namespace jixiao {

std::optional<Money> Money::Parse(std::string_view text, MoneyUnit unit) {
  auto value = Rational::Parse(text);
  if (!value || text.find('/') != std::string_view::npos ||
      text.find('%') != std::string_view::npos)
    return std::nullopt;
  Rational fen;
  try {
    fen = *value * Rational(unit == MoneyUnit::kWanYuan ? 1000000 : 100);
  } catch (const std::overflow_error&) {
    return std::nullopt;  // beyond 64-bit fen: callers check the size limit first
  }
  if (fen.den() != 1) return std::nullopt;
  return Money{fen.num()};
}

std::optional<Score> Score::Exact(const Rational& value) {
  Rational scaled;
  try {
    scaled = value * Rational(100);
  } catch (const std::overflow_error&) {
    return std::nullopt;
  }
  if (scaled.den() != 1) return std::nullopt;
  return Score{scaled.num()};
}

}  // namespace jixiao
