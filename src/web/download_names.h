// Download file names as a person keeps them: the project and the year before what the file is
// ("社区养老服务_2025年_申报表.xlsx"), so two tables downloaded one after the other do not collide
// (issue 21, trial 2 item 17). Contract: pure; the name holds no path separator or control
// character (the header encodes it per RFC 5987, http.cc).
#pragma once

#include <string>

namespace jixiao::web {

// `title` and `year` as stored (either may be empty); `what` 申报表 / 绩效目标表 / 复核汇总 …;
// `ext` with its dot.
std::string DownloadName(const std::string& title, const std::string& year, const std::string& what,
                         const std::string& ext);

}  // namespace jixiao::web
