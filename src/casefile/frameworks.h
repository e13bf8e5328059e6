// Where shipped indicator frameworks are found by id, from any working folder:
// $JIXIAO_INDICATORS, then indicators/ next to the executable's folder (<exe>/../indicators, the
// build tree), then <exe>/../share/jixiao/indicators (an installed copy), then the indicators/ of
// the source tree the binary was built from.
// Contract: pure lookups; an id is a file name without ".json" and must not contain '/' or "..".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

std::vector<std::string> ShippedFrameworkDirs();
std::optional<std::string> FindShippedFramework(const std::string& id);
std::vector<std::string> ShippedFrameworkIds();  // sorted, for messages

}  // namespace jixiao
