// Times shown to users in 北京时间 (UTC+8, no daylight saving); the store keeps UTC.
#include <cstdio>
#include <ctime>

#include "web/routes.h"

namespace jixiao::web {

std::string BeijingTime(const std::string& utc) {
  std::tm t{};
  int n = 0;
  if (std::sscanf(utc.c_str(), "%4d-%2d-%2d%*1[ T]%2d:%2d:%2d%n", &t.tm_year, &t.tm_mon, &t.tm_mday,
                  &t.tm_hour, &t.tm_min, &t.tm_sec, &n) != 6)
    return utc;  // not a stamp the store writes: shown as it is
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  std::time_t seconds = timegm(&t) + 8 * 3600;
  std::tm local{};
  if (!gmtime_r(&seconds, &local)) return utc;
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d:%02d", local.tm_year + 1900,
                local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
  return out;
}

}  // namespace jixiao::web
