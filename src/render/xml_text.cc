// Text that every XML-based writer (DOCX, XLSX, HTML) can carry: the one place where characters
// XML 1.0 forbids are removed, whatever reader produced the text.
#include <cstdint>

#include "render/render.h"

namespace jixiao::render {
namespace {

// Length of the valid UTF-8 sequence at s[i] and its code point; 0 when invalid.
size_t Utf8At(const std::string& s, size_t i, uint32_t* cp) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t extra;
  if (c < 0x80) {
    *cp = c;
    return 1;
  } else if ((c & 0xE0) == 0xC0) {
    extra = 1;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3;
  } else {
    return 0;
  }
  if (i + extra >= s.size()) return 0;
  uint32_t v = c & (0x3Fu >> extra);
  for (size_t k = 1; k <= extra; ++k) {
    auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
  if (v < kMin[extra] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return extra + 1;
}

}  // namespace

std::string XmlSafe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t kept = 0;  // text[kept, i) is valid and copied whole at the next change or the end
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    // A Han character or full-width mark, the common case, kept without decoding it: a lead
    // byte E3–EC or EE (U+3000–U+CFFF, U+E000–U+EFFF) with two continuation bytes is never a
    // surrogate, an overlong form or U+FFFE/U+FFFF.
    if (c >= 0xE3 && c <= 0xEE && c != 0xED && i + 2 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    uint32_t cp = 0;
    size_t n = Utf8At(text, i, &cp);
    bool allowed = n != 0 && (cp == '\t' || cp == '\n' || cp == '\r' ||
                              (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF));
    if (allowed) {
      i += n;
      continue;
    }
    out.append(text, kept, i - kept);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
      ++i;
    } else {
      i += n;
    }
    kept = i;
  }
  out.append(text, kept, text.size() - kept);
  return out;
}

std::string XmlEscape(const std::string& raw) {
  std::string text = XmlSafe(raw), out;
  out.reserve(text.size() + text.size() / 8);
  size_t from = 0;
  for (size_t at = text.find_first_of("<>&\"\r"); at != std::string::npos;
       at = text.find_first_of("<>&\"\r", from)) {
    out.append(text, from, at - from);
    switch (text[at]) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        break;  // '\r': legal, but Word and browsers fold it anyway
    }
    from = at + 1;
  }
  out.append(text, from, text.size() - from);
  return out;
}

}  // namespace jixiao::render
