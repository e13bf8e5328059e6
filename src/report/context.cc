#include "report/context.h"

#include "core/format.h"
#include "core/text.h"
#include "document/markup.h"
#include "report/context_budget.h"
#include "report/number_policy.h"
#include "report/prose.h"
#include "report/survey_report.h"
#include "report/text_lint.h"
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
  size_t to = p.period.rfind("至");
  d.set("period_end", EscapeValue(to == std::string::npos ? "评价期末" : p.period.substr(to + 3)));
  return d;
}

// The template writes the scoring sentences (根据评分标准…；该指标满分…) itself: an analysis that
// already carries them would print them twice.
std::string WithoutScoringSentences(const std::string& analysis) {
  size_t cut = std::string::npos;
  for (const char* marker : {"根据评分标准", "该指标满分"})
    cut = std::min(cut, analysis.find(marker));
  return cut == std::string::npos ? analysis : analysis.substr(0, cut);
}

data IndicatorItems(const ReportInput& in, const IndicatorResult& category, bool deducted) {
  data list = List();
  int n = 0;
  for (const auto& r : in.card.indicators) {
    if (!r.leaf || r.code.rfind(category.code, 0) != 0) continue;
    if ((r.Lost().hundredths > 0) != deducted) continue;
    auto it = in.c.findings.find(r.code);
    std::string analysis = it != in.c.findings.end() ? it->second.analysis : "";
    std::string facts = IndicatorFacts(in, r, NormalizeFigures(analysis));
    // Without the evaluator's words the rule's evidence speaks, once (in the facts when they
    // carry it).
    if (analysis.empty() && !r.evidence.empty() && !FactsCarryEvidence(in, r))
      analysis = r.evidence + "。";
    analysis = NormalizeFigures(Trim(WithoutScoringSentences(analysis)));
    if (!analysis.empty() && !EndsWith(analysis, "。") && !EndsWith(analysis, "”"))
      analysis += "。";
    // Full marks are never a bare conclusion: with no evidence to state, ask for it.
    if (std::string todo = EvidenceTodo(in, r, analysis); !todo.empty()) analysis = todo;
    data item;
    item.set("n", std::to_string(++n));
    item.set("code", EscapeValue(r.code));
    item.set("name", EscapeValue(r.name));
    item.set("value", EscapeValue(NormalizeValue(r.value)));
    item.set("analysis", EscapeValue(analysis));
    item.set("facts", EscapeValue(facts));
    item.set("sentence", EscapeValue(DeductionSentence(r, analysis)));
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

enum class Kind { kExperience, kProblem, kSuggestion };

// Paragraphs of an observation's text (lines of the text are paragraphs), each escaped; problems
// end with the indicators that show them, suggestions open with the indicators they answer.
data ObservationList(const ReportInput& in, const std::vector<Observation>& items, Kind kind) {
  data list = List();
  int n = 0;
  for (const auto& o : items) {
    std::vector<std::string> paragraphs;
    size_t start = 0;
    std::string text = NormalizeFigures(o.text);
    for (size_t nl; start <= text.size(); start = nl + 1) {
      nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      std::string p = Trim(text.substr(start, nl - start));
      if (!p.empty()) paragraphs.push_back(p);
    }
    if (paragraphs.empty()) paragraphs.push_back("");
    if (kind == Kind::kProblem) {
      std::string evidence = ProblemEvidence(in, o.indicators);
      if (!evidence.empty()) paragraphs.back() += evidence;
    } else if (kind == Kind::kSuggestion && StartsWith(paragraphs.front(), "建议")) {
      paragraphs.front() = SuggestionLead(in, o.indicators) + paragraphs.front();
    }
    for (auto& p : paragraphs) p = EscapeValue(p);
    data d;
    d.set("n", std::to_string(++n));
    d.set("title", EscapeValue(o.title));
    d.set("text", Join(paragraphs, "\n\n"));
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
  return CategoryProse(in, category);
}

kainjow::mustache::data BuildContext(const ReportInput& in) {
  data d;
  d.set("project", ProjectData(in.c.project));
  d.set("framework_title", EscapeValue(in.framework.title));
  data basis = List();
  for (const auto& b : in.framework.basis) basis.push_back(data("text", EscapeValue(b)));
  d.set("framework_basis", basis);
  // The documents an evaluation rests on, for the drafted 评价依据: 财预〔2020〕10号 and the
  // framework's own.
  std::vector<std::string> documents;
  const std::string national = "《项目支出绩效评价管理办法》（财预〔2020〕10号）";
  bool has_national = false;
  for (const auto& b : in.framework.basis)
    has_national |= b.find("财预〔2020〕10号") != std::string::npos;
  if (!has_national) documents.push_back(national);
  for (const auto& b : in.framework.basis) documents.push_back(EscapeValue(b));
  d.set("basis_documents", Join(documents, "、"));
  d.set("total", FormatScore(in.card.total));
  d.set("total_weight", FormatScore(in.card.total_weight));
  d.set("grade", EscapeValue(in.card.grade));
  d.set("grades", GradeList(in.framework));
  // Issue 21: how weights moved from 不适用 leaves, printed under the 评分表.
  data na_notes = List();
  for (const auto& note : in.card.not_applicable_notes)
    na_notes.push_back(data("text", EscapeValue(note)));
  d.set("na_notes", na_notes);
  d.set("grade_count", ChineseNumber(static_cast<int>(in.framework.grades.size())));
  std::vector<std::string> grade_labels, category_labels;
  for (const auto& g : in.framework.grades) grade_labels.push_back(EscapeValue(g.label));
  for (const auto* c : in.card.Categories())
    category_labels.push_back(EscapeValue(CategoryLabel(c->name)));
  d.set("grade_labels", Join(grade_labels, "、"));
  d.set("category_labels", Join(category_labels, "、"));
  d.set("category_count", ChineseNumber(static_cast<int>(category_labels.size())));
  d.set("has_budget", data(in.c.budget.present));
  if (in.c.budget.present) d.set("budget", BudgetContext(in));
  if (in.c.history.present) d.set("history", HistoryContext(in));
  data narrative;
  for (const auto& [key, text] : in.c.narrative) narrative.set(key, data(!Trim(text).empty()));
  d.set("narrative", narrative);
  // 二（一）绩效评价目的、对象和范围 states the 目的 even when the evaluator's scope text does not.
  auto scope = in.c.narrative.find("scope");
  bool purpose = false;
  if (scope != in.c.narrative.end())
    for (const char* said : {"评价目的", "目的是", "目的在于", "目的为"})
      purpose = purpose || scope->second.find(said) != std::string::npos;
  d.set("scope_states_purpose", data(purpose));
  d.set("has_funding", data(in.c.funding.present && !in.c.funding.rows.empty()));
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
    d.set("spending_account", SpendingAccount(in));
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
  // "通过数据采集、社会调查等方式" only when the case shows a survey: answers, an entered 满意度 /
  // 知晓率 / 认可度, or the evaluator's 评价方法/工作过程 naming 问卷, 调查 or 访谈 (browser trial
  // 2).
  bool surveyed = in.c.survey.present;
  for (const auto& [name, m] : in.c.metrics)
    for (const char* word : {"满意", "知晓", "认可"})
      surveyed = surveyed || name.find(word) != std::string::npos;
  for (const char* key : {"methods", "process"})
    if (auto it = in.c.narrative.find(key); it != in.c.narrative.end())
      for (const char* word : {"问卷", "调查", "访谈", "座谈"})
        surveyed = surveyed || it->second.find(word) != std::string::npos;
  d.set("surveyed", data(surveyed));
  if (in.c.survey.present) {
    Diagnostics ignored;  // survey problems were reported when the case was scored
    d.set("survey", SurveyContext(ComputeSurvey(in.c.survey, ignored), in.c.survey.questionnaire));
  }
  d.set("experiences", ObservationList(in, in.c.experiences, Kind::kExperience));
  d.set("problems", ObservationList(in, in.c.problems, Kind::kProblem));
  d.set("suggestions", ObservationList(in, in.c.suggestions, Kind::kSuggestion));
  return d;
}

}  // namespace jixiao::report
