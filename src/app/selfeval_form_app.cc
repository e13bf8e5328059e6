#include "app/selfeval_form_app.h"

#include "app/targets_app.h"
#include "core/format.h"
#include "core/text.h"
#include "render/render.h"
#include "report/builder.h"
#include "report/selfeval_form.h"
#include "report/selfeval_report.h"

namespace jixiao {

std::optional<std::string> NewSelfEvalForm(const std::string& targets_path,
                                           const SelfEvalRules& rules, Diagnostics& diags) {
  auto table = LoadTargetTable(targets_path, diags);
  if (!table) return std::nullopt;
  SelfEvaluation form;
  form.source = targets_path;
  form.layout = "national";
  const TargetProject& p = table->project;
  form.header.project.text = p.name;
  form.header.department.text = p.authority;
  form.header.unit.text = p.unit;
  form.goal.text = p.annual_goal.empty() ? p.overall_goal : p.annual_goal;
  std::vector<std::string> level1;
  for (const auto& t : table->targets.rows) {
    if (IsTemplateText(t.level3) && t.value.empty()) continue;  // "……", "指标2：" rows
    SelfEvalRow row;
    row.line = t.line;
    row.level1.text = t.level1;
    row.level2.text = t.level2;
    row.level3.text = t.level3;
    row.target.text = t.value;
    form.rows.push_back(row);
    level1.push_back(t.level1);
  }
  if (form.rows.empty()) {
    diags.Error("selfeval.new_empty", {targets_path, 0, 0, ""},
                "绩效目标表中没有可用的指标行（需有三级指标和指标值），无法生成自评表");
    return std::nullopt;
  }
  std::vector<Rational> weights = report::SplitCategoryWeights(level1, rules);
  for (size_t i = 0; i < form.rows.size(); ++i) {
    form.rows[i].weight.value = weights[i];
    form.rows[i].weight.text = TrimmedDecimal(weights[i]);
  }
  form.budget.present = true;
  if (p.total_funds) form.budget.full_year.value = p.total_funds;
  return render::ToXlsx(report::BuildSelfEvalWorkbook(form, rules, nullptr));
}

std::optional<std::vector<OutputFile>> ScoreSelfEvalForm(const SelfEvalCheck& check,
                                                         const SelfEvalRules& rules,
                                                         const std::string& base,
                                                         Diagnostics& diags) {
  if (!check.form) {
    for (const auto& d : check.reading.items()) diags.Add(d.severity, d.code, d.where, d.message);
    return std::nullopt;
  }
  std::vector<OutputFile> files;
  files.push_back({base + ".xlsx", render::ToXlsx(report::BuildSelfEvalWorkbook(*check.form, rules,
                                                                                &check.result))});
  const std::string styles_file = report::DefaultTemplateDir() + "/../docx/styles.xml";
  auto styles = ReadFileBytes(styles_file);
  if (!styles) {
    diags.Error("template.missing", {styles_file, 0, 0, ""}, "找不到 DOCX 参考样式 styles.xml");
    return std::nullopt;
  }
  files.push_back(
      {base + "_自评报告.docx",
       render::ToDocx(report::BuildSelfEvalReport(*check.form, check.result, rules), *styles)});
  return files;
}

}  // namespace jixiao
