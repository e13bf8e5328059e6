// Login throttling per account and per address: after kMaxAccountFailures (kMaxAddressFailures)
// failed attempts within kWindowSeconds, further attempts are refused until the window has passed
// since the last one.
// Contract: thread-safe; with a Db the counts live in the store, so every serve process on that
// store sees them (a failure on one counts on all); without one (tests) they are in memory.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace jixiao::web {

class Db;

class Throttle {
 public:
  static constexpr int kMaxAccountFailures = 5;
  static constexpr int kMaxAddressFailures = 20;
  static constexpr int64_t kWindowSeconds = 15 * 60;

  explicit Throttle(Db* db = nullptr) : db_(db) {}
  // Seconds to wait before `account` from `address` may try again; 0 when allowed.
  int64_t Blocked(const std::string& account, const std::string& address, int64_t now);
  void Failed(const std::string& account, const std::string& address, int64_t now);
  void Succeeded(const std::string& account);

 private:
  struct Entry {
    int64_t failures = 0, last = 0;
  };
  Entry Get(const std::string& key);
  int64_t Wait(const std::string& key, int limit, int64_t now);
  Db* db_;
  std::mutex mu_;
  std::map<std::string, Entry> memory_;  // keys "acct:NAME" and "addr:ADDRESS"
};

}  // namespace jixiao::web
