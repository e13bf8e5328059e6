// The 绩效目标表 checker for budget units: each defect reviewers deduct for is a named rule with a
// code, a severity, the row, a Chinese explanation and, where it is mechanical, a suggested
// rewrite. Rules serve the four principles 指向明确、细化量化、合理可行、相应匹配
// (docs/targets.md). Contract: pure; rows are checked as loaded (merged 一级/二级 already filled
// in); budget checks run only when a budget is given.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/case.h"

namespace jixiao::targets {

struct RuleInfo {
  const char* code;       // "T06"
  const char* name;       // "缺少比较符"
  const char* principle;  // "细化量化"
};
const std::vector<RuleInfo>& Rules();

struct Issue {
  std::string rule;  // code
  Severity severity = Severity::kWarning;
  int row = 0;  // source line, 0 for the table as a whole
  std::string indicator;
  std::string message;
  std::string suggestion;
  std::string file;  // the file `row` refers to when it is not the target table (budget rules)
};

struct Input {
  const Table<TargetRow>& targets;
  const TargetProject* project = nullptr;  // project.json, when present
  const Case* budget = nullptr;            // a case holding budget.csv, when --budget is given
};

std::vector<Issue> Check(const Input& in);

}  // namespace jixiao::targets
