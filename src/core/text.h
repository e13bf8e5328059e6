// Text helpers: encoding detection for Chinese CSV files, trimming, file reading.
// Contract: DecodeToUtf8 accepts UTF-8 (BOM stripped), then GB18030, then CP936, and reports which
// one it used; bytes valid in none of them yield nullopt (the caller reports the file).
#pragma once

#include <cstdint>
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

// Reads a whole regular file of at most limits::kMaxInputFileBytes; nullopt otherwise (missing,
// unreadable, FIFO/device, directory, symlink loop, too large), with the reason in Chinese in
// `why` when given. Never blocks on a FIFO.
// `max_bytes` lowers the limit for one kind of file (an attachment).
std::optional<std::string> ReadFileBytes(const std::string& path, std::string* why = nullptr,
                                         int64_t max_bytes = -1);
// Reads `relative` (IsPlainRelativePath) from inside `root` only: a path with "..", an absolute
// one, or one that a symlink leads out of `root` is refused with the reason in `why`.
std::optional<std::string> ReadFileInside(const std::string& root, const std::string& relative,
                                          std::string* why = nullptr);

bool PathExists(const std::string& path);  // anything at all, even a dangling symlink

// Containment of input paths named inside input files (narrative, sections.txt).
// True for "a.md" and "sub/a.md"; false for "", absolute paths, any ".." component, backslashes.
bool IsPlainRelativePath(std::string_view path);
// True when `path`, with every symlink resolved, lies inside `root` (also resolved). A path that
// does not exist yet counts as inside (reading it will fail on its own).
bool IsInside(const std::string& path, const std::string& root);

// A case id as a single safe file name: path separators, control and Windows-reserved characters
// become "_", leading dots are dropped, at most 100 bytes (whole UTF-8 characters); "case" if
// nothing is left.
std::string SafeFileName(std::string_view id);

// A Chinese sentence for an errno value (the C library's strerror is English).
std::string SystemErrorText(int error);

// `text` as a JSON string literal, quotes included (", \\ and control characters escaped).
std::string JsonQuoted(std::string_view text);

// Appends code point `cp` to `out` as UTF-8 (the caller has checked that it is a scalar value).
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace jixiao
