// Scratch and case files for the handlers; see the header.
#include "web/scratch_files.h"

#include <filesystem>
#include <fstream>

namespace jixiao::web {

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void RelocateScratch(Diagnostics& diags, const std::string& scratch, const std::string& shown) {
  Diagnostics out;
  for (auto d : diags.items()) {
    if (d.where.file.rfind(scratch, 0) == 0) d.where.file = shown;
    out.Add(d.severity, d.code, d.where, d.message);
  }
  diags = out;
}

void RelocateInCase(Diagnostics& diags, const std::string& dir) {
  Diagnostics out;
  for (auto d : diags.items()) {
    if (d.where.file.rfind(dir + "/", 0) == 0)
      d.where.file = d.where.file.substr(dir.size() + 1);
    else if (d.where.file.rfind(dir, 0) == 0)
      d.where.file = "案例";
    else if (!d.where.file.empty() && d.where.file[0] == '/')
      d.where.file = std::filesystem::path(d.where.file).filename().string();
    // Nor in the words: "案例目录 /srv/…/cases/ID 中没有该文件" names no server folder (issue 21).
    const std::pair<std::string, std::string> folder[] = {
        {"案例目录 " + dir + " 中", "本评价中"}, {dir + "/", ""}, {dir, "本评价"}};
    for (const auto& [from, to] : folder)
      for (size_t at; !dir.empty() && (at = d.message.find(from)) != std::string::npos;)
        d.message.replace(at, from.size(), to);
    out.Add(d.severity, d.code, d.where, d.message);
  }
  diags = out;
}

}  // namespace jixiao::web
