#include "web/download_names.h"

#include "core/text.h"

namespace jixiao::web {

std::string DownloadName(const std::string& title, const std::string& year, const std::string& what,
                         const std::string& ext) {
  std::string safe;
  for (char c : Trim(title)) {
    const auto u = static_cast<unsigned char>(c);
    safe += u < 0x20 || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
                    c == '<' || c == '>' || c == '|'
                ? '_'
                : c;
  }
  if (safe.size() > 120) {  // cut on a UTF-8 boundary
    size_t at = 120;
    while (at > 0 && (static_cast<unsigned char>(safe[at]) & 0xC0) == 0x80) --at;
    safe = safe.substr(0, at);
  }
  std::string name = safe;
  if (!year.empty() && safe.find(year) == std::string::npos)
    name += (name.empty() ? "" : "_") + year + "年";
  // A title that already ends with what the file is is not repeated (…绩效目标表_绩效目标表).
  if (!EndsWith(name, what)) name += (name.empty() ? "" : "_") + what;
  return name + ext;
}

}  // namespace jixiao::web
