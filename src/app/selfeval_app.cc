#include "app/selfeval_app.h"

#include <algorithm>

#include "app/selfeval_rules_fit.h"
#include "casefile/frameworks.h"
#include "core/format.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "ingest/selfeval_rules_loader.h"
#include "render/render.h"
#include "report/selfeval_report.h"
#include "report/selfeval_review.h"

namespace jixiao {
namespace {

std::string JsonFigure(const std::optional<Rational>& v) {
  return v ? FormatScoreNumber(Score::Round(*v)) : "null";
}

std::string Located(const Diagnostic& d) {
  std::string where = d.where.ToString();
  return where.empty() ? d.message : where + "：" + d.message;
}

std::string FindingsJson(const std::vector<Diagnostic>& findings) {
  std::string out = "[";
  for (size_t i = 0; i < findings.size(); ++i) {
    const auto& d = findings[i];
    out += std::string(i ? ", " : "") + "{\"code\": " + JsonQuoted(d.code) +
           ", \"severity\": " + JsonQuoted(SeverityLabel(d.severity)) +
           ", \"message\": " + JsonQuoted(Located(d)) + "}";
  }
  return out + "]";
}

// Scores what was read; the reader's problems lead the form's findings (so --json carries them
// and an unreadable figure is an 错误 like any other).
// The first shipped rule set other than `named` whose categories the form's printed block weights
// fit (selfeval-40-40-20 for a 产出40/效益40/满意度20 form), or nullopt.
std::optional<SelfEvalRules> ShippedFit(const SelfEvaluation& form, const SelfEvalRules& named) {
  for (const auto& id : ShippedFrameworkIds()) {
    if (!StartsWith(id, "selfeval-") || id == named.id) continue;
    Diagnostics ignored;
    auto rules = ResolveSelfEvalRules(id, ignored);
    if (rules && SelfEvalRulesCompareWeights(*rules) && !FormBlockWeights(form, *rules).empty() &&
        SelfEvalRulesFit(form, *rules))
      return rules;
  }
  return std::nullopt;
}

SelfEvalCheck ScoreChecked(SelfEvalCheck check, const SelfEvalRules& named,
                           const SelfEvalRules* no_weight_rules = nullptr) {
  const bool switch_rules = no_weight_rules && check.form && LooksWithoutRowWeights(*check.form);
  // A form whose own block weights do not fit the named set: the shipped set they fit is used
  // when none was named (no_weight_rules given), else named in an 错误.
  std::optional<SelfEvalRules> fitting;
  if (check.form && !switch_rules && !SelfEvalRulesFit(*check.form, named))
    fitting = ShippedFit(*check.form, named);
  // None fits, none named: rows totalling 100 with no budget 分值 score the budget at nothing.
  std::optional<SelfEvalRules> unscored;
  if (no_weight_rules && check.form && !switch_rules && !fitting &&
      !SelfEvalRulesFit(*check.form, named))
    unscored = BudgetUnscoredRules(*check.form, named);
  const bool by_layout = no_weight_rules && fitting;
  const SelfEvalRules& rules = switch_rules ? *no_weight_rules
                               : by_layout  ? *fitting
                               : unscored   ? *unscored
                                            : named;
  try {
    if (check.form) check.result = ScoreSelfEval(*check.form, rules);
  } catch (const std::exception&) {  // overflow of exact arithmetic: this form only, located
    check.result = SelfEvalResult{};
    check.reading.Error("selfeval.overflow", {check.source, 0, 0, ""},
                        "表中数值过大或小数位过多，超出精确运算范围（上限见 docs/limits.md）；"
                        "请检查指标值、实际完成值、分值和金额是否多写了位数");
  }
  if (switch_rules)
    check.result.findings.insert(check.result.findings.begin(),
                                 {Severity::kInfo,
                                  "selfeval.rules_chosen",
                                  {check.source, 0, 0, ""},
                                  "各指标行未列分值、预算执行分值为20，按湖北式规则（" + rules.id +
                                      "）复核；如不是，请用 --rules 指定"});
  if (unscored)
    check.result.findings.insert(
        check.result.findings.begin(),
        {Severity::kInfo,
         "selfeval.rules_chosen",
         {check.source, 0, 0, ""},
         "表上各指标行分值合计100分（" + FormWeightsText(*check.form, named) +
             "），预算执行只列不计分：按“" + SelfEvalRulesName(named) +
             "”复核，但预算执行不计分、各一级按表上分值；如不是，请改选规则"});
  if (fitting && check.form) {
    const auto blocks = FormBlockWeights(*check.form, *fitting);
    const std::string form_text = FormWeightsText(*check.form, *fitting);
    const std::string fit_name = SelfEvalRulesName(*fitting);
    if (by_layout)
      check.result.findings.insert(
          check.result.findings.begin(),
          {Severity::kInfo, "selfeval.rules_chosen", blocks.front().where,
           "表上各一级分值为" + form_text + "，与“" + fit_name + "”相符，按该规则（" + fitting->id +
               "）复核；如不是，请改选规则（命令行 --rules）"});
    else
      check.result.findings.insert(
          check.result.findings.begin(),
          {Severity::kError, "selfeval.rules_mismatch", blocks.front().where,
           "表上各一级分值为" + form_text + "，与所用规则“" + SelfEvalRulesName(named) + "”的" +
               RulesWeightsText(named) + "不符，按它算出的复核分不可信；与表相符的是“" + fit_name +
               "”（" + fitting->id + "），请改选该规则"});
  }
  check.result.source = check.source;
  check.result.rules_id = rules.id;
  auto& f = check.result.findings;
  f.insert(f.begin(), check.reading.items().begin(), check.reading.items().end());
  return check;
}

}  // namespace

std::optional<SelfEvalRules> ResolveSelfEvalRules(const std::string& id_or_file,
                                                  Diagnostics& diags) {
  std::string id = id_or_file.empty() ? kDefaultSelfEvalRules : id_or_file;
  if (id.find('/') != std::string::npos || EndsWith(id, ".json") || IsRegularFile(id)) {
    try {
      return LoadSelfEvalRules(id, diags);
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
      return std::nullopt;
    }
  }
  auto path = FindShippedFramework(id);
  if (!path || !StartsWith(id, "selfeval-")) {
    std::string ids;
    for (const auto& each : ShippedFrameworkIds())
      if (StartsWith(each, "selfeval-")) ids += (ids.empty() ? "" : "、") + each;
    diags.Error("selfeval.rules", {"--rules", 0, 0, ""},
                "找不到自评规则“" + id + "”；可用：" + ids +
                    "，或给出规则文件路径（格式见 docs/selfeval.md）");
    return std::nullopt;
  }
  return ResolveSelfEvalRules(*path, diags);
}

bool LooksWithoutRowWeights(const SelfEvaluation& form) {
  bool any_row = false;
  for (const auto& r : form.rows) {
    if (r.template_row) continue;
    any_row = true;
    if (!Trim(r.weight.text).empty()) return false;
  }
  return any_row && form.budget.present && form.budget.weight.value &&
         *form.budget.weight.value == Rational(20);
}

SelfEvalCheck CheckSelfEvalBytes(const SelfEvalCsvInput& input, const SelfEvalRules& rules,
                                 const SelfEvalRules* no_weight_rules) {
  SelfEvalCheck check;
  check.source = input.name;
  try {
    check.form = ReadSelfEvalCsv(input, rules.budget.money_unit, check.reading);
  } catch (const InputError& e) {
    const auto& d = e.diagnostic;
    check.reading.Add(d.severity, d.code, d.where, d.message);
  }
  return ScoreChecked(std::move(check), rules, no_weight_rules);
}

SelfEvalCheck CheckSelfEvalFolder(const std::string& dir, const SelfEvalRules& rules,
                                  const SelfEvalRules* no_weight_rules) {
  SelfEvalCsvInput input;
  try {
    input = ReadSelfEvalFolderFiles(dir);
  } catch (const InputError& e) {
    SelfEvalCheck check;
    check.source = dir;
    const auto& d = e.diagnostic;
    check.reading.Add(d.severity, d.code, d.where, d.message);
    return ScoreChecked(std::move(check), rules);
  }
  return CheckSelfEvalBytes(input, rules, no_weight_rules);
}

namespace {

// The budget block's cells when the form had none (made from a 绩效目标表): located at the form.
Location BudgetWhere(const SelfEvaluation& form, const std::string& column) {
  return {form.source + "/预算执行", 0, 0, column};
}

bool EditBudgetMoney(SelfEvaluation& form, PrintedMoney& m, const std::string& column,
                     const std::string& text, const std::string& money_unit, std::string* why) {
  form.budget.present = true;
  if (m.where.file.empty()) m.where = BudgetWhere(form, column);
  m.text = Trim(text);
  m.value.reset();
  m.error.clear();
  if (m.text.empty() || m.text == "-" || m.text == "—") return true;
  std::string code;
  m.value = ReadMoneyText(m.text, money_unit, &code, &m.error);
  if (!m.value && why) *why = column + "：" + m.error;
  return m.value.has_value();
}

}  // namespace

bool EditSelfEval(SelfEvaluation& form, size_t row_index, const std::string& field,
                  const std::string& text, std::string* why, const std::string& money_unit) {
  auto number = [&](PrintedNumber& n, bool percent_ok) {
    n = ReadPrintedNumber(text, n.where, percent_ok);
    if (!n.error.empty() && why) *why = n.error;
    return n.error.empty();
  };
  SelfEvalBudget& b = form.budget;
  if (field == "年初预算数")
    return EditBudgetMoney(form, b.year_start, field, text, money_unit, why);
  if (field == "全年预算数")
    return EditBudgetMoney(form, b.full_year, field, text, money_unit, why);
  if (field == "全年执行数") return EditBudgetMoney(form, b.executed, field, text, money_unit, why);
  if (field == "预算分值" || field == "预算得分") {
    PrintedNumber& n = field == "预算分值" ? b.weight : b.score;
    b.present = true;
    if (n.where.file.empty()) n.where = BudgetWhere(form, field.substr(std::string("预算").size()));
    return number(n, false);
  }
  if (field == "预算偏差原因") {
    b.present = true;
    if (b.reason.where.file.empty()) b.reason.where = BudgetWhere(form, "偏差原因");
    b.reason.text = Trim(text);
    return true;
  }
  if (field == "总体目标实际完成情况") {
    form.goal_actual.text = Trim(text);
    return true;
  }
  if (field == "总分") return number(form.total, false);
  if (field == "等级") {
    form.grade.text = Trim(text);
    return true;
  }
  if (row_index >= form.rows.size()) {
    if (why) *why = "没有第" + std::to_string(row_index + 1) + "个指标行";
    return false;
  }
  SelfEvalRow& row = form.rows[row_index];
  if (field == "实际完成值") {
    row.actual.text = Trim(text);
    std::string actual = row.actual.text;
    if (!row.target_unit.blank()) {
      TargetValue bare = TargetValue::Parse(actual);
      if (bare.quantitative && bare.unit.empty()) actual += row.target_unit.text;
    }
    row.parsed_actual = TargetValue::Parse(actual);
    row.not_applicable =
        IsNotApplicableText(row.score.text) || IsNotApplicableText(row.actual.text);
    return true;
  }
  if (field == "偏差原因") {
    row.reason.text = Trim(text);
    return true;
  }
  if (field == "得分") {
    bool ok = number(row.score, false);
    row.not_applicable =
        IsNotApplicableText(row.score.text) || IsNotApplicableText(row.actual.text);
    return ok;
  }
  if (field == "分值") return number(row.weight, true);
  if (why)
    *why = "不能修改“" + field +
           "”；可修改：实际完成值、得分、偏差原因、分值、总分、等级、年初预算数、全年预算数、全年执"
           "行数、预算分值、预算得分、预算偏差原因";
  return false;
}

SelfEvalResult RescoreSelfEval(const SelfEvaluation& form, const SelfEvalRules& rules) {
  return ScoreSelfEval(form, rules);
}

std::string SelfEvalJson(const SelfEvalResult& r) {
  std::string out = "{\"form\": {\"claimed_total\": " + JsonFigure(r.claimed_total) +
                    ", \"computed_total\": " + JsonFigure(r.computed_total) +
                    ", \"findings\": " + FindingsJson(r.findings) + "}";
  out += ", \"budget\": {\"claimed\": " + JsonFigure(r.budget.claimed) +
         ", \"computed\": " + JsonFigure(r.budget.computed) +
         ", \"findings\": " + FindingsJson(r.budget.findings) + "}";
  out += ", \"rows\": [";
  for (size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    out += std::string(i ? ", " : "") + "{\"line\": " + std::to_string(row.line) +
           ", \"indicator\": " + JsonQuoted(row.indicator) +
           ", \"weight\": " + JsonFigure(row.weight) + ", \"claimed\": " + JsonFigure(row.claimed) +
           ", \"computed\": " + JsonFigure(row.computed) +
           ", \"findings\": " + FindingsJson(row.findings) + "}";
  }
  return out + "]}";
}

std::string SelfEvalText(const SelfEvalCheck& check) {
  std::string out = "【自评表复核】" + check.source;
  if (!check.form) {
    for (const auto& d : check.result.findings) out += "\n  " + d.ToString();
    return out + "\n";
  }
  const SelfEvalResult& r = check.result;
  if (!r.unit.empty() || !r.project.empty())
    out += "（" + r.unit + (r.unit.empty() ? "" : " ") + r.project + "）";
  out += "\n规则：" + r.rules_id + "\n";
  auto fig = [](const std::optional<Rational>& v) {
    return v ? FormatPoints(*v) : std::string("未填");
  };
  out += "总分：打印" + fig(r.claimed_total) + "，计算" + fig(r.computed_total);
  if (r.claimed_total && r.computed_total && *r.claimed_total != *r.computed_total)
    out += "（相差" + FormatPoints(*r.claimed_total - *r.computed_total) + "）";
  out += "；等级：打印" + (r.claimed_grade.empty() ? std::string("未填") : r.claimed_grade) +
         "，计算" + (r.computed_grade.empty() ? std::string("不评（见错误）") : r.computed_grade) +
         "\n";
  for (const auto& d : r.findings) out += "  " + d.ToString() + "\n";
  if (r.budget.present) {
    out += "预算执行：执行率" +
           (r.budget.rate ? FormatPercent(*r.budget.rate) : std::string("无法计算")) + "，分值" +
           fig(r.budget.weight) + "，打印得分" + fig(r.budget.claimed) + "，计算" +
           fig(r.budget.computed) + "\n";
    const std::string split =
        report::FundingSourcesText(check.form->budget, check.form->budget.money_unit);
    if (!split.empty()) out += "  资金来源分列：" + split + "\n";
    for (const auto& d : r.budget.findings) out += "  " + d.ToString() + "\n";
  }
  for (const auto& row : r.rows) {
    out += "第" + std::to_string(row.line) + "行 " + row.indicator + "：";
    if (row.weight) out += "分值" + FormatPoints(*row.weight) + "，";
    out += "打印" + fig(row.claimed) + "，计算" + fig(row.computed);
    if (!row.how.empty()) out += "（" + row.how + "）";
    out += "\n";
    for (const auto& d : row.findings) out += "  " + d.ToString() + "\n";
  }
  out += "小结：错误" + std::to_string(r.Count(Severity::kError)) + "项，警告" +
         std::to_string(r.Count(Severity::kWarning)) + "项，提示" +
         std::to_string(r.Count(Severity::kInfo)) + "项\n";
  return out;
}

report::ReviewedForm ReviewedFormOf(const SelfEvalCheck& c) {
  report::ReviewedForm f;
  f.source = c.title.empty() ? c.source : c.title;
  f.name = c.title;
  f.unit = c.unit;
  f.decision = c.decision;
  if (c.form) {
    f.form = &*c.form;
    f.result = &c.result;
  } else if (!c.reading.items().empty()) {
    f.read_error = c.reading.items().front().ToString();
  }
  return f;
}

std::vector<OutputFile> SelfEvalReviewFiles(const std::vector<SelfEvalCheck>& checks) {
  std::vector<report::ReviewedForm> forms;
  std::vector<OutputFile> files;
  std::vector<std::string> used;
  for (const auto& c : checks) {
    forms.push_back(ReviewedFormOf(c));
    if (!c.form) continue;
    // The title serve names the form by, else the whole path, so folders all named form/ stay
    // apart.
    std::string base = c.title.empty() ? c.source : c.title;
    while (!base.empty() && base.back() == '/') base.pop_back();
    while (StartsWith(base, "./") || StartsWith(base, "/"))
      base = base.substr(base[0] == '/' ? 1 : 2);
    for (char& ch : base)
      if (ch == '/') ch = '_';
    base = SafeFileName(base);
    std::string name = "复核_" + base;
    for (int n = 2; std::find(used.begin(), used.end(), name) != used.end(); ++n)
      name = "复核_" + base + "_" + std::to_string(n);
    used.push_back(name);
    files.push_back(
        {name + ".xlsx", render::ToXlsx(report::BuildAnnotatedForm(*c.form, c.result))});
  }
  files.insert(files.begin(), {"复核汇总.xlsx", render::ToXlsx(report::BuildReviewSummary(forms))});
  return files;
}

}  // namespace jixiao
