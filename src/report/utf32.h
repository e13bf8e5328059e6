// UTF-8 <-> UTF-32 for the text checks of the report module (character-wise scanning of Chinese
// text). Contract: invalid bytes decode to themselves one by one; nothing throws.
#pragma once

#include <string>

#include "core/text.h"

namespace jixiao::report {

inline std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

inline std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) AppendUtf8(out, cp);
  return out;
}

}  // namespace jixiao::report
