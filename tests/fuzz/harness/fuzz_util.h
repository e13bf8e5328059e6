// Shared by the libFuzzer harnesses: a private scratch folder for readers that take paths.
// Contract: every harness only asserts "no crash, no sanitizer report, no uncaught exception";
// input errors are expected and ignored.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace jixiao::fuzz {

// A folder of this process under $TMPDIR (or /tmp), created once.
inline const std::string& ScratchDir() {
  static const std::string dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string d =
        std::string(tmp && *tmp ? tmp : "/tmp") + "/jixiao-fuzz-" + std::to_string(getpid());
    mkdir(d.c_str(), 0700);
    return d;
  }();
  return dir;
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

// Splits one fuzz input into two files at the first line "----" (questionnaire | responses).
inline std::pair<std::string, std::string> SplitTwo(const std::string& data) {
  size_t cut = data.find("\n----\n");
  if (cut == std::string::npos) return {data, ""};
  return {data.substr(0, cut), data.substr(cut + 6)};
}

}  // namespace jixiao::fuzz
