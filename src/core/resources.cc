// Run-time lookup of the shipped folders (see resources.h).
#include "core/resources.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/text.h"

namespace jixiao {

namespace fs = std::filesystem;

std::string ResourceMarker(const std::string& name) {
  if (name == "templates") return "report/sections.txt";
  if (name == "indicators") return "national-2020.json";
  if (name == "docs") return "case-format.md";
  return "";
}

ResourceLookup LocateResource(const std::string& name, const std::string& home,
                              const std::string& exe) {
  ResourceLookup lookup;
  lookup.name = name;
  if (!home.empty()) lookup.tried.push_back((fs::path(home) / name).lexically_normal().string());
  if (!exe.empty()) {
    const fs::path bin = fs::path(exe).parent_path();
    lookup.tried.push_back((bin / name).lexically_normal().string());
    lookup.tried.push_back((bin / ".." / "share" / "jixiao" / name).lexically_normal().string());
    lookup.tried.push_back((bin / ".." / name).lexically_normal().string());
  }
  const std::string marker = ResourceMarker(name);
  for (const std::string& dir : lookup.tried) {
    const bool holds = marker.empty() ? IsDirectory(dir) : IsRegularFile(dir + "/" + marker);
    if (holds) {
      lookup.dir = dir;
      break;
    }
  }
  return lookup;
}

std::string ExecutablePath() {
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  return n > 0 ? std::string(exe, static_cast<size_t>(n)) : std::string();
}

ResourceLookup LocateResource(const std::string& name) {
  const char* home = std::getenv("JIXIAO_HOME");
  return LocateResource(name, home ? home : "", ExecutablePath());
}

std::string ResourceMissingMessage(const ResourceLookup& lookup) {
  if (lookup.found()) return "";
  std::string places;
  for (const std::string& dir : lookup.tried) places += (places.empty() ? "" : "、") + dir;
  if (places.empty()) places = "（无可查位置：未设置 JIXIAO_HOME，也读不到程序自身路径）";
  const std::string marker = ResourceMarker(lookup.name);
  return "找不到随附的 " + lookup.name + "/ 目录" +
         (marker.empty() ? "" : "（应含 " + marker + "）") + "，已依次查找：" + places +
         "。请重新安装 jixiao（cmake --install 或 .deb 包），或设置环境变量 JIXIAO_HOME "
         "指向含 " +
         lookup.name + "/ 的目录";
}

}  // namespace jixiao
