#include "web/throttle.h"

#include <algorithm>

#include "web/db.h"

namespace jixiao::web {

Throttle::Entry Throttle::Get(const std::string& key) {
  if (db_) {
    auto [failures, last] = db_->LoginFailures(key);
    return {failures, last};
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto it = memory_.find(key);
  return it == memory_.end() ? Entry{} : it->second;
}

int64_t Throttle::Wait(const std::string& key, int limit, int64_t now) {
  Entry e = Get(key);
  if (e.failures == 0 || now - e.last >= kWindowSeconds) return 0;
  return e.failures >= limit ? kWindowSeconds - (now - e.last) : 0;
}

int64_t Throttle::Blocked(const std::string& account, const std::string& address, int64_t now) {
  return std::max(Wait("acct:" + account, kMaxAccountFailures, now),
                  Wait("addr:" + address, kMaxAddressFailures, now));
}

void Throttle::Failed(const std::string& account, const std::string& address, int64_t now) {
  for (const std::string& key : {"acct:" + account, "addr:" + address}) {
    if (db_) {
      db_->RecordLoginFailure(key, now, kWindowSeconds);
      continue;
    }
    std::lock_guard<std::mutex> lock(mu_);
    Entry& e = memory_[key];
    if (now - e.last >= kWindowSeconds) e.failures = 0;
    ++e.failures;
    e.last = now;
  }
}

void Throttle::Succeeded(const std::string& account) {
  if (db_) {
    db_->ClearLoginFailures("acct:" + account);
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  memory_.erase("acct:" + account);
}

}  // namespace jixiao::web
