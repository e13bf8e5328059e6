// Typed JSON values shared by the framework and case loaders: amounts (points or share of the
// weight, core/amount.h) and quantities with units (core/quantity.h).
// Contract: every value is read by the one core parser; a value that cannot be read exactly is a
// located error (file:line:column and JSON path) naming the accepted forms.
#pragma once

#include <optional>
#include <string>

#include "core/amount.h"
#include "core/quantity.h"
#include "ingest/json.h"

namespace jixiao {

// A JSON number (points) or a string "1.5" / "1.5分" (points), "25%" / "2/3" (share).
// Problems are reported as <code_prefix>_invalid, _negative or _share (above 100%).
std::optional<Amount> ReadAmount(JsonReader& in, const JsonValue& v,
                                 const std::string& code_prefix = "rule.amount");

// A plain exact number (weights, band values, fractions): a JSON number or a numeric string, with
// full-width forms normalised ("６０％" = "60%" = 3/5, "2/3"); thousands only in groups of three.
std::optional<Rational> ReadNumber(JsonReader& in, const JsonValue& v);

// A JSON number, or a string such as "99.2%", "1,568.99万元", "329人", read into `unit`
// (converting exactly where defined). `written_unit` receives the unit the text carried, if any.
std::optional<Rational> ReadQuantity(JsonReader& in, const JsonValue& v, const std::string& unit,
                                     std::string* written_unit);

}  // namespace jixiao
