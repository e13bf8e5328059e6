#include "web/stale_fields.h"

#include "core/text.h"

namespace jixiao::web {
namespace {

std::string ValueOf(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? "" : it->second;
}

std::string Quoted(const std::string& text) { return text.empty() ? "空" : "“" + text + "”"; }

}  // namespace

StaleMerge MergeStale(const std::vector<std::pair<std::string, std::string>>& labels,
                      const std::map<std::string, std::string>& opened,
                      const std::map<std::string, std::string>& newer,
                      const std::map<std::string, std::string>& typed) {
  StaleMerge out;
  for (const auto& [key, label] : labels) {
    const std::string before = Trim(ValueOf(opened, key));
    const std::string theirs = Trim(ValueOf(newer, key));
    auto sent = typed.find(key);
    const bool mine = sent != typed.end() && Trim(sent->second) != before;
    if (mine) out.kept[key] = sent->second;
    if (theirs == before) continue;
    std::string line = label + "：他人改为" + Quoted(theirs) + "（原为" + Quoted(before) + "）";
    if (mine && Trim(sent->second) == theirs)
      line += "；与您填写的相同";
    else if (mine)
      line += "；您填写的是" + Quoted(Trim(sent->second)) + "（下面保留您的填写，保存即以它为准）";
    else
      line += "；您未改动此处，下面显示他人的新值";
    out.changes.push_back(line);
  }
  return out;
}

}  // namespace jixiao::web
