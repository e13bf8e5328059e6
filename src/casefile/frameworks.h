// Where shipped indicator frameworks are found by id, from any working folder:
// $JIXIAO_INDICATORS, then the shipped indicators/ found at run time (core/resources.h:
// $JIXIAO_HOME, beside the binary, <exe>/../share/jixiao, the source tree's <exe>/../indicators).
// Contract: pure lookups; an id is a file name without ".json" and must not contain '/' or "..".
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

std::vector<std::string> ShippedFrameworkDirs();
std::optional<std::string> FindShippedFramework(const std::string& id);
std::vector<std::string> ShippedFrameworkIds();  // sorted, for messages
// "" when the shipped indicators/ is found, else "；" and where it was looked for (Chinese).
std::string ShippedIndicatorsHint();

}  // namespace jixiao
