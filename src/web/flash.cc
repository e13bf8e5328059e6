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

}  // namespace jixiao::web
