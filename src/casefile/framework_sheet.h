// The framework workbook (指标体系表) written from a framework's JSON text: 说明 (how to fill it),
// 体系 (id, 名称, 依据, 总分, 等级, …) and 指标 (one row per indicator, its 评分方法 in Chinese and
// the rule's parameters). It is also the template an admin edits and uploads again.
// Contract: pure (no I/O); ReadFrameworkWorkbook reads what this writes back to an equal framework.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "document/workbook.h"

namespace jixiao {

// nullopt (with a located error) when `json_text` is not a JSON object.
std::optional<doc::Workbook> FrameworkWorkbook(const std::string& file,
                                               const std::string& json_text, Diagnostics& diags);

}  // namespace jixiao
