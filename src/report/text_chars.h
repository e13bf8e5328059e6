// Character classes of Chinese report text and the two context rules that LintParagraph and
// TidyParagraph share (a blank between joint issuers, a dash joining a numeric range), for the
// report module's text checks (text_lint.cc). Contract: pure functions of UTF-32 text; nothing
// throws.
#pragma once

#include <cstddef>
#include <string>

namespace jixiao::report {

inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}
inline bool IsWidePunct(char32_t c) {
  return (c >= 0x3001 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
         c == 0x2026 || c == 0x2014;
}
inline bool IsChinese(char32_t c) { return IsHan(c) || IsWidePunct(c); }
inline bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }
inline bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsLatin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }
inline bool IsCircled(char32_t c) { return c >= 0x2460 && c <= 0x2473; }  // ①…⑳
inline bool EndsSentence(char32_t c) {
  static const std::u32string kEnds = U"。；：！？”）」』】…—，、》〕;:!?.)";
  return kEnds.find(c) != std::u32string::npos;
}
inline bool IsMidPunct(char32_t c) {  // marks that never stand twice in a row
  return c == U'。' || c == U'，' || c == U'、' || c == U'；' || c == U'：';
}

inline bool HasHan(const std::u32string& s) {
  for (char32_t c : s)
    if (IsHan(c)) return true;
  return false;
}

// A blank right after `before` that separates joint issuers, as official titles write them:
// 中共中央 国务院, and inside an open 《 a blank after an issuer's name (国务院办公厅 民政部…).
bool JointIssuerBlank(const std::u32string& before);

// A blank right after `before` and before `next` that Chinese typesetting drops: between two Han
// characters, beside wide punctuation, after a number or % before Han. Kept: the joint issuer's
// blank and the one after a code that holds a Latin letter ("A11 经核查…", webtrial5 item 6).
bool StrayBlank(const std::u32string& before, char32_t next);

// A numeric range joined with a dash where GB/T 15834 joins it with ～: "0–5%（含）",
// "80%（含）-90%", "5.00%—10.00%". Not a number's parts (附件2-2, 表1-3-2, 图1-6-2, 2024-12-31).
bool RangeDash(const std::u32string& s, size_t i);

}  // namespace jixiao::report
