// A unit's 绩效目标表 as stored; see the header.
#include "web/targets_versions.h"

#include "web/handlers.h"
#include "web/scratch_files.h"

namespace jixiao::web {

std::string Pack(const std::string& format, const std::string& bytes) {
  return format + "\n" + bytes;
}

bool Unpack(const std::string& content, std::string& format, std::string& bytes) {
  size_t nl = content.find('\n');
  if (nl == std::string::npos) return false;
  format = content.substr(0, nl);
  bytes = content.substr(nl + 1);
  return format == "csv" || format == "xlsx";
}

// Loads a stored version (the project block of an uploaded workbook is kept from version 1).
std::optional<TargetFile> LoadVersion(Server& server, const std::string& id,
                                      const std::string& content, Diagnostics& diags) {
  std::string format, bytes;
  if (!Unpack(content, format, bytes)) return std::nullopt;
  ScratchFolder scratch(server.options().data_dir);
  std::string path = scratch.path() + "/targets." + format;
  WriteBytes(path, bytes);
  auto file = LoadTargetTable(path, diags);
  RelocateScratch(diags, scratch.path(), "绩效目标表");
  if (file) file->targets.file = "绩效目标表";
  if (file && !file->project.present) {
    auto first = server.db().GetVersion(id, 1);
    std::string f1, b1;
    if (first && Unpack(first->content, f1, b1) && f1 == "xlsx") {
      Diagnostics ignored;
      std::string p1 = scratch.path() + "/first.xlsx";
      WriteBytes(p1, b1);
      if (auto original = LoadTargetTable(p1, ignored)) file->project = original->project;
    }
  }
  return file;
}

}  // namespace jixiao::web
