#include "app/selfeval_form_app.h"

#include "app/targets_app.h"
#include "core/format.h"
#include "core/text.h"
#include "render/render.h"
#include "report/builder.h"
#include "report/selfeval_form.h"
#include "report/selfeval_report.h"

namespace jixiao {

std::string NormalizeSelfEvalYear(const std::string& text) {
  std::string t = Trim(text);
  for (const char* suffix : {"年度", "年"})
    if (EndsWith(t, suffix)) t = t.substr(0, t.size() - std::string(suffix).size());
  if (t.size() != 4) return "";
  for (char ch : t)
    if (ch < '0' || ch > '9') return "";
  return t >= "1990" && t <= "2099" ? t : "";
}

namespace {

// The first 19xx/20xx standing alone (no digit either side) in the file's name, then its folder's.
std::string YearInName(std::string path, std::string& where) {
  for (int part = 0; part < 2 && !path.empty(); ++part) {
    while (!path.empty() && path.back() == '/') path.pop_back();
    size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    for (size_t i = 0; i + 4 <= name.size(); ++i) {
      auto digit = [&](size_t k) { return k < name.size() && name[k] >= '0' && name[k] <= '9'; };
      if ((i > 0 && digit(i - 1)) || digit(i + 4)) continue;
      std::string y = NormalizeSelfEvalYear(name.substr(i, 4));
      if (!y.empty()) return where = name, y;
    }
    path = slash == std::string::npos ? "" : path.substr(0, slash);
  }
  return "";
}

// The form's 年度 and a 提示 saying where it came from, or a warning naming the cell to fill.
std::string FormYear(const std::string& targets_path, const TargetProject& p,
                     const SelfEvalYearHint& hint, Diagnostics& diags) {
  const Location at{targets_path, 0, 0, ""};
  std::string year, from;
  if (!hint.year.empty()) {
    year = NormalizeSelfEvalYear(hint.year), from = "命令行 --year";
  } else if (!NormalizeSelfEvalYear(p.year).empty()) {
    year = NormalizeSelfEvalYear(p.year), from = "绩效目标表 " + p.year_where;
  } else if (!NormalizeSelfEvalYear(hint.known_year).empty()) {
    year = NormalizeSelfEvalYear(hint.known_year), from = "绩效目标表登记的年度";
  } else if (std::string name;
             !hint.file_name.empty() && !(year = YearInName(hint.file_name, name)).empty()) {
    from = "文件或文件夹名“" + name + "”（如不对，请用 --year 指定）";
  }
  if (!year.empty()) {
    diags.Add(Severity::kInfo, "selfeval.year", at, "自评表年度填为" + year + "年，取自" + from);
    return year;
  }
  diags.Warning("selfeval.year_missing", {targets_path, 0, 0, "自评表!A2"},
                "未能确定评价年度：绩效目标表标题和 project.json 中没有“××××年度”，文件名中也没有"
                "年份；生成的自评表 自评表!A2 的“（  年度）”留空，请在其中填写年度，或用 --year "
                "2023 重新生成");
  return "";
}

}  // namespace

std::optional<std::string> NewSelfEvalForm(const std::string& targets_path,
                                           const SelfEvalRules& rules, Diagnostics& diags,
                                           const SelfEvalYearHint& hint) {
  if (!hint.year.empty() && NormalizeSelfEvalYear(hint.year).empty()) {
    diags.Error("selfeval.year", {"--year", 0, 0, ""},
                "--year 应为四位年份（1990–2099），如 --year 2023");
    return std::nullopt;
  }
  auto table = LoadTargetTable(targets_path, diags);
  if (!table) return std::nullopt;
  return NewSelfEvalForm(*table, targets_path, rules, diags, hint);
}

std::optional<std::string> NewSelfEvalForm(const TargetFile& table_in,
                                           const std::string& targets_path,
                                           const SelfEvalRules& rules, Diagnostics& diags,
                                           const SelfEvalYearHint& hint) {
  const TargetFile* table = &table_in;
  SelfEvaluation form;
  form.source = targets_path;
  form.layout = "national";
  const TargetProject& p = table->project;
  form.header.project.text = Trim(p.name).empty() ? hint.project : p.name;
  form.header.department.text = p.authority;
  form.header.unit.text = Trim(p.unit).empty() ? hint.unit : p.unit;
  form.header.year.text = FormYear(targets_path, p, hint, diags);
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

std::optional<std::vector<OutputFile>> ScoreSelfEvalForm(
    const SelfEvalCheck& check, const SelfEvalRules& rules, const std::string& base,
    Diagnostics& diags, const report::SelfEvalReportOptions& report, bool as_typed) {
  if (!check.form) {
    for (const auto& d : check.reading.items()) diags.Add(d.severity, d.code, d.where, d.message);
    return std::nullopt;
  }
  std::vector<OutputFile> files;
  files.push_back({base + ".xlsx", render::ToXlsx(report::BuildSelfEvalWorkbook(
                                       *check.form, rules, &check.result, as_typed))});
  const std::string styles_file = report::DefaultTemplateDir() + "/../docx/styles.xml";
  auto styles = ReadFileBytes(styles_file);
  if (!styles) {
    diags.Error("template.missing", {styles_file, 0, 0, ""}, "找不到 DOCX 参考样式 styles.xml");
    return std::nullopt;
  }
  files.push_back(
      {base + "_自评报告.docx",
       render::ToDocx(report::BuildSelfEvalReport(*check.form, check.result, rules, report),
                      *styles)});
  return files;
}

}  // namespace jixiao
