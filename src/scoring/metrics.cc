#include "scoring/metrics.h"

#include <algorithm>

#include "core/format.h"
#include "core/quantity.h"
#include "model/metric_names.h"
#include "scoring/survey_stats.h"

namespace jixiao {

BudgetSums SumBudget(const Case& c) {
  BudgetSums s;
  for (const auto& line : c.budget.rows) {
    s.initial += line.Initial();
    s.adjustment += line.adjustment;
    s.adjusted += line.adjusted;
    s.actual += line.actual;
  }
  return s;
}

namespace {

class Deriver {
 public:
  Deriver(const Case& c, std::map<std::string, ResolvedMetric>& out, Diagnostics& diags)
      : c_(c), out_(out), diags_(diags) {}

  void Put(const std::string& name, const Rational& value, const std::string& source) {
    const DerivedMetricInfo* info = FindDerivedMetric(name);
    out_[name] = {value, info->unit, source, info->formula, true, {source, 0, 0, ""}};
  }

  // percent = 100 × num / den, or a warning when den is zero.
  void PutRate(const std::string& name, const Rational& num, const Rational& den,
               const std::string& source, const std::string& zero_what) {
    if (den.IsZero()) {
      diags_.Warning("metric.zero_denominator", {source, 0, 0, ""},
                     "无法计算" + name + "：" + zero_what + "为0");
      return;
    }
    Put(name, Rational(100) * num / den, source);
    out_[name].arithmetic =
        "100 × " + Figure(num) + " ÷ " + Figure(den) + " = " + out_[name].value.ToString();
  }

  // Figures in 元 when the metric comes from money, else plain exact numbers.
  std::string Figure(const Rational& yuan) { return FormatQuantity(yuan, "元"); }

  void FromBudget() {
    if (!c_.budget.present) return;
    BudgetSums s = SumBudget(c_);
    const std::string& f = c_.budget.file;
    Put("年初预算", s.initial.ToYuan(), f);
    Put("调整后预算", s.adjusted.ToYuan(), f);
    Put("实际支出", s.actual.ToYuan(), f);
    PutRate("预算执行率", s.actual.ToYuan(), s.adjusted.ToYuan(), f, "调整后预算");
    PutRate("预算调整率", (s.adjusted - s.initial).ToYuan(), s.initial.ToYuan(), f, "年初预算");
    // 计划成本/实际成本 may be entered when they differ from the budget figures.
    Rational planned = s.adjusted.ToYuan(), spent = s.actual.ToYuan();
    auto typed_planned = c_.metrics.find("计划成本");
    auto typed_spent = c_.metrics.find("实际成本");
    // A typed figure is the rate's evidence: 表1-3-2 shows neither a typed 计划成本 nor a typed
    // 实际成本, so its source note is the typed one (reader7: C41 cited the budget table).
    std::string source = f;
    if (typed_spent != c_.metrics.end()) {
      spent = typed_spent->second.value;
      source = typed_spent->second.source;
    }
    if (typed_planned != c_.metrics.end()) {
      planned = typed_planned->second.value;
      source = typed_planned->second.source;
    }
    PutRate("成本节约率", planned - spent, planned, f, "计划成本");
    if (auto it = out_.find("成本节约率"); it != out_.end()) it->second.source = source;
  }

  void FromFunding() {
    if (!c_.funding.present) return;
    Rational received, budget;
    for (const auto& line : c_.funding.rows) {
      received += line.received.ToYuan();
      budget += line.budget.ToYuan();
    }
    // 到位资金 ÷ 调整后预算 when the budget is known, else ÷ the funding plan.
    Rational base = c_.budget.present ? SumBudget(c_).adjusted.ToYuan() : budget;
    PutRate("资金到位率", received, base, c_.funding.file, "调整后预算");
  }

  void FromTransfers() {
    if (!c_.transfers.present) return;
    int64_t items = 0, days = 0;
    for (const auto& t : c_.transfers.rows) {
      if (t.DaysLate() > 0) {
        ++items;
        days += t.DaysLate();
      }
    }
    Put("逾期事项数", Rational(items), c_.transfers.file);
    Put("逾期天数", Rational(days), c_.transfers.file);
  }

  void FromDisbursements() {
    if (!c_.disbursements.present || c_.disbursements.rows.empty()) return;
    std::map<int, int64_t> per_month;
    int64_t persons = 0;
    Money amount;
    for (const auto& d : c_.disbursements.rows) {
      ++per_month[d.month];
      persons += d.persons;
      amount += d.amount;
    }
    const std::string& f = c_.disbursements.file;
    int64_t batches = static_cast<int64_t>(c_.disbursements.rows.size());
    Put("发放批次数", Rational(batches), f);
    Put("发放人次", Rational(persons), f);
    Put("发放金额", amount.ToYuan(), f);
    Put("月均发放批次", Rational(batches, static_cast<int64_t>(per_month.size())), f);
    int64_t fewest = batches;
    for (const auto& [month, count] : per_month) fewest = std::min(fewest, count);
    Put("最少月发放批次", Rational(fewest), f);
  }

 private:
  const Case& c_;
  std::map<std::string, ResolvedMetric>& out_;
  Diagnostics& diags_;
};

}  // namespace

std::map<std::string, ResolvedMetric> ResolveMetrics(const Framework& fw, const Case& c,
                                                     Diagnostics& diags) {
  std::map<std::string, ResolvedMetric> out;
  Deriver deriver(c, out, diags);
  deriver.FromBudget();
  deriver.FromFunding();
  deriver.FromTransfers();
  deriver.FromDisbursements();
  if (c.survey.present) {  // rates computed from the responses, never typed
    SurveyStats stats = ComputeSurvey(c.survey, diags);
    for (const auto& q : stats.questions) {
      if (q.question->metric.empty() || !q.rate) continue;
      out[q.question->metric] = {*q.rate,
                                 "%",
                                 c.survey.responses_file,
                                 q.question->method == Question::Method::kShare
                                     ? "选择正面选项的人数 ÷ 该题有效作答人数 × 100%"
                                     : "该题有效作答的选项分值均值",
                                 true,
                                 {c.survey.responses_file, 0, 0, ""}};
    }
  }
  for (const auto& [name, typed] : c.metrics) {
    auto derived = out.find(name);
    if (derived != out.end()) {
      std::string message = "“" + name + "”由系统根据" + derived->second.source +
                            "计算，请从 case.json 的 metrics 中删除";
      if (derived->second.value != typed.value) {
        message += "（填写值" + FormatQuantity(typed.value, typed.unit) + "与计算值" +
                   FormatQuantity(derived->second.value, derived->second.unit) +
                   "不一致，以计算值为准）";
      }
      bool survey = c.survey.present && derived->second.source == c.survey.responses_file;
      diags.Warning(survey ? "metric.survey_conflict" : "metric.derived_typed", typed.where,
                    message);
      continue;
    }
    Rational value = typed.value;
    std::string unit = typed.unit;
    if (const DeclaredMetric* declared = fw.FindMetric(name)) {
      auto factor = UnitFactor(typed.unit, declared->unit);
      if (!factor) {
        diags.Error("metric.unit", typed.where,
                    "“" + name + "”的单位应为“" + declared->unit + "”（见指标体系），实际为“" +
                        typed.unit + "”，两者之间没有确定的换算");
        continue;
      }
      value = value * *factor;
      unit = declared->unit;
      if (!declared->is_signed && value.IsNegative()) {
        diags.Warning("metric.negative", typed.where,
                      "“" + name + "”为负数（" + FormatQuantity(value, unit) +
                          "），但指标体系未声明它带符号：若负值有意义，请在 metrics 中写 "
                          "\"signed\": true 并在规则中写明 absolute");
      }
    }
    out[name] = {value, unit, typed.source, "", false, typed.where, typed.written};
  }
  return out;
}

}  // namespace jixiao
