// `jixiao draft CASE`: drafts where the case has no words yet, so the evaluator edits text instead
// of starting from nothing: the data-derived sections (评价对象、范围, 评价依据, 计划实施内容,
// 其他) as narrative/<key>.md, registered in case.json; 存在问题 from the deducted indicators and
// 建议 with a 【待补充】 for the measures, when case.json has none. Contract: writes only inside
// the case (narrative/ and case.json); never overwrites a narrative file the evaluator wrote (one
// still marked 【待填写】 is a stub) unless `force`; case.json keeps every member, only the new
// ones are added. Returns what it did, one Chinese line each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

std::optional<std::vector<std::string>> DraftCase(const std::string& case_dir, bool force,
                                                  Diagnostics& diags);

}  // namespace jixiao
