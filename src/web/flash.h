// One-time messages after a form post (POST, redirect, GET): the redirect's ?message= is taken out
// of the address and kept for the session, then shown once by the next page that session opens,
// so a reload or a bookmark never repeats it. Kept in this process's memory by session token
// hash (a message for a session another process serves is not shown there: never repeated).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace jixiao::web {

// Takes the message= parameter out of a redirect's address ("/targets/x?message=%E5…" ->
// "/targets/x"), returning it decoded; "" (the address unchanged) when there is none.
std::string TakeMessageParam(std::string& location);

class FlashStore {
 public:
  void Put(const std::string& session_hash, const std::string& message, int64_t now);
  // The session's message, removed; "" when none (or older than kKeepSeconds).
  std::string Take(const std::string& session_hash, int64_t now);
  static constexpr int64_t kKeepSeconds = 600;
  static constexpr size_t kMaxEntries = 10000;

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<std::string, int64_t>> messages_;
};

}  // namespace jixiao::web
