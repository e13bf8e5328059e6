// A stored 自评表 version read back; see the header.
#include "web/selfeval_load.h"

#include <fstream>
#include <stdexcept>

#include "app/selfeval_rules_fit.h"
#include "app/selfeval_workbook_check.h"
#include "core/text.h"
#include "ingest/selfeval_rules_loader.h"
#include "web/handlers.h"
#include "web/scratch_files.h"
#include "web/selfeval_parts.h"

namespace jixiao::web {
namespace {

// A form kept as .xlsx: read through a scratch copy, as `selfeval check FORM.xlsx` reads it.
SelfEvalCheck CheckWorkbook(const std::string& data_dir, const std::string& bytes,
                            const SelfEvalRules& rules, const SelfEvalRules* hubei) {
  ScratchFolder scratch(data_dir);
  std::string path = scratch.path() + "/自评表.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  SelfEvalCheck check = CheckSelfEvalWorkbookFile(path, rules, hubei);
  RelocateScratch(check.reading, scratch.path(), "自评表.xlsx");
  check.source = "自评表.xlsx";
  // The form and its findings name the scratch copy: named as the user knows it instead (the
  // form's source is kept by a rescore after edits).
  auto unpath = [&](std::string& text) {
    for (size_t at; (at = text.find(path)) != std::string::npos;)
      text.replace(at, path.size(), "自评表.xlsx");
  };
  if (check.form) unpath(check.form->source);
  unpath(check.result.source);
  for (auto* list : {&check.result.findings, &check.result.budget.findings})
    for (auto& d : *list) unpath(d.where.file), unpath(d.message);
  for (auto& row : check.result.rows)
    for (auto& d : row.findings) unpath(d.where.file), unpath(d.message);
  return check;
}

}  // namespace

// The rule set a form was scored by (its result's rules_id), for rescoring and the downloads.
// A form made with an uploaded rule set keeps that set's JSON as its part "rules".
std::optional<SelfEvalRules> RulesOf(const SelfEvalResult& r,
                                     const std::map<std::string, std::string>& parts) {
  Diagnostics diags;
  if (auto kept = parts.find("rules"); kept != parts.end())
    if (auto rules = ParseSelfEvalRules("自评规则.json", kept->second, diags)) return rules;
  // A shipped set chosen by the form's layout (湖北式, 40/40/20 …), else the default.
  std::string id = r.rules_id;  // a set derived for the form (预算不计分): its base, re-derived
  if (EndsWith(id, kBudgetUnscored))
    id = id.substr(0, id.size() - std::string(kBudgetUnscored).size());
  auto rules = ResolveSelfEvalRules(StartsWith(id, "selfeval-") ? id : "", diags);
  if (!rules) rules = ResolveSelfEvalRules("", diags);
  if (!rules) throw std::runtime_error("找不到自评表规则 selfeval-national");
  return rules;
}

Loaded Load(const std::string& data_dir, const std::string& content, const std::string& name) {
  Loaded l;
  l.parts = UnpackParts(content);
  Diagnostics diags;
  auto rules = l.parts.count("rules") ? ParseSelfEvalRules("自评规则.json", l.parts["rules"], diags)
                                      : ResolveSelfEvalRules("", diags);
  auto hubei =
      l.parts.count("rules") ? std::nullopt : ResolveSelfEvalRules("selfeval-hubei", diags);
  if (!rules) throw std::runtime_error("找不到自评表规则 selfeval-national");
  if (l.parts.count("xlsx")) {
    l.check = CheckWorkbook(data_dir, l.parts["xlsx"], *rules, hubei ? &*hubei : nullptr);
  } else {
    SelfEvalCsvInput in;
    in.name = name;
    in.form_csv = l.parts["form"];
    for (const char* k : {"budget", "summary", "project"})
      if (l.parts.count(k))
        (k[0] == 'b' ? in.budget_csv : k[0] == 's' ? in.summary_csv : in.project_csv) = l.parts[k];
    l.check = CheckSelfEvalBytes(in, *rules, hubei ? &*hubei : nullptr);
  }
  if (l.check.form && l.parts.count("edits")) {
    auto rules_of = RulesOf(l.check.result, l.parts);
    for (const auto& e : ReadEdits(l.parts["edits"])) {
      std::string why;
      EditSelfEval(*l.check.form, e.row, e.field, e.text, &why, rules_of->budget.money_unit);
    }
    if (EndsWith(l.check.result.rules_id, kBudgetUnscored))
      rules_of = BudgetUnscoredRules(*l.check.form, *rules_of).value_or(*rules_of);
    l.check.result = RescoreSelfEval(*l.check.form, *rules_of);
  }
  return l;
}

}  // namespace jixiao::web
