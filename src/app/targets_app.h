// The 绩效目标表 jobs for budget units: load a target table (a targets.csv, or a directory holding
// one, with project.json beside it), check it, and render the 申报表.
// Contract: load problems are located errors; checker findings are returned, not printed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"
#include "model/case.h"
#include "targets/checker.h"

namespace jixiao {

struct TargetFile {
  Table<TargetRow> targets;
  TargetProject project;
};

std::optional<TargetFile> LoadTargetTable(const std::string& path, Diagnostics& diags);
std::vector<targets::Issue> CheckTargetTable(const TargetFile& file, const Case* budget);
std::string TargetIssuesJson(const std::vector<targets::Issue>& issues);
std::optional<std::vector<OutputFile>> RenderTargetTable(const TargetFile& file,
                                                         const std::vector<std::string>& formats,
                                                         Diagnostics& diags);

}  // namespace jixiao
