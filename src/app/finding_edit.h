// Editing one leaf's findings in a case folder without the entry workbook (serve's findings form):
// its 扣分 (deductions, each an amount — points, "25%" or "2/3" — with a reason) and its 摘要用语
// (the summary phrase). case.json is rewritten with $.findings.CODE.deductions and .summary
// replaced and everything else kept; the folder is written atomically and must still load and
// score as before the edit could (checked by loading it). Contract: returns false with located
// Chinese errors, leaving the folder untouched, when the code is not a leaf finding, a deduction
// has no reason or an unreadable amount, or the result does not load.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

struct DeductionEdit {
  std::string amount;  // "0.75", "25%", "2/3"
  std::string reason;
};

bool EditCaseFinding(const std::string& case_dir, const std::string& code,
                     const std::vector<DeductionEdit>& deductions, const std::string& summary,
                     Diagnostics& diags);

}  // namespace jixiao
