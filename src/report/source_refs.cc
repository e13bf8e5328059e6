#include "report/source_refs.h"

#include "core/text.h"

namespace jixiao::report {
namespace {

constexpr const char* kOpen = "⟦表:";
constexpr const char* kClose = "⟧";
constexpr const char* kNoteOpen = "（数据来源：";
constexpr const char* kSeeOpen = "（详见";

// "项目预算安排及支出情况表（单位：元）" -> "项目预算安排及支出情况表".
std::string WithoutUnit(const std::string& caption) {
  size_t unit = caption.find("（单位");
  return Trim(unit == std::string::npos ? caption : caption.substr(0, unit));
}

std::string Resolve(std::string text, const std::map<std::string, std::string>& names) {
  for (size_t at; (at = text.find(kOpen)) != std::string::npos;) {
    size_t end = text.find(kClose, at);
    if (end == std::string::npos) break;
    std::string key =
        text.substr(at + std::string(kOpen).size(), end - at - std::string(kOpen).size());
    size_t stop = end + std::string(kClose).size();
    auto it = names.find(key);
    if (it != names.end()) {
      // The report's own table is no data source (reader5): the note points to it instead.
      size_t open = std::string(kNoteOpen).size();
      bool noted = at >= open && text.compare(at - open, open, kNoteOpen) == 0;
      text.replace(at, stop - at, it->second);
      if (noted) text.replace(at - open, open, kSeeOpen);
      continue;
    }
    // No such table in this report: the note goes, not just the name.
    size_t note = text.rfind(kNoteOpen, at);
    size_t note_end = text.find("）", stop);
    if (note != std::string::npos && note_end != std::string::npos)
      text.erase(note, note_end + std::string("）").size() - note);
    else
      text.erase(at, stop - at);
  }
  return text;
}

}  // namespace

std::string SourceRef(const std::string& table_key) { return kOpen + table_key + kClose; }

std::string TableKeyOf(const std::string& source_file) {
  static const std::pair<const char*, const char*> kFiles[] = {
      {"budget.csv", "budget_execution"}, {"funding.csv", "funding"},
      {"transfers.csv", "transfers"},     {"disbursements.csv", "disbursements"},
      {"targets.csv", "targets"},         {"plan.csv", "plan"},
      {"history.csv", "history"},         {"responses.csv", "survey_metrics"}};
  for (const auto& [file, key] : kFiles)
    if (EndsWith(source_file, file)) return key;
  return "";
}

void ResolveSourceRefs(doc::Document& document, const std::map<std::string, std::string>& placed) {
  std::map<std::string, std::string> names;
  for (const auto& [key, caption] : placed)
    for (const auto& block : document.blocks)
      if (const auto* t = std::get_if<doc::Table>(&block); t && t->caption == caption)
        names[key] = Trim(t->number + " " + WithoutUnit(caption));
  auto fix = [&](doc::Runs& runs) {
    for (auto& run : runs)
      if (run.text.find(kOpen) != std::string::npos) run.text = Resolve(run.text, names);
  };
  for (auto& block : document.blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&block)) fix(p->runs);
    if (auto* list = std::get_if<doc::List>(&block))
      for (auto& item : list->items) fix(item);
  }
}

}  // namespace jixiao::report
