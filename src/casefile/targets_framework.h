// A framework derived from a unit's 绩效目标表 (`jixiao new --targets`): under the framework node
// that matches each target row's 二级 (产出数量, 产出质量 …, 社会效益, 满意度), that node's
// children are replaced by one leaf per target row with a `target` rule. Contract: the node's
// weight is split exactly into hundredths: each leaf gets floor(W / n) hundredths and the first (W
// mod n) leaves one hundredth more, so the leaves sum to W. Rows without a usable 指标值 still
// become leaves; their criteria start with kTodoMark and validate lists them. Rows whose 二级
// matches no node are reported as warnings and left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "casefile/target_rows.h"
#include "core/diagnostics.h"
#include "core/money.h"
#include "ingest/json.h"

namespace jixiao {

inline constexpr const char* kTodoMark = "【待完善】";

// The split described above: `parts` hundredths that sum to `weight`.
std::vector<Score> SplitWeight(Score weight, size_t parts);

// Whether a 指标值 can be scored (not blank, not a placeholder such as “—” or “待定”).
bool UsableTargetValue(const std::string& value);

// 成本指标 state what may be spent, so they are ceilings (docs/case-format.md): a row under a 成本
// 一级 or 二级 whose 指标值 is an amount in 元 written without a comparator ("15万元。", "120" with
// 计量单位 元/人) gets "≤" in the case, read as the case reader reads it ("≤15万元"); each such row
// is a warning (targets.cost_ceiling) at its 指标值 cell quoting what the unit wrote. Rates
// (成本节约率 5%) and values with a comparator stay as written.
void CostCeilings(std::vector<RawTargetRow>& rows, Diagnostics& diags);

std::optional<JsonValue> FrameworkFromTargets(const JsonValue& base,
                                              const std::vector<RawTargetRow>& rows,
                                              const std::string& new_id, Diagnostics& diags);

}  // namespace jixiao
