// Shipped framework lookup by id.
#include "casefile/frameworks.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/text.h"

namespace jixiao {

namespace fs = std::filesystem;

std::vector<std::string> ShippedFrameworkDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("JIXIAO_INDICATORS"); env && *env) dirs.push_back(env);
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    const fs::path bin = fs::path(std::string(exe, static_cast<size_t>(n))).parent_path();
    dirs.push_back((bin.parent_path() / "indicators").string());
    dirs.push_back((bin.parent_path() / "share/jixiao/indicators").string());
  }
  dirs.push_back(JIXIAO_INDICATORS_DIR);
  return dirs;
}

std::optional<std::string> FindShippedFramework(const std::string& id) {
  if (id.empty() || id.find('/') != std::string::npos || id.find("..") != std::string::npos)
    return std::nullopt;
  for (const std::string& dir : ShippedFrameworkDirs()) {
    const std::string path = dir + "/" + id + ".json";
    if (IsRegularFile(path)) return path;
  }
  return std::nullopt;
}

std::vector<std::string> ShippedFrameworkIds() {
  std::vector<std::string> ids;
  for (const std::string& dir : ShippedFrameworkDirs()) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".json") continue;
      const std::string id = it->path().stem().string();
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace jixiao
