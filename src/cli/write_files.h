// Writes output files atomically: each goes to a temporary file in the target directory and is
// renamed into place, so a failure never leaves a half-written report behind.
#pragma once

#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"

namespace jixiao::cli {

bool WriteFilesAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                          Diagnostics& diags);

}  // namespace jixiao::cli
