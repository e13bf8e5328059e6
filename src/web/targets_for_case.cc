// An evaluation made from a unit's 绩效目标表; see the header.
#include "web/targets_for_case.h"

#include <algorithm>
#include <fstream>
#include <set>

#include "web/entry_places.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace {

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

}  // namespace

void WriteTargetsForCase(Db& db, const Doc& table, const std::string& scratch,
                         NewCaseOptions& options) {
  auto v = db.GetVersion(table.id, 0);
  size_t nl = v->content.find('\n');
  options.targets = scratch + "/targets." + v->content.substr(0, nl);
  Write(options.targets, v->content.substr(nl + 1));
  auto first = db.GetVersion(table.id, 1);
  if (first && v->version != 1 && first->content.rfind("xlsx\n", 0) == 0) {
    options.targets_header = scratch + "/targets-first.xlsx";
    Write(options.targets_header, first->content.substr(5));
  }
}

std::vector<std::string> TableReadingNotes(const Diagnostics& diags, const std::string& scratch,
                                           const std::string& title) {
  std::vector<Diagnostic> read(diags.items().begin(), diags.items().end());
  auto rank = [](const Diagnostic& d) {
    return d.code == "new.target_pending" ? 0 : d.severity == Severity::kWarning ? 1 : 2;
  };
  std::stable_sort(read.begin(), read.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  std::vector<std::string> notes;
  for (auto d : read) {
    if (d.severity == Severity::kError) continue;
    if (d.where.file.rfind(scratch, 0) == 0) {
      // The unit's table by its row and column as the page shows them (issue 21: never
      // “绩效目标表:11 指标值”, a file's line).
      std::string place = "绩效目标表“" + title + "”";
      if (d.where.line > 0) place += "第" + std::to_string(d.where.line) + "行";
      if (!d.where.path.empty() && d.where.path.rfind("$.", 0) != 0)
        place += "“" + d.where.path + "”列";
      notes.push_back(place + "：" + EntryMessage(d.message));
      continue;
    }
    notes.push_back(EntryMessage(DiagnosticLine(d)));
  }
  return notes;
}

std::string NotesMessage(const std::vector<std::string>& notes) {
  constexpr size_t kShown = 8;
  std::string message =
      "已新建。读取绩效目标表时请注意（" + std::to_string(notes.size()) + " 条）：";
  for (size_t i = 0; i < notes.size() && i < kShown; ++i) message += (i ? "；" : "") + notes[i];
  if (notes.size() > kShown)
    message += "；另有 " + std::to_string(notes.size() - kShown) + " 条，见“版本”中第 1 版的说明";
  return message;
}

std::vector<std::pair<std::string, std::string>> TableChoices(const std::vector<Doc>& tables) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> offered;
  for (const auto& d : tables)
    if (offered.insert(d.unit + '\n' + d.title + '\n' + d.year).second)
      out.push_back({d.id, d.title + "（" + d.unit + (d.year.empty() ? "" : "，" + d.year + "年") +
                               "，第 " + std::to_string(d.version) + " 版）"});
  return out;
}

}  // namespace jixiao::web
