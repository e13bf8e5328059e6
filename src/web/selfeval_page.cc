// The 自评表 page's budget block; see the header.
#include "web/selfeval_page.h"

#include "core/format.h"

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

}  // namespace jixiao::web
