// A unit's 绩效目标表 as stored; see the header.
#include "web/targets_versions.h"

#include <map>
#include <sstream>

#include "web/handlers.h"
#include "web/scratch_files.h"

namespace jixiao::web {

std::string Pack(const std::string& format, const std::string& bytes) {
  return format + "\n" + bytes;
}

namespace {

// The format line's row numbers: CSV line -> the number shown ("lines=2:11,3:12").
bool UnpackLines(const std::string& content, std::string& format, std::string& bytes,
                 std::map<int, int>* lines) {
  size_t nl = content.find('\n');
  if (nl == std::string::npos) return false;
  format = content.substr(0, nl);
  bytes = content.substr(nl + 1);
  if (size_t space = format.find(' '); space != std::string::npos) {
    std::istringstream in(format.substr(space + std::string(" lines=").size()));
    format = format.substr(0, space);
    int from = 0, to = 0;
    char colon = 0, comma = 0;
    while (lines && in >> from >> colon >> to) {
      (*lines)[from] = to;
      in >> comma;
    }
  }
  return format == "csv" || format == "xlsx";
}

void Renumber(TargetFile& file, Diagnostics& diags, const std::map<int, int>& lines) {
  auto shown = [&](int line) {
    auto it = lines.find(line);
    return it == lines.end() ? line : it->second;
  };
  for (auto& row : file.grid.rows) row.line = shown(row.line);
  for (auto& row : file.targets.rows) row.line = shown(row.line);
  Diagnostics out;
  for (auto d : diags.items()) {
    if (d.where.file == "绩效目标表") d.where.line = shown(d.where.line);
    out.Add(d.severity, d.code, d.where, d.message);
  }
  diags = out;
}

}  // namespace

bool Unpack(const std::string& content, std::string& format, std::string& bytes) {
  return UnpackLines(content, format, bytes, nullptr);
}

std::string PackEdited(const TargetFile& before, const FixedTable& table) {
  const std::vector<int> shown = ShownLinesAfter(before.grid, table);
  const CsvTable written = ParseCsvBytes("绩效目标表", table.csv);
  if (written.rows.size() != shown.size()) return Pack("csv", table.csv);
  std::string map;
  for (size_t i = 0; i < shown.size(); ++i)
    map += (i ? "," : "") + std::to_string(written.rows[i].line) + ":" + std::to_string(shown[i]);
  return Pack("csv lines=" + map, table.csv);
}

// Loads a stored version (the project block of an uploaded workbook is kept from version 1).
std::optional<TargetFile> LoadVersion(Server& server, const std::string& id,
                                      const std::string& content, Diagnostics& diags) {
  std::string format, bytes;
  std::map<int, int> lines;
  if (!UnpackLines(content, format, bytes, &lines)) return std::nullopt;
  ScratchFolder scratch(server.options().data_dir);
  std::string path = scratch.path() + "/targets." + format;
  WriteBytes(path, bytes);
  auto file = LoadTargetTable(path, diags);
  RelocateScratch(diags, scratch.path(), "绩效目标表");
  if (file) file->targets.file = "绩效目标表";
  if (file && !lines.empty()) Renumber(*file, diags, lines);
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
