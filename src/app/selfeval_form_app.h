// `selfeval new` and `selfeval score` as jobs: a unit's 绩效目标表 (CSV or .xlsx, as `targets
// check` reads it) becomes a blank 自评表 workbook in the national layout with the rule set's 分值;
// a filled form (a .xlsx in any layout, or a CSV folder) is scored and rendered as the filled,
// print-ready form (.xlsx) and the 绩效自评报告 (.docx). Contract: bytes out, nothing written here;
// problems are located errors in `diags`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "app/selfeval_app.h"

namespace jixiao {

// The blank form's .xlsx bytes, or nullopt (with errors) when the table cannot be read or has no
// indicator row.
std::optional<std::string> NewSelfEvalForm(const std::string& targets_path,
                                           const SelfEvalRules& rules, Diagnostics& diags);

// A form checked by CheckSelfEvalWorkbookFile / CheckSelfEvalFolder, under `rules` (the set it was
// scored by): <base>.xlsx (the filled form with the computed 得分, 执行率, 总分 and 等级) and
// <base>_自评报告.docx. Nullopt when the form could not be read.
std::optional<std::vector<OutputFile>> ScoreSelfEvalForm(const SelfEvalCheck& check,
                                                         const SelfEvalRules& rules,
                                                         const std::string& base,
                                                         Diagnostics& diags);

}  // namespace jixiao
