// Loading a stored 自评表 version (selfeval_load.h).
#include "web/selfeval_load.h"

#include <fstream>
#include <stdexcept>

#include "app/selfeval_workbook_check.h"
#include "web/selfeval_parts.h"
#include "web/server.h"

namespace jixiao::web {
namespace {

// Locations name the form as the user knows it, never the server's scratch folder.
void Relocate(Diagnostics& diags, const std::string& scratch, const std::string& shown) {
  Diagnostics out;
  for (auto d : diags.items()) {
    if (d.where.file.rfind(scratch, 0) == 0) d.where.file = shown;
    out.Add(d.severity, d.code, d.where, d.message);
  }
  diags = out;
}

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
  Relocate(check.reading, scratch.path(), "自评表.xlsx");
  check.source = "自评表.xlsx";
  return check;
}

}  // namespace

std::optional<SelfEvalRules> RulesOf(const SelfEvalResult& r) {
  Diagnostics diags;
  auto rules = ResolveSelfEvalRules(r.rules_id == "selfeval-hubei" ? "selfeval-hubei" : "", diags);
  if (!rules) throw std::runtime_error("找不到自评表规则 selfeval-national");
  return rules;
}

Loaded Load(const std::string& data_dir, const std::string& content, const std::string& name) {
  Loaded l;
  l.parts = UnpackParts(content);
  Diagnostics diags;
  auto rules = ResolveSelfEvalRules("", diags);
  auto hubei = ResolveSelfEvalRules("selfeval-hubei", diags);
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
    auto rules_of = RulesOf(l.check.result);
    for (const auto& e : ReadEdits(l.parts["edits"])) {
      std::string why;
      EditSelfEval(*l.check.form, e.row, e.field, e.text, &why, rules_of->budget.money_unit);
    }
    l.check.result = RescoreSelfEval(*l.check.form, *rules_of);
  }
  return l;
}

}  // namespace jixiao::web
