// Reads a case directory (DESIGN.md §4): case.json, the CSV tables that are present, and the
// narrative Markdown files.
// Contract: every problem goes to `diags` with file and line/column or JSON path; returns nullopt
// if any error was reported. Absent optional files leave their Table with present == false.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/case.h"

namespace jixiao {

std::optional<Case> LoadCase(const std::string& dir, Diagnostics& diags);

// The CSV tables alone, for callers that already hold case.json's contents.
void LoadCaseTables(const std::string& dir, Case& c, Diagnostics& diags);

}  // namespace jixiao
