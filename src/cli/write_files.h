// Writes output files atomically: each goes to a temporary file in the target directory and is
// renamed into place, so a failure never leaves a half-written report behind, and temporaries
// are removed on every way out (core/temp_files.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"

namespace jixiao::cli {

// Creates `dir` (and parents), installs the temp-file cleanup and removes temporaries left by
// killed runs; a located Chinese error when `dir` cannot be a folder.
bool PrepareOutputDir(const std::string& dir, Diagnostics& diags);

bool WriteFilesAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                          Diagnostics& diags);

// A command's last step: writes `files` (none: their making failed) and lists their paths, exit
// code 0; else prints the diagnostics, exit code 1.
int WriteAndList(const std::string& dir, const std::optional<std::vector<OutputFile>>& files,
                 Diagnostics& diags);

}  // namespace jixiao::cli
