// Comparisons over archived evaluations: rebuilds scorecards, grade bands and problems from the
// archive and compares them like `jixiao compare CASE…` does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "archive/archive.h"

namespace jixiao::archive {

std::optional<std::vector<OutputFile>> CompareArchived(Archive& archive, const std::string& year,
                                                       const std::string& framework,
                                                       const std::vector<std::string>& formats,
                                                       const std::string& template_dir,
                                                       Diagnostics& diags);

}  // namespace jixiao::archive
