// The cover names who signs the report (reader7 on xinqiao: “（示例）第三方评价机构”,
// “（示例）主评人”): a placeholder or a bare generic noun there is named by `validate` and refused
// by `report --final`. Contract: one warning (code case.cover_placeholder) per such field of
// case.json $.project, saying which field and what to write; nothing for a named agency.
#pragma once

#include "core/diagnostics.h"
#include "model/case.h"

namespace jixiao {

inline constexpr const char* kCoverPlaceholderCode = "case.cover_placeholder";

void CheckCoverSigned(const Case& c, Diagnostics& diags);

}  // namespace jixiao
