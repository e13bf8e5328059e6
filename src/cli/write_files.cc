#include "cli/write_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "cli/report_diagnostics.h"
#include "core/temp_files.h"
#include "core/text.h"

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
  if (!IsDirectory(dir)) {
    if (errno == 0 || errno == EEXIST) errno = ENOTDIR;
    return false;
  }
  return true;
}

void RemoveAll(const std::vector<std::pair<std::string, std::string>>& staged) {
  for (const auto& [temp, unused] : staged) {
    std::remove(temp.c_str());
    temp::Unregister(temp);
  }
}

}  // namespace

bool PrepareOutputDir(const std::string& dir, Diagnostics& diags) {
  errno = 0;
  if (!MakeDirs(dir)) {
    diags.Error("output.mkdir", {dir, 0, 0, ""},
                "无法创建输出目录：" + SystemErrorText(errno) + "；请换一个可写的 -o 目录");
    return false;
  }
  temp::InstallSignalCleanup();
  temp::RemoveStaleTemps(dir);
  return true;
}

bool WriteFilesAtomically(const std::string& dir, const std::vector<OutputFile>& files,
                          Diagnostics& diags) {
  if (!PrepareOutputDir(dir, diags)) return false;
  std::vector<std::pair<std::string, std::string>> staged;  // temp -> final
  for (const auto& f : files) {
    // Output names come from the program, never from input; still, each must stay in `dir`.
    if (!IsPlainRelativePath(f.name) || f.name.find('/') != std::string::npos) {
      diags.Error("output.name", {dir, 0, 0, f.name}, "输出文件名不能包含路径：“" + f.name + "”");
      RemoveAll(staged);
      return false;
    }
    std::string final_path = dir + "/" + f.name;
    if (!f.staged.empty()) {  // written already, beside its final place
      staged.emplace_back(f.staged, final_path);
      continue;
    }
    std::string temp = temp::TempName(dir, f.name);
    temp::Register(temp);
    staged.emplace_back(temp, final_path);
    errno = 0;
    FILE* out = std::fopen(temp.c_str(), "wb");
    bool ok = out && std::fwrite(f.bytes.data(), 1, f.bytes.size(), out) == f.bytes.size();
    int error = errno;
    if (out) ok = (std::fclose(out) == 0) && ok;
    if (!ok) {
      diags.Error("output.write", {final_path, 0, 0, ""},
                  "写入失败：" + SystemErrorText(error ? error : errno));
      RemoveAll(staged);
      return false;
    }
  }
  for (size_t i = 0; i < staged.size(); ++i) {
    const auto& [temp, final_path] = staged[i];
    if (std::rename(temp.c_str(), final_path.c_str()) != 0) {
      diags.Error("output.rename", {final_path, 0, 0, ""},
                  "无法替换输出文件：" + SystemErrorText(errno));
      RemoveAll({staged.begin() + static_cast<long>(i), staged.end()});
      return false;
    }
    temp::Unregister(temp);
  }
  return true;
}

int WriteAndList(const std::string& dir, const std::optional<std::vector<OutputFile>>& files,
                 Diagnostics& diags) {
  if (!files || !WriteFilesAtomically(dir, *files, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  for (const auto& f : *files) std::printf("%s/%s\n", dir.c_str(), f.name.c_str());
  return 0;
}

}  // namespace jixiao::cli
