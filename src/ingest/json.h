// A small JSON reader that keeps what users need in error messages: line, column and JSON path of
// every value, and the exact source text of every number (so 0.1 stays 1/10, never a double).
// Contract: Parse throws InputError (Chinese, located) on syntax errors and duplicate keys.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/rational.h"

namespace jixiao {

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  // string contents, or the number exactly as written
  std::vector<JsonValue> items;
  std::vector<std::pair<std::string, JsonValue>> members;
  int line = 0;
  int column = 0;
  std::string path;  // "$", "$.indicators[0].weight"

  bool IsObject() const { return type == Type::kObject; }
  bool IsArray() const { return type == Type::kArray; }
  bool IsString() const { return type == Type::kString; }
  bool IsNumber() const { return type == Type::kNumber; }
  const JsonValue* Find(const std::string& key) const;
  const char* TypeName() const;  // Chinese: "对象", "数组", "字符串", "数字", ...
};

// Parses `text` (UTF-8, BOM tolerated) read from `file`.
JsonValue ParseJson(const std::string& file, const std::string& text);

// Reads and parses a file; unreadable files throw InputError too.
JsonValue ReadJsonFile(const std::string& file);

// Typed access for loaders: each reports a located error into `diags` and returns nullopt when the
// value has the wrong type. `file` names the source in messages.
class JsonReader {
 public:
  JsonReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}
  Location Where(const JsonValue& v) const { return {file_, v.line, v.column, v.path}; }
  std::optional<std::string> String(const JsonValue& v);
  // A number or a numeric string such as "25%" or "2/3", kept exact.
  std::optional<Rational> Number(const JsonValue& v);
  std::optional<int64_t> Integer(const JsonValue& v);
  bool Expect(const JsonValue& v, JsonValue::Type type);
  // Member access: returns nullptr (and reports when `required`) if absent.
  const JsonValue* Member(const JsonValue& object, const std::string& key, bool required);
  // Reports members not in `known` (typos such as "wieght").
  void RejectUnknown(const JsonValue& object, const std::vector<std::string>& known);
  void Error(const JsonValue& v, const std::string& code, const std::string& message) {
    diags_.Error(code, Where(v), message);
  }
  const std::string& file() const { return file_; }
  Diagnostics& diags() { return diags_; }

 private:
  std::string file_;
  Diagnostics& diags_;
};

}  // namespace jixiao
