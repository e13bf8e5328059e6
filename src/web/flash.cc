// One-time messages after a form post; see the header.
#include "web/flash.h"

#include "web/http.h"

namespace jixiao::web {

std::string TakeMessageParam(std::string& location) {
  const size_t query = location.find('?');
  if (query == std::string::npos) return "";
  size_t at = query + 1;
  while (at < location.size()) {
    size_t end = location.find('&', at);
    if (end == std::string::npos) end = location.size();
    if (location.compare(at, 8, "message=") == 0) {
      std::string message = UrlDecode(location.substr(at + 8, end - at - 8));
      // Remove "message=…" with the separator that joins it to the rest.
      if (end < location.size())
        location.erase(at, end - at + 1);
      else
        location.erase(at - 1);  // the last parameter: its ? or & goes too
      return message;
    }
    at = end + 1;
  }
  return "";
}

void FlashStore::Put(const std::string& session_hash, const std::string& message, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  if (messages_.size() >= kMaxEntries)
    for (auto it = messages_.begin(); it != messages_.end();)
      it = now - it->second.second > kKeepSeconds ? messages_.erase(it) : std::next(it);
  if (messages_.size() >= kMaxEntries) messages_.erase(messages_.begin());
  messages_[session_hash] = {message, now};
}

std::string FlashStore::Take(const std::string& session_hash, int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = messages_.find(session_hash);
  if (it == messages_.end()) return "";
  std::string message = now - it->second.second > kKeepSeconds ? "" : it->second.first;
  messages_.erase(it);
  return message;
}

}  // namespace jixiao::web
