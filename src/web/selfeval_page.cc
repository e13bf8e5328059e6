// The 自评表 page's budget block; see the header.
#include "web/selfeval_page.h"

#include "app/selfeval_form_app.h"
#include "core/format.h"
#include "core/text.h"

namespace jixiao::web {

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
                             {"error", typed.Error(in.key)}}));
  }
  Data d = Object({{"weight", points(r.weight)},
                   {"rate", r.rate ? FormatPercent(*r.rate) : ""},
                   {"computed", points(r.computed)}});
  d.set("fields", fields);
  return d;
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
