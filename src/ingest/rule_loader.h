// Reads one "rule" object of a framework leaf (DESIGN.md §3 rule vocabulary).
// Contract: unknown rule types, unknown or missing parameters and out-of-range values are located
// errors; fractions stay exact ("2/3"), element points are resolved against the leaf's weight.
#pragma once

#include <optional>

#include "ingest/json.h"
#include "model/framework.h"

namespace jixiao {

std::optional<Rule> ReadRule(JsonReader& in, const JsonValue& v, Score weight);

}  // namespace jixiao
