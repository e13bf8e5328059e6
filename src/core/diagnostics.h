// Located problems found in user input, and the collector every loader and check writes into.
// Contract: every message is Chinese and says what to fix; `where` names the file and, when known,
// line/column (1-based) or a JSON path. Rendering to one line is Diagnostic::ToString().
#pragma once

#include <string>
#include <vector>

namespace jixiao {

enum class Severity { kError, kWarning, kInfo };
const char* SeverityName(Severity s);  // "error" / "warning" / "info"

struct Location {
  std::string file;
  int line = 0;                  // 0 = unknown
  int column = 0;                // 0 = unknown
  std::string path;              // JSON path such as $.indicators[0].weight, or a CSV column name
  std::string ToString() const;  // "case.json:12:5 $.findings.A21"
};

// `text` safe to print on a terminal: C0 controls and DEL as \x1b (\n, \r, \t as such), C1
// controls and bidirectional overrides as \u009b / \u202e, so that a file name or a value quoted
// in a message can neither colour, move nor forge a line. Everything else is kept.
std::string ShownText(const std::string& text);

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // stable machine code, e.g. "framework.weight_sum"
  Location where;
  std::string message;
  std::string ToString() const;  // "file:line:col path: 错误[code]: message", ShownText
};

class Diagnostics {
 public:
  void Add(Severity severity, std::string code, Location where, std::string message);
  void Error(std::string code, Location where, std::string message) {
    Add(Severity::kError, std::move(code), std::move(where), std::move(message));
  }
  void Warning(std::string code, Location where, std::string message) {
    Add(Severity::kWarning, std::move(code), std::move(where), std::move(message));
  }
  bool HasErrors() const;
  size_t ErrorCount() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  void Append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// Thrown where continuing makes no sense (unreadable file, broken JSON); carries one diagnostic.
struct InputError {
  Diagnostic diagnostic;
};

}  // namespace jixiao
