// The 自评表 page's budget block; see the header.
#include "web/selfeval_page.h"

#include "app/selfeval_form_app.h"
#include "core/format.h"
#include "core/half_width.h"
#include "core/text.h"
#include "report/selfeval_review.h"
#include "web/handlers.h"

namespace jixiao::web {

Data FindingData(const Diagnostic& d) {
  Diagnostic shown = d;
  // The page has the choice the CLI names (--rules): say where it is.
  for (const auto& [cli, page] :
       {std::pair<std::string, std::string>{"（命令行 --rules）", "（本页“改选评分规则”）"},
        {"请用 --rules 指定", "请在本页“改选评分规则”处改选"}})
    for (size_t at; (at = shown.message.find(cli)) != std::string::npos;)
      shown.message.replace(at, cli.size(), page);
  for (const auto& [id, words] :
       {std::pair<std::string, std::string>{"selfeval-national", "全国通用自评规则"},
        {"selfeval-hubei", "湖北省自评规则"}})
    for (size_t at; (at = shown.message.find(id)) != std::string::npos;)
      shown.message.replace(at, id.size(), words);
  // The command's option is no step for the page's user (issue 21).
  for (const std::string option : {"（命令行 --rules）", "；如不是，请用 --rules 指定"})
    if (size_t at = shown.message.find(option); at != std::string::npos)
      shown.message.erase(at, option.size());
  return DiagnosticData(shown);
}

std::string FillProgress::State() const {
  if (filled == 0 && !budget_typed) return "blank";
  return filled < rows ? "partial" : "complete";
}

std::string FillProgress::Note() const {
  const std::string state = State();
  if (state == "blank") return "待填写";
  if (state == "partial")
    return "已填 " + std::to_string(filled) + "/" + std::to_string(rows) + " 行，暂算";
  return "";
}

std::string FillProgress::Json() const {
  return "{\"filled\":" + std::to_string(filled) + ",\"rows\":" + std::to_string(rows) +
         ",\"state\":" + Q(State()) + "}";
}

bool FillProgress::Shows(size_t row, const Diagnostic& d) const {
  return !Waiting(row) || (d.code != "selfeval.actual_blank" && d.code != "selfeval.score_missing");
}

size_t FillProgress::ShownCount(const SelfEvalResult& r) const {
  size_t n = r.findings.size() + r.budget.findings.size();
  for (const auto& row : r.rows)
    for (const auto& d : row.findings) n += Shows(row.index, d);
  return n;
}

FillProgress ProgressOf(const SelfEvaluation& form, const SelfEvalResult& r, bool submitted) {
  FillProgress p;
  p.submitted = submitted;
  for (const auto& row : r.rows) {
    if (row.index >= form.rows.size()) continue;
    const SelfEvalRow& src = form.rows[row.index];
    ++p.rows;
    if (!Trim(src.actual.text).empty() || !Trim(src.score.text).empty())
      ++p.filled;
    else
      p.unfilled.insert(row.index);
  }
  const SelfEvalBudget& b = form.budget;
  p.budget_typed = !Trim(b.executed.text).empty() || !Trim(b.score.text).empty();
  return p;
}

std::string WidthNote(const std::string& typed) {
  const HalfWidthReading r = ReadHalfWidth(Trim(typed));
  return r.changed && r.error.empty() ? HalfWidthNotice(Trim(typed), r.text) : "";
}

std::map<std::string, std::string> WidthNotes(const std::map<std::string, std::string>& typed) {
  std::map<std::string, std::string> notes;
  for (const auto& [key, value] : typed)
    if (key.rfind("r_", 0) != 0 && key != "csrf" && key != "version")  // 偏差原因 is prose
      if (std::string note = WidthNote(value); !note.empty()) notes[key] = note;
  return notes;
}

std::string PreviewResultJson(const SelfEvalResult& r, const FillProgress& progress,
                              const std::map<std::string, std::string>& errors,
                              const std::map<std::string, std::string>& notes) {
  auto points = [](const std::optional<Rational>& v) { return v ? FormatPoints(*v) : ""; };
  auto finding = [](const Diagnostic& d) {
    const Data shown = FindingData(d);
    return "{\"severity\":" + Q(shown.get("severity")->string_value()) +
           ",\"class\":" + Q(SeverityName(d.severity)) +
           ",\"message\":" + Q(shown.get("message")->string_value()) + "}";
  };
  std::vector<std::string> rows, refused, general;
  for (const auto& row : r.rows) {
    std::vector<std::string> findings;
    for (const auto& d : row.findings)
      if (progress.Shows(row.index, d)) findings.push_back(finding(d));
    rows.push_back("{\"index\":" + std::to_string(row.index) + ",\"computed\":" +
                   Q(progress.Waiting(row.index) ? "待填写" : points(row.computed)) +
                   ",\"how\":" + Q(progress.Waiting(row.index) ? "" : row.how) +  // as the page
                   ",\"findings\":" + JsonArray(findings) + "}");
  }
  for (const auto* list : {&r.findings, &r.budget.findings})
    for (const auto& d : *list) general.push_back(finding(d));
  for (const auto& [key, why] : errors)
    refused.push_back("{\"field\":" + Q(key) + ",\"message\":" + Q(why) + "}");
  std::vector<std::string> read;
  for (const auto& [key, note] : notes)
    read.push_back("{\"field\":" + Q(key) + ",\"message\":" + Q(note) + "}");
  const bool complete = progress.State() == "complete";
  return "{\"computed\":" + Q(points(r.computed_total)) +
         ",\"grade\":" + Q(complete ? r.computed_grade : "") + ",\"state\":" + Q(progress.State()) +
         ",\"progress\":" + Q(progress.Note()) +
         ",\"count\":" + std::to_string(progress.ShownCount(r)) +
         ",\"general\":" + JsonArray(general) + ",\"rows\":" + JsonArray(rows) +
         ",\"refused\":" + JsonArray(refused) + ",\"width_notes\":" + JsonArray(read) + "}";
}

void RecordSelfEvalFigures(Doc& d, const SelfEvalCheck& check) {
  const SelfEvalResult& r = check.result;
  const report::ReviewFigures fig = report::ReviewFiguresOf(r);
  d.claimed = fig.claimed;  // -1: no printed 总分
  d.computed = fig.computed;
  d.findings = fig.findings, d.row_total = fig.row_total;
  const bool complete = !check.form || ProgressOf(*check.form, r).State() == "complete";
  d.grade = complete ? r.computed_grade : "";
  d.framework = r.rules_id;  // the rule set scored by, named on the bureau's pages
}

std::string BudgetText(const SelfEvalBudget& b, const std::string& key) {
  if (key == "b_start") return b.year_start.text;
  if (key == "b_full") return b.full_year.text;
  if (key == "b_done") return b.executed.text;
  if (key == "b_score") return b.score.text;
  return b.reason.text;
}

Data BudgetData(const SelfEvalCheck& check, const Typed& typed) {
  const SelfEvalBudget& b = check.form->budget;
  const SelfEvalBudgetResult& r = check.result.budget;
  auto points = [](const std::optional<Rational>& v) { return v ? FormatPoints(*v) : ""; };
  Data fields = List();
  for (const auto& in : kBudgetInputs) {
    std::string label = in.field;
    if (label.rfind("预算", 0) == 0 && label != "预算偏差原因") label = label.substr(6);
    fields.push_back(Object({{"key", in.key},
                             {"label", label == "预算偏差原因" ? "偏差原因" : label},
                             {"value", typed.Value(in.key, BudgetText(b, in.key))},
                             {"note", WidthNote(typed.Value(in.key, BudgetText(b, in.key)))},
                             {"error", typed.Error(in.key)}}));
  }
  Data d = Object({{"weight", points(r.weight)},
                   {"rate", r.rate ? FormatPercent(*r.rate) : ""},
                   // never blank: the template would show the page's 复核分 in its place
                   {"computed", r.computed ? points(r.computed) : "—"}});
  d.set("fields", fields);
  return d;
}

std::string SelfEvalTitleFromTargets(const std::string& targets_title) {
  std::string project = Trim(targets_title), note;
  // A trailing remark in brackets ("…绩效目标表（示例）") stays, after the project.
  const size_t open = project.rfind("（");
  if (EndsWith(project, "）") && open != std::string::npos && open > 0)
    note = project.substr(open), project = Trim(project.substr(0, open));
  for (const char* ending : {"支出绩效目标申报表", "支出绩效目标表", "绩效目标申报表", "绩效目标表",
                             "目标申报表", "目标表", "申报表"})
    if (EndsWith(project, ending)) {
      // Only a name before the ending is a project ("绩效目标表" alone, or "…绩效" left, is not).
      std::string before = Trim(project.substr(0, project.size() - std::string(ending).size()));
      if (!before.empty() && !EndsWith(before, "绩效")) project = before;
      break;
    }
  return project + note + " 自评表";
}

// The filled form carries what the page knows: 年度, 项目名称 and 单位 left blank in the form
// are taken from the stored document (a title made as "<项目> 自评表" gives the project).
void FillKnownHeader(const Doc& doc, SelfEvaluation& form) {
  SelfEvalHeader& h = form.header;
  if (Trim(h.year.text).empty()) h.year.text = NormalizeSelfEvalYear(doc.year);
  if (Trim(h.unit.text).empty()) h.unit.text = doc.unit;
  if (Trim(h.project.text).empty()) {
    std::string title = Trim(doc.title);
    if (EndsWith(title, "自评表") && title != "自评表") {
      title = Trim(title.substr(0, title.size() - std::string("自评表").size()));
      if (title != doc.unit) h.project.text = title;  // "<单位>自评表" names no project
    } else {
      h.project.text = title;
    }
  }
}

}  // namespace jixiao::web
