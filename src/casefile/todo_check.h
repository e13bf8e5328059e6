// What a case folder made by `jixiao new` still needs, for `jixiao validate`: empty placeholders
// in case.json, tables with only a header row, narrative stubs still marked 【待填写】, framework
// leaves marked 【待完善】, and — while any placeholder remains — the inputs each rule needs
// (levels, met elements, entered metrics, 实际值 of targets).
// Contract: reads only; each item (code todo.*) names the file and JSON path or line; it is an
// error only when scoring needs it (a rule's input, a 指标值 still 【待完善】), else a warning;
// returns how many were reported. A case without placeholders yields no scoring items, so
// hand-written cases keep their usual scoring errors.
#pragma once

#include <cstddef>
#include <string>

#include "core/diagnostics.h"
#include "model/framework.h"

namespace jixiao {

size_t ReportCaseTodo(const std::string& dir, const Framework* framework, Diagnostics& diags);

// Leaves of a framework whose criteria carry the 【待完善】 mark (warnings for `validate FILE`).
size_t ReportFrameworkTodo(const Framework& framework, Diagnostics& diags, bool as_errors);

}  // namespace jixiao
