// `jixiao sheet`: the data-entry workbook model (说明, 项目信息, one sheet per case table,
// 绩效目标, 指标数据, 评价结论, 扣分明细, 经验问题建议), pre-filled from what the case holds, with
// units in the headers, drop-down lists for levels and codes, number/date validation, frozen header
// rows. Contract: pure (no I/O); `import` reads the same layout (entry_layout.h) back exactly:
// money and numbers as numeric cells at up to 15 significant digits, texts that Excel would
// reinterpret (25%, 2/3, 实际值) in text-formatted cells.
#pragma once

#include <string>
#include <vector>

#include "document/workbook.h"
#include "model/case.h"
#include "model/framework.h"

namespace jixiao {

// Who fills the workbook in, for the 说明 sheet's last step: the CLI's `jixiao import`, or the
// browser's upload on the evaluation page.
enum class EntryBookFor { kCommandLine, kBrowser };

// `target_notes`: what `new --targets` dropped or re-placed from the unit's table (the case's
// targets_changes.txt, one line each), listed on the 说明 sheet.
doc::Workbook BuildEntryWorkbook(const Framework& framework, const Case& c,
                                 const std::vector<std::string>& target_notes = {},
                                 EntryBookFor reader = EntryBookFor::kCommandLine);

}  // namespace jixiao
