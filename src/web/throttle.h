// Login throttling per account and per address: after kMaxFailures failed attempts within
// kWindowSeconds, further attempts are refused until the window has passed since the last one.
// Contract: thread-safe; in memory (a restart forgets, which only ever loosens, never locks out).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace jixiao::web {

class Throttle {
 public:
  static constexpr int kMaxAccountFailures = 5;
  static constexpr int kMaxAddressFailures = 20;
  static constexpr int64_t kWindowSeconds = 15 * 60;

  // Seconds to wait before `account` from `address` may try again; 0 when allowed.
  int64_t Blocked(const std::string& account, const std::string& address, int64_t now);
  void Failed(const std::string& account, const std::string& address, int64_t now);
  void Succeeded(const std::string& account);

 private:
  struct Entry {
    int failures = 0;
    int64_t last = 0;
  };
  int64_t Wait(std::map<std::string, Entry>& m, const std::string& key, int limit, int64_t now);
  std::mutex mu_;
  std::map<std::string, Entry> accounts_, addresses_;
};

}  // namespace jixiao::web
