#include "web/throttle.h"

#include <algorithm>

namespace jixiao::web {

int64_t Throttle::Wait(std::map<std::string, Entry>& m, const std::string& key, int limit,
                       int64_t now) {
  auto it = m.find(key);
  if (it == m.end()) return 0;
  if (now - it->second.last >= kWindowSeconds) {
    m.erase(it);
    return 0;
  }
  return it->second.failures >= limit ? kWindowSeconds - (now - it->second.last) : 0;
}

int64_t Throttle::Blocked(const std::string& account, const std::string& address, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return std::max(Wait(accounts_, account, kMaxAccountFailures, now),
                  Wait(addresses_, address, kMaxAddressFailures, now));
}

void Throttle::Failed(const std::string& account, const std::string& address, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto* m : {&accounts_, &addresses_}) {
    Entry& e = (*m)[m == &accounts_ ? account : address];
    if (now - e.last >= kWindowSeconds) e.failures = 0;
    ++e.failures;
    e.last = now;
  }
}

void Throttle::Succeeded(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  accounts_.erase(account);
}

}  // namespace jixiao::web
