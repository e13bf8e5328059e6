// Reads indicators/ID.json into a Framework and validates it (DESIGN.md §3).
// Contract: returns nullopt when any error was reported; every problem names the file, line,
// column and JSON path. Rule parameters are checked per rule type (unknown keys are errors).
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/framework.h"

namespace jixiao {

std::optional<Framework> LoadFramework(const std::string& file, Diagnostics& diags);
std::optional<Framework> ParseFramework(const std::string& file, const std::string& json_text,
                                        Diagnostics& diags);

}  // namespace jixiao
