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
  return out;
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
