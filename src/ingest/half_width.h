// The one full-width reading (core/half_width.h) applied to a located field of an input file: the
// reading with its 提示 at the cell, or a located error when a full-width comma is ambiguous.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/half_width.h"

namespace jixiao {

// ReadHalfWidth with its notice (提示, code "input.half_width") or its error
// ("input.half_width_ambiguous") at `where`; nullopt after an error. `year` reads a 年度.
std::optional<std::string> HalfWidthField(const std::string& typed, const Location& where,
                                          Diagnostics& diags, bool year = false);

}  // namespace jixiao
