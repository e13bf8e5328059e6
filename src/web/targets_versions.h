// A unit's 绩效目标表 as stored: each version's content is "FORMAT\n" + the file's bytes (FORMAT:
// csv or xlsx), read back as `jixiao targets check` reads the file (through a scratch copy named
// 绩效目标表 in messages). The project block of an uploaded 申报表 is kept from version 1.
#pragma once

#include <optional>
#include <string>

#include "app/targets_app.h"
#include "web/server.h"

namespace jixiao::web {

std::string Pack(const std::string& format, const std::string& bytes);
bool Unpack(const std::string& content, std::string& format, std::string& bytes);
// A CSV version written by a fix or an edit of `before`: its first line also holds the row
// numbers the unit sees for its records ("csv lines=2:11,3:12…", ShownLinesAfter), so the page,
// the downloads and the version log keep one numbering, the unit's sheet rows (trial 3 item 7).
std::string PackEdited(const TargetFile& before, const FixedTable& table);
// Loads a stored version of document `id` ("" for an upload not yet stored).
std::optional<TargetFile> LoadVersion(Server& server, const std::string& id,
                                      const std::string& content, Diagnostics& diags);

}  // namespace jixiao::web
