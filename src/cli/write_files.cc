#include "cli/write_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace jixiao::cli {
namespace {

bool MakeDirs(const std::string& dir) {
  std::string path;
  for (size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') {
      if (!path.empty() && mkdir(path.c_str(), 0755) != 0 && errno != EEXIST) return false;
    }
    if (i < dir.size()) path += dir[i];
  }
  return true;
}

}  // namespace

bool WriteFilesAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                          Diagnostics& diags) {
  if (!MakeDirs(dir)) {
    diags.Error("output.mkdir", {dir, 0, 0, ""},
                std::string("无法创建输出目录：") + std::strerror(errno));
    return false;
  }
  std::vector<std::pair<std::string, std::string>> staged;  // temp -> final
  for (const auto& f : files) {
    std::string final_path = dir + "/" + f.name;
    std::string temp = dir + "/." + f.name + ".tmp." + std::to_string(getpid());
    FILE* out = std::fopen(temp.c_str(), "wb");
    bool ok = out && std::fwrite(f.bytes.data(), 1, f.bytes.size(), out) == f.bytes.size();
    if (out) ok = (std::fclose(out) == 0) && ok;
    if (!ok) {
      diags.Error("output.write", {final_path, 0, 0, ""},
                  std::string("写入失败：") + std::strerror(errno));
      std::remove(temp.c_str());
      for (const auto& [t, unused] : staged) std::remove(t.c_str());
      return false;
    }
    staged.emplace_back(temp, final_path);
  }
  for (const auto& [temp, final_path] : staged) {
    if (std::rename(temp.c_str(), final_path.c_str()) != 0) {
      diags.Error("output.rename", {final_path, 0, 0, ""},
                  std::string("无法替换输出文件：") + std::strerror(errno));
      return false;
    }
  }
  return true;
}

}  // namespace jixiao::cli
