#include "app/finding_edit.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/pipeline.h"
#include "casefile/case_files.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

bool PlainDecimal(const std::string& s) {
  if (s.empty()) return false;
  size_t digits = 0, dots = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i])))
      ++digits;
    else if (s[i] == '.')
      ++dots;
    else
      return false;
  }
  return digits > 0 && dots <= 1 && s.front() != '.' && s.back() != '.';
}

}  // namespace

bool EditCaseFinding(const std::string& case_dir, const std::string& code,
                     const std::vector<DeductionEdit>& deductions, const std::string& summary,
                     Diagnostics& diags) {
  const std::string file = case_dir + "/case.json";
  const Location at{"case.json", 0, 0, "$.findings." + code};
  JsonValue root;
  try {
    root = ReadJsonFile(file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  JsonValue* findings = nullptr;
  for (auto& [key, value] : root.members)
    if (key == "findings") findings = &value;
  JsonValue* finding = nullptr;
  if (findings)
    for (auto& [key, value] : findings->members)
      if (key == code) finding = &value;
  if (!finding) {
    diags.Error("finding.unknown", at,
                "没有指标 " + code + " 的评价结论；请从得分表中的末级指标选择");
    return false;
  }
  JsonValue list = JsonArray();
  for (size_t i = 0; i < deductions.size(); ++i) {
    const DeductionEdit& d = deductions[i];
    Location where = at;
    where.path += ".deductions[" + std::to_string(i) + "]";
    if (d.amount.empty() && d.reason.empty()) continue;
    if (d.reason.empty()) {
      diags.Error("finding.deduction_reason", where,
                  "第" + std::to_string(i + 1) + "条扣分没有写原因；每条扣分都要写明原因");
      return false;
    }
    if (d.amount.empty()) {
      diags.Error(
          "finding.deduction_amount", where,
          "第" + std::to_string(i + 1) + "条扣分没有写扣多少（分数如 0.5，或比例如 25%、2/3）");
      return false;
    }
    JsonValue item = JsonObject();
    JsonSet(item, "amount", PlainDecimal(d.amount) ? JsonNumber(d.amount) : JsonString(d.amount));
    JsonSet(item, "reason", JsonString(d.reason));
    list.items.push_back(std::move(item));
  }
  JsonSet(*finding, "deductions", std::move(list));
  JsonSet(*finding, "summary", JsonString(summary));
  // The edited finding must read as the loader reads it: any error located at it refuses the edit.
  bool refused = false;
  auto verify = [&](const std::string& temp_dir) {
    Diagnostics checks;
    ValidatePath(temp_dir, checks);
    for (const auto& d : checks.items())
      if (d.severity == Severity::kError && d.where.path.rfind(at.path, 0) == 0) {
        Diagnostic shown = d;
        shown.where.file = "case.json";
        diags.Add(shown.severity, shown.code, shown.where, shown.message);
        refused = true;
      }
    return !refused;
  };
  return WriteCaseFolder(case_dir, {{"case.json", JsonText(root)}}, true, {}, verify);
}

}  // namespace jixiao
