// Text helpers: encoding detection for Chinese CSV files, trimming, file reading.
// Contract: DecodeToUtf8 accepts UTF-8 (BOM stripped), then GB18030, then CP936, and reports which
// one it used; bytes valid in none of them yield nullopt (the caller reports the file).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

bool IsValidUtf8(std::string_view bytes);

struct DecodedText {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "GB18030", "CP936"
};
std::optional<DecodedText> DecodeToUtf8(std::string_view bytes);

std::string Trim(std::string_view text);  // ASCII whitespace and full-width space U+3000
bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

bool IsRegularFile(const std::string& path);
bool IsDirectory(const std::string& path);

// Reads a whole file; nullopt when it cannot be opened.
std::optional<std::string> ReadFileBytes(const std::string& path);

}  // namespace jixiao
