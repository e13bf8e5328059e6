#include "core/diagnostics.h"

#include <algorithm>

namespace jixiao {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

std::string ShownText(const std::string& text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {  // U+0080–U+009F
      unsigned char low = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += kHex[low >> 4];
      out += kHex[low & 15];
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) >= 0xAA &&
               static_cast<unsigned char>(text[i + 2]) <= 0xAE) {  // U+202A–U+202E
      out += "\\u202";
      out += static_cast<char>('a' + (static_cast<unsigned char>(text[i + 2]) - 0xAA));
      i += 2;
    } else if (c == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x81 &&
               static_cast<unsigned char>(text[i + 2]) >= 0xA6 &&
               static_cast<unsigned char>(text[i + 2]) <= 0xA9) {  // U+2066–U+2069
      out += "\\u206";
      out += static_cast<char>('6' + (static_cast<unsigned char>(text[i + 2]) - 0xA6));
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Location::ToString() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  if (!path.empty()) out += (out.empty() ? "" : " ") + path;
  return out;
}

std::string Diagnostic::ToString() const {
  static const char* const kLabel[] = {"错误", "警告", "提示"};
  std::string out = where.ToString();
  if (!out.empty()) out += ": ";
  out += kLabel[static_cast<int>(severity)];
  out += "[" + code + "]: " + message;
  return ShownText(out);  // one place for every printed message: names and values stay inert
}

void Diagnostics::Add(Severity severity, std::string code, Location where, std::string message) {
  items_.push_back({severity, std::move(code), std::move(where), std::move(message)});
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

size_t Diagnostics::ErrorCount() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace jixiao
