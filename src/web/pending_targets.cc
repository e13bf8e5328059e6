// The evaluation's rows still 待确认 from the unit's table; see the header.
#include "web/pending_targets.h"

#include <filesystem>
#include <fstream>

#include "casefile/case_files.h"
#include "core/text.h"
#include "ingest/csv.h"

namespace jixiao::web {
namespace {

namespace fs = std::filesystem;

struct Recorded {
  PendingTarget row;
  std::string confirmed_by;
};

std::string Cell(const CsvRow& r, const CsvColumn& c) {
  return c.present() && c.index < static_cast<int>(r.cells.size()) ? Trim(r.cells[c.index]) : "";
}

std::vector<Recorded> ReadRecorded(const std::string& case_dir) {
  std::vector<Recorded> out;
  const std::string path = case_dir + "/" + kPendingTargetsFile;
  if (!fs::exists(path)) return out;
  CsvTable t;
  try {
    t = ReadCsvFile(path);
  } catch (const InputError&) {
    return out;  // unreadable: nothing listed (the folder is the server's own)
  }
  const CsvColumn line = t.Column("行"), name = t.Column("三级指标"), value = t.Column("指标值"),
                  by = t.Column("确认人");
  for (const auto& r : t.rows) {
    const std::string n = Cell(r, line);
    if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos) continue;
    out.push_back({{std::stoi(n), Cell(r, name), Cell(r, value)}, Cell(r, by)});
  }
  return out;
}

void WriteRecorded(const std::string& case_dir, const std::vector<Recorded>& rows) {
  std::string text = CsvLine({"行", "三级指标", "指标值", "确认人"});
  for (const auto& r : rows)
    text += CsvLine({std::to_string(r.row.line), r.row.indicator, r.row.value, r.confirmed_by});
  const std::string path = case_dir + "/" + kPendingTargetsFile;
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << text;
  }
  fs::rename(temp, path);
}

// The case's targets.csv rows: 三级指标 and 指标值 by line.
std::vector<PendingTarget> CaseTargets(const std::string& case_dir) {
  std::vector<PendingTarget> out;
  const std::string path = case_dir + "/targets.csv";
  if (!fs::exists(path)) return out;
  CsvTable t;
  try {
    t = ReadCsvFile(path);
  } catch (const InputError&) {
    return out;
  }
  const CsvColumn name = t.Column("三级"), value = t.Column("指标值");
  for (const auto& r : t.rows) out.push_back({r.line, Cell(r, name), Cell(r, value)});
  return out;
}

bool StillOpen(const Recorded& r, const std::vector<PendingTarget>& now) {
  if (!r.confirmed_by.empty()) return false;
  for (const auto& t : now)
    if (t.indicator == r.row.indicator && t.value == r.row.value) return true;
  return false;
}

}  // namespace

void RecordPendingTargets(const std::string& case_dir, const Diagnostics& diags) {
  const auto rows = CaseTargets(case_dir);
  std::vector<Recorded> pending;
  for (const auto& d : diags.items()) {
    if (d.code != "new.target_pending") continue;
    const size_t open = d.message.find("“"), close = d.message.find("”", open);
    if (open != 0 || close == std::string::npos) continue;
    const std::string name = d.message.substr(open + 3, close - open - 3);  // “ is 3 bytes
    for (const auto& t : rows) {
      bool taken = false;
      for (const auto& p : pending) taken |= p.row.line == t.line;
      if (t.indicator == name && !taken) {
        pending.push_back({t, ""});
        break;
      }
    }
  }
  if (!pending.empty()) WriteRecorded(case_dir, pending);
}

std::vector<PendingTarget> OpenPendingTargets(const std::string& case_dir) {
  std::vector<PendingTarget> out;
  const auto now = CaseTargets(case_dir);
  for (const auto& r : ReadRecorded(case_dir))
    if (StillOpen(r, now)) out.push_back(r.row);
  return out;
}

bool ConfirmPendingTarget(const std::string& case_dir, int line, const std::string& who) {
  auto rows = ReadRecorded(case_dir);
  const auto now = CaseTargets(case_dir);
  for (auto& r : rows)
    if (r.row.line == line && StillOpen(r, now)) {
      r.confirmed_by = who.empty() ? "评价机构" : who;
      WriteRecorded(case_dir, rows);
      return true;
    }
  return false;
}

}  // namespace jixiao::web
