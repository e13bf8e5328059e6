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
// Loads a stored version of document `id` ("" for an upload not yet stored).
std::optional<TargetFile> LoadVersion(Server& server, const std::string& id,
                                      const std::string& content, Diagnostics& diags);

}  // namespace jixiao::web
