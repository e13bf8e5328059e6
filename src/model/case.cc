#include "model/case.h"

#include <cstdio>

#include "core/quantity.h"

namespace jixiao {

Money BudgetLine::Initial() const {
  Money sum;
  for (const auto& d : details) sum += d.initial;
  return sum;
}

int64_t Date::DayNumber() const {
  // Days from civil date (proleptic Gregorian), after Howard Hinnant's algorithm.
  int y = year - (month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int mp = month + (month > 2 ? -3 : 9);
  int doy = (153 * mp + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<int64_t>(era) * 146097 + doe - 719468;
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> Date::Parse(const std::string& text) {
  auto day = ParseCalendarDay(text);
  if (!day) return std::nullopt;
  return Date{day->year, day->month, day->day};
}

}  // namespace jixiao
