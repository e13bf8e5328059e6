// The framework workbook (指标体系表) for the CLI (`jixiao framework`) and the web page alike:
// a framework's JSON text → .xlsx bytes, and an edited .xlsx → the framework's JSON text.
// Contract: nullopt with located Chinese diagnostics on any problem; nothing is written here.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"

namespace jixiao {

std::optional<std::string> FrameworkWorkbookBytes(const std::string& file,
                                                  const std::string& json_text, Diagnostics& diags);
// The JSON text of the framework in the workbook `file` (shown as `shown`), validated.
std::optional<std::string> FrameworkJsonFromXlsx(const std::string& file, const std::string& shown,
                                                 Diagnostics& diags);

}  // namespace jixiao
