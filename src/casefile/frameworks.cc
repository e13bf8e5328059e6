// Shipped framework lookup by id.
#include "casefile/frameworks.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/resources.h"
#include "core/text.h"

namespace jixiao {

namespace fs = std::filesystem;

std::vector<std::string> ShippedFrameworkDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("JIXIAO_INDICATORS"); env && *env) dirs.push_back(env);
  // Found at run time (core/resources.h), never a path fixed at build time.
  const ResourceLookup shipped = LocateResource("indicators");
  if (shipped.found()) dirs.push_back(shipped.dir);
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

std::string ShippedIndicatorsHint() {
  const std::string missing = ResourceMissingMessage(LocateResource("indicators"));
  return missing.empty() ? missing : "；" + missing;
}

}  // namespace jixiao
