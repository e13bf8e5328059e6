#include "report/context.h"

#include "core/format.h"
#include "document/markup.h"
#include "report/survey_report.h"
#include "scoring/metrics.h"

namespace jixiao::report {
namespace {

using doc::EscapeValue;
using kainjow::mustache::data;

data List() { return data(data::type::list); }

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

data ProjectData(const Project& p) {
  data d;
  const std::pair<const char*, const std::string*> fields[] = {
      {"name", &p.name},           {"unit", &p.unit},
      {"authority", &p.authority}, {"commissioner", &p.commissioner},
      {"evaluator", &p.evaluator}, {"lead", &p.lead},
      {"year", &p.year},           {"town", &p.town},
      {"district", &p.district},   {"kind", &p.kind},
      {"period", &p.period},       {"date", &p.date}};
  for (const auto& [key, value] : fields) d.set(key, EscapeValue(*value));
  return d;
}

data BudgetData(const ReportInput& in) {
  BudgetSums s = SumBudget(in.c);
  data d;
  d.set("initial", FormatWanYuan(s.initial));
  d.set("adjusted", FormatWanYuan(s.adjusted));
  d.set("actual", FormatWanYuan(s.actual));
  d.set("initial_yuan", FormatYuan(s.initial));
  d.set("adjusted_yuan", FormatYuan(s.adjusted));
  d.set("actual_yuan", FormatYuan(s.actual));
  d.set("adjustment_yuan",
        FormatYuan(Money{s.adjustment.fen < 0 ? -s.adjustment.fen : s.adjustment.fen}));
  d.set("adjustment_direction", s.adjustment.fen < 0 ? "调减" : "调增");
  d.set("adjusted_changed", data(s.adjustment.fen != 0));
  auto metric = [&](const char* name) {
    auto it = in.card.metrics.find(name);
    return it == in.card.metrics.end() ? std::string("—") : FormatPercent(it->second.value);
  };
  d.set("execution_rate", metric("预算执行率"));
  d.set("adjustment_rate", metric("预算调整率"));
  if (in.c.funding.present) {
    std::vector<std::string> parts;
    for (const auto& f : in.c.funding.rows)
      parts.push_back(EscapeValue(f.source) + "资金" + FormatWanYuan(f.budget));
    d.set("funding_parts", Join(parts, "，"));
    d.set("funding_rate", metric("资金到位率"));
  }
  return d;
}

data IndicatorItems(const ReportInput& in, const IndicatorResult& category, bool deducted) {
  data list = List();
  int n = 0;
  for (const auto& r : in.card.indicators) {
    if (!r.leaf || r.code.rfind(category.code, 0) != 0) continue;
    if ((r.Lost().hundredths > 0) != deducted) continue;
    auto it = in.c.findings.find(r.code);
    std::string analysis = it != in.c.findings.end() ? it->second.analysis : "";
    if (analysis.empty() && !r.evidence.empty()) analysis = r.evidence + "。";
    data item;
    item.set("n", std::to_string(++n));
    item.set("code", EscapeValue(r.code));
    item.set("name", EscapeValue(r.name));
    item.set("value", EscapeValue(r.value));
    item.set("analysis", EscapeValue(analysis));
    item.set("sentence", EscapeValue(r.sentence));
    item.set("summary", EscapeValue(r.summary));
    list.push_back(item);
  }
  return list;
}

std::string Structure(const ReportInput& in, const IndicatorResult& category) {
  int counts[5] = {0, 0, 0, 0, 0};
  for (const auto& r : in.card.indicators)
    if (r.code.rfind(category.code, 0) == 0 && r.level > 1) ++counts[r.level];
  std::vector<std::string> parts;
  for (int level = 2; level <= 4; ++level)
    if (counts[level] > 0)
      parts.push_back(std::to_string(counts[level]) + "个" + ChineseNumber(level) + "级指标");
  if (parts.size() > 1) parts[parts.size() - 2] += "和" + parts.back(), parts.pop_back();
  return Join(parts, "、");
}

data ObservationList(const std::vector<Observation>& items) {
  data list = List();
  int n = 0;
  for (const auto& o : items) {
    data d;
    d.set("n", std::to_string(++n));
    d.set("title", EscapeValue(o.title));
    d.set("text", EscapeValue(o.text));
    d.set("indicators", EscapeValue(Join(o.indicators, "、")));
    list.push_back(d);
  }
  return list;
}

data GradeList(const Framework& fw) {
  data list = List();
  for (size_t i = 0; i < fw.grades.size(); ++i) {
    const GradeBand& g = fw.grades[i];
    std::string range;
    if (i == 0)
      range = FormatScore(g.min) + "（含）至" + FormatScore(fw.total);
    else if (g.min.hundredths == 0)
      range = FormatScore(fw.grades[i - 1].min) + "以下";
    else
      range = FormatScore(g.min) + "（含）至" + FormatScore(fw.grades[i - 1].min);
    data d;
    d.set("label", EscapeValue(g.label));
    d.set("range", range);
    d.set("last", data(i + 1 == fw.grades.size()));
    list.push_back(d);
  }
  return list;
}

}  // namespace

std::string CategoryAnalysis(const ReportInput& in, const IndicatorResult& category) {
  std::vector<std::string> full, short_of;
  for (const auto& r : in.card.indicators) {
    if (!r.leaf || r.code.rfind(category.code, 0) != 0) continue;
    std::string item = r.name + (r.value.empty() ? "" : "“" + r.value + "”");
    if (r.Lost().hundredths == 0)
      full.push_back(item);
    else
      short_of.push_back(item + "（得" + FormatScore(r.score) + "，满分" + FormatScore(r.weight) +
                         "）");
  }
  std::string text = "从" + CategoryLabel(category.name) + "方面来看：";
  if (!full.empty()) text += Join(full, "、") + "，均得满分";
  if (!short_of.empty())
    text += std::string(full.empty() ? "" : "；但") + Join(short_of, "、") + "，存在扣分";
  return text + "。本类得" + FormatScore(category.score) + "，得分率" +
         (category.RatePercent() ? FormatPercent(*category.RatePercent()) : "—") + "。";
}

kainjow::mustache::data BuildContext(const ReportInput& in) {
  data d;
  d.set("project", ProjectData(in.c.project));
  d.set("framework_title", EscapeValue(in.framework.title));
  data basis = List();
  for (const auto& b : in.framework.basis) basis.push_back(data("text", EscapeValue(b)));
  d.set("framework_basis", basis);
  d.set("total", FormatScore(in.card.total));
  d.set("total_weight", FormatScore(in.card.total_weight));
  d.set("grade", EscapeValue(in.card.grade));
  d.set("grades", GradeList(in.framework));
  d.set("grade_count", ChineseNumber(static_cast<int>(in.framework.grades.size())));
  std::vector<std::string> grade_labels, category_labels;
  for (const auto& g : in.framework.grades) grade_labels.push_back(EscapeValue(g.label));
  for (const auto* c : in.card.Categories())
    category_labels.push_back(EscapeValue(CategoryLabel(c->name)));
  d.set("grade_labels", Join(grade_labels, "、"));
  d.set("category_labels", Join(category_labels, "、"));
  d.set("category_count", ChineseNumber(static_cast<int>(category_labels.size())));
  d.set("has_budget", data(in.c.budget.present));
  if (in.c.budget.present) d.set("budget", BudgetData(in));
  d.set("has_funding", data(in.c.funding.present));
  d.set("has_history", data(in.c.history.present));
  d.set("has_plan", data(in.c.plan.present));
  d.set("has_disbursements", data(in.c.disbursements.present));
  d.set("has_targets", data(in.c.targets.present));
  if (in.c.disbursements.present) {
    auto metric = [&](const char* name, const char* unit) {
      auto it = in.card.metrics.find(name);
      return it == in.card.metrics.end() ? std::string("—")
                                         : FormatQuantity(it->second.value, unit);
    };
    d.set("disbursed_persons", metric("发放人次", "人次"));
    d.set("disbursed_amount", metric("发放金额", "元"));
    d.set("disbursed_batches", metric("发放批次数", "批次"));
  }
  data categories = List();
  int index = 0;
  for (const auto* c : in.card.Categories()) {
    data cat;
    cat.set("n", std::to_string(++index));
    cat.set("code", EscapeValue(c->code));
    cat.set("name", EscapeValue(c->name));
    cat.set("label", EscapeValue(CategoryLabel(c->name)));
    cat.set("weight", FormatScore(c->weight));
    cat.set("score", FormatScore(c->score));
    cat.set("rate", c->RatePercent() ? FormatPercent(*c->RatePercent()) : "—");
    cat.set("structure", Structure(in, *c));
    cat.set("analysis", EscapeValue(CategoryAnalysis(in, *c)));
    cat.set("table", "category:" + c->code);
    data full = IndicatorItems(in, *c, false), deducted = IndicatorItems(in, *c, true);
    cat.set("has_full", data(!full.list_value().empty()));
    cat.set("has_deducted", data(!deducted.list_value().empty()));
    cat.set("full", full);
    cat.set("deducted", deducted);
    categories.push_back(cat);
  }
  d.set("categories", categories);
  d.set("has_survey", data(in.c.survey.present));
  if (in.c.survey.present) {
    Diagnostics ignored;  // survey problems were reported when the case was scored
    d.set("survey", SurveyContext(ComputeSurvey(in.c.survey, ignored), in.c.survey.questionnaire));
  }
  d.set("experiences", ObservationList(in.c.experiences));
  d.set("problems", ObservationList(in.c.problems));
  d.set("suggestions", ObservationList(in.c.suggestions));
  return d;
}

}  // namespace jixiao::report
