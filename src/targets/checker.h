// The 绩效目标表 checker for budget units and finance-bureau reviewers: each defect reviewers
// deduct for is a named rule with a code, a severity, the row, a Chinese explanation and a concrete
// suggestion that uses the project's dates, budget and quantities where they are known. Rules serve
// the four principles 指向明确、细化量化、合理可行、相应匹配 (docs/targets.md) and read real tables
// as they come (structure.h): blanks are findings, never aborts. Contract: pure; rows are checked
// as loaded (merged 一级/二级 already filled in); budget rules run when a budget is given. A
// mechanical suggestion also carries the cell edits that apply it.
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
const RuleInfo* FindRule(const std::string& code);

// One cell edit that applies a suggestion: `column` is 一级, 二级, 三级 or 指标值; `delete_row`
// drops the row (a template placeholder).
struct Fix {
  std::string column;
  std::string value;
  bool delete_row = false;
  int line = 0;  // the row to edit when it is not the issue's own (table-wide fixes)
};

struct Issue {
  std::string rule;  // code
  Severity severity = Severity::kWarning;
  int row = 0;  // source line, 0 for the table as a whole
  std::string indicator;
  std::string message;
  std::string suggestion;
  std::string file;  // the file `row` refers to when it is not the target table (budget rules)
  std::vector<Fix> fixes;
};

struct Input {
  const Table<TargetRow>& targets;
  const TargetProject* project = nullptr;  // project.json, when present
  const Case* budget = nullptr;            // a case holding budget.csv, when given
};

std::vector<Issue> Check(const Input& in);

}  // namespace jixiao::targets
