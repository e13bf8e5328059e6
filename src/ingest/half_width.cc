#include "ingest/half_width.h"

#include "core/text.h"

namespace jixiao {

std::optional<std::string> HalfWidthField(const std::string& typed, const Location& where,
                                          Diagnostics& diags, bool year) {
  const HalfWidthReading r = year ? ReadTypedYear(typed) : ReadHalfWidth(typed);
  if (!r.error.empty()) {
    diags.Error("input.half_width_ambiguous", where, r.error);
    return std::nullopt;
  }
  // A year written 2026年 is the same year: only full-width figures are worth a word.
  if (r.changed && (!year || ReadHalfWidth(typed).changed))
    diags.Add(Severity::kInfo, "input.half_width", where, HalfWidthNotice(Trim(typed), r.text));
  return r.text;
}

}  // namespace jixiao
