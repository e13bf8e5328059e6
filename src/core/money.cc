#include "core/money.h"

namespace jixiao {

std::optional<Money> Money::Parse(std::string_view text, MoneyUnit unit) {
  auto value = Rational::Parse(text);
  if (!value || text.find('/') != std::string_view::npos ||
      text.find('%') != std::string_view::npos)
    return std::nullopt;
  Rational fen = *value * Rational(unit == MoneyUnit::kWanYuan ? 1000000 : 100);
  if (fen.den() != 1) return std::nullopt;
  return Money{fen.num()};
}

std::optional<Score> Score::Exact(const Rational& value) {
  Rational scaled = value * Rational(100);
  if (scaled.den() != 1) return std::nullopt;
  return Score{scaled.num()};
}

}  // namespace jixiao
