#include "web/selfeval_rules_choice.h"

#include "casefile/frameworks.h"
#include "core/text.h"
#include "ingest/selfeval_rules_loader.h"
#include "web/handlers.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace {

// The shipped rule sets: id -> (name, JSON text), read from the installed indicators folder.
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> Shipped() {
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> out;
  for (const auto& id : ShippedFrameworkIds()) {
    if (!StartsWith(id, "selfeval-")) continue;
    auto path = FindShippedFramework(id);
    auto text = path ? ReadFileBytes(*path) : std::nullopt;
    if (!text) continue;
    Diagnostics ignored;
    auto rules = ParseSelfEvalRules(id + ".json", *text, ignored);
    if (!rules) continue;
    out.push_back({id, {SelfEvalRulesName(*rules), *text}});
  }
  return out;
}

}  // namespace

Data SelfEvalRuleChoices(Db& db, const std::string& selected, bool with_auto) {
  Data list = List();
  if (with_auto)
    list.push_back(
        Choice("",
               "按表式自动选择（全国通用自评规则；湖北式表按湖北式规则；各一级分值与某一随"
               "附规则相符时按该规则）",
               selected));
  for (const auto& [id, named] : Shipped())
    list.push_back(Choice(id, named.first + "（随附）", selected));
  for (const auto& u : UploadedSets(db, "selfeval-rules"))
    if (!u.disabled())
      list.push_back(Choice(
          kUploadPrefix + u.doc.id,
          u.doc.title + "（管理员上传，第 " + std::to_string(u.doc.version) + " 版）", selected));
  return list;
}

std::string SelfEvalRuleChoiceOf(Db& db, const std::string& rules_id) {
  for (const auto& [id, named] : Shipped())
    if (id == rules_id) return id;
  for (const auto& u : UploadedSets(db, "selfeval-rules"))
    if (!u.disabled() && u.set_id == rules_id) return kUploadPrefix + u.doc.id;
  return "";
}

std::map<std::string, std::string> SelfEvalRulesTitles(Db& db) {
  std::map<std::string, std::string> out;
  for (const auto& u : UploadedSets(db, "selfeval-rules")) out[u.set_id] = u.doc.title;
  for (const auto& [id, named] : Shipped()) out[id] = named.first;
  return out;
}

std::optional<std::string> ChosenSelfEvalRules(Db& db, const std::string& value, std::string* why) {
  if (value.empty()) return std::string();
  if (StartsWith(value, kUploadPrefix)) {
    if (auto json = UploadedJson(db, "selfeval-rules", value)) return json;
  } else {
    for (const auto& [id, named] : Shipped())
      if (id == value) return named.second;
  }
  *why = "所选的自评规则不存在或已停用（字段 rules）：请从列表中重新选择";
  return std::nullopt;
}

}  // namespace jixiao::web
