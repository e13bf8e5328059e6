// Figures as Excel users and Chinese input methods type them in full width ("１３",
// "３２，５６８人次", "≥９８％", "２０２６年度"), read as their ASCII meaning: the ONE reading
// every path applies to a typed figure (target check, 申报表, 自评表, evaluation). Contract: the
// reading says whether it changed anything, and callers show HalfWidthNotice at the cell when it
// did; a full-width comma between digits is a thousands separator only in groups of three, anything
// else
// ("１，５") is an error, not a guess. Free text keeps its Chinese punctuation.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

struct HalfWidthReading {
  std::string text;      // as read ("32,568人次"); the typed text when `error` is set
  bool changed = false;  // the typed text held full-width figures
  std::string error;     // Chinese, when a full-width comma between digits is ambiguous
};

// Full-width digits, ％ ． ＋ － ＝ ＜ ＞ ／ as ASCII; "，" between digit groups of three as ",".
// Other characters (（）、，after a figure, letters) are kept as typed.
HalfWidthReading ReadHalfWidth(std::string_view typed);

// A 年度 as typed: trimmed, full-width digits as ASCII, a trailing 年 or 年度 dropped ("2026").
// Anything that is not then four digits is returned trimmed, unchanged, for the caller to refuse.
HalfWidthReading ReadTypedYear(std::string_view typed);

// "已按半角读取“３２，５６８人次”，即“32,568人次”…" — the one notice for a changed reading.
std::string HalfWidthNotice(const std::string& typed, const std::string& read);

}  // namespace jixiao
