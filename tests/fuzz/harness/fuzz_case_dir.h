// Shared by the template-folder and attachment-folder harnesses: a small scored case copied from
// tests/malformed/_shared into the scratch folder, a secret file beside it that no input may
// reach, and the oracle: a secret in any output or message aborts (a read outside the case or the
// template folder). Contract: single-threaded, like libFuzzer's loop.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "app/report_files.h"
#include "core/text.h"
#include "fuzz_util.h"

namespace jixiao::fuzz {

// The secret: random per process, and looked for by a rolling hash only, so that libFuzzer's
// comparison tracing cannot hand it back to the mutator (it learned a fixed secret from
// std::string::find and typed it into a template, a false alarm).
inline const std::string& Secret() {
  static const std::string secret = [] {
    std::random_device random;
    std::string s = "S";
    for (int i = 0; i < 24; ++i) s += "0123456789abcdefghijklmnopqrstuv"[random() % 32];
    return s;
  }();
  return secret;
}

inline uint64_t WindowHash(const char* at, size_t n) {
  uint64_t h = 0;
  for (size_t i = 0; i < n; ++i) h = h * 1099511628211ULL + static_cast<unsigned char>(at[i]);
  return h;
}

// True when `needle` occurs in `hay` (Rabin–Karp over 64-bit wrap-around arithmetic).
inline bool HashContains(const std::string& hay, const std::string& needle) {
  const size_t n = needle.size();
  if (n == 0 || hay.size() < n) return false;
  const uint64_t want = WindowHash(needle.data(), n);
  uint64_t top = 1;
  for (size_t i = 1; i < n; ++i) top *= 1099511628211ULL;
  uint64_t h = WindowHash(hay.data(), n);
  for (size_t i = 0;; ++i) {
    if (h == want) return true;
    if (i + n >= hay.size()) return false;
    h = (h - top * static_cast<unsigned char>(hay[i])) * 1099511628211ULL +
        static_cast<unsigned char>(hay[i + n]);
  }
}

// SCRATCH/secret.txt and SCRATCH/secret.png (a PNG carrying the secret), created once.
inline std::string SecretDir() {
  static const std::string dir = [] {
    std::string d = ScratchDir() + "/outside";
    std::filesystem::create_directories(d);
    WriteFile(d + "/secret.txt", Secret() + "\n");
    // A 1×1 PNG header (signature, IHDR) followed by the secret as its "data".
    static const char kHeader[] =
        "\x89PNG\r\n\x1a\n\0\0\0\x0d"
        "IHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    WriteFile(d + "/secret.png", std::string(kHeader, sizeof kHeader - 1) + Secret());
    return d;
  }();
  return dir;
}

// A fresh copy of the mini case (case.json, budget.csv, framework) at SCRATCH/<name>/case.
inline std::string FreshCase(const std::string& name) {
  std::string root = ScratchDir() + "/" + name;
  std::filesystem::remove_all(root);
  std::string shared = std::string(JIXIAO_SOURCE_DIR) + "/tests/malformed/_shared";
  std::filesystem::create_directories(root + "/case");
  std::filesystem::create_directories(root + "/_shared");
  std::filesystem::copy(shared + "/minicase", root + "/case");
  std::filesystem::copy_file(shared + "/mini.json", root + "/_shared/mini.json");
  // case.json names ../../_shared/mini.json: keep that shape one level further down.
  std::string json = ReadFileBytes(root + "/case/case.json").value_or("");
  size_t at = json.find("../../_shared/mini.json");
  if (at != std::string::npos) json.replace(at, 23, "../_shared/mini.json");
  WriteFile(root + "/case/case.json", json);
  return root + "/case";
}

// Aborts when a secret reached an output or a message.
inline void CheckNoSecret(const std::optional<std::vector<OutputFile>>& files,
                          const Diagnostics& diags) {
  if (files)
    for (const auto& f : *files)
      if (HashContains(f.bytes, Secret())) std::abort();
  for (const auto& d : diags.items())
    if (HashContains(d.ToString(), Secret())) std::abort();
}

// Splits `data` at each line "----" into at most `n` parts.
inline std::vector<std::string> SplitParts(const std::string& data, size_t n) {
  std::vector<std::string> parts;
  size_t from = 0;
  while (parts.size() + 1 < n) {
    size_t cut = data.find("\n----\n", from);
    if (cut == std::string::npos) break;
    parts.push_back(data.substr(from, cut - from));
    from = cut + 6;
  }
  parts.push_back(data.substr(from));
  parts.resize(n);
  return parts;
}

}  // namespace jixiao::fuzz
