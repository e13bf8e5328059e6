// `selfeval check` of a 自评表 kept as .xlsx (any layout ingest/selfeval_workbook.h reads): the
// workbook goes through the same CSV-folder reader, rules and checks as a CSV folder, and every
// location — of the form's fields, the reading problems and the findings — is then the workbook
// cell (报表!F16), rows numbered by sheet row. Contract: reads only `path`; never writes.
#pragma once

#include <string>

#include "app/selfeval_app.h"

namespace jixiao {

bool IsSelfEvalWorkbookPath(const std::string& path);  // *.xlsx (any case)

SelfEvalCheck CheckSelfEvalWorkbookFile(const std::string& path, const SelfEvalRules& rules,
                                        const SelfEvalRules* no_weight_rules = nullptr);

}  // namespace jixiao
