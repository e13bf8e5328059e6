// The 说明 sheet that opens the data-entry workbook (BuildEntryWorkbook): the case and framework
// named for a person (their ids in hidden column C, which `import` reads back), the filling rules,
// the last step for the workbook's reader (CLI import or browser upload), and `target_notes`.
// Contract: pure (no I/O).
#pragma once

#include <string>
#include <vector>

#include "casefile/entry_workbook.h"
#include "document/workbook.h"
#include "model/case.h"
#include "model/framework.h"

namespace jixiao {

doc::Sheet EntryGuideSheet(const Framework& fw, const Case& c,
                           const std::vector<std::string>& target_notes, EntryBookFor reader);

}  // namespace jixiao
