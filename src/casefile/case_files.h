// Writing case files: JSON text (from JsonValue trees, numbers kept exactly as written), CSV with
// quoting, exact decimals, and whole case folders written atomically (temp folder + rename).
// Contract: nothing is written outside the target folder's parent; a failed write leaves the
// target as it was and throws InputError with the path and a Chinese message.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/rational.h"
#include "ingest/json.h"

namespace jixiao {

// JSON building: objects keep member order.
JsonValue JsonString(const std::string& text);
JsonValue JsonNumber(const std::string& exact_text);  // "98.9", "-2400"
JsonValue JsonObject();
JsonValue JsonArray();
void JsonSet(JsonValue& object, const std::string& key, JsonValue value);  // replace or append
std::string JsonText(const JsonValue& value);  // two-space indent, UTF-8 as is, final newline

std::string CsvLine(const std::vector<std::string>& cells);  // quotes cells that need it
// Exact decimal text of a value with a finite decimal expansion ("98.9", "-0.125"); other
// values as "num/den".
std::string ExactDecimal(const Rational& value);
std::string MoneyText(Money m);  // "1471745.31", "-2400", "0"

// Files of a case folder by relative path ("case.json", "narrative/intro.md").
using CaseFiles = std::map<std::string, std::string>;

// Writes `files` as folder `dir`: into a fresh sibling temp folder, then swapped in with one
// rename. Files of an existing `dir` that `files` does not name are copied over when
// `keep_existing` (regular files only, symlinks followed), else dropped; paths in `remove` are
// dropped either way. `verify`, when given, sees the finished temp folder first; returning false
// abandons the write (dir untouched, returns false). Throws InputError on write failures.
bool WriteCaseFolder(const std::string& dir, const CaseFiles& files, bool keep_existing,
                     const std::vector<std::string>& remove = {},
                     const std::function<bool(const std::string& temp_dir)>& verify = nullptr);

}  // namespace jixiao
