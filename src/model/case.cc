#include "model/case.h"

#include <cstdio>

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
  int y = 0, m = 0, d = 0;
  char tail = 0;
  bool ok = std::sscanf(text.c_str(), "%d-%d-%d%c", &y, &m, &d, &tail) == 3 ||
            std::sscanf(text.c_str(), "%d/%d/%d%c", &y, &m, &d, &tail) == 3 ||
            std::sscanf(text.c_str(), "%d年%d月%d日%c", &y, &m, &d, &tail) == 3;
  if (!ok || m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return std::nullopt;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  return Date{y, m, d};
}

}  // namespace jixiao
