// The budget block (执行率 over 全年预算数, × 分值, capped) and the form-level 复核 checks.
#include "core/format.h"
#include "core/quantity.h"
#include "core/text.h"
#include "scoring/selfeval_internal.h"

namespace jixiao::selfeval_internal {
namespace {

bool BlankReason(const std::string& reason) {
  std::string t = Trim(reason);
  return t.empty() || t == "无" || t == "/" || t == "-" || t == "—";
}

std::string Printed(const PrintedNumber& n) { return "“" + n.text + "”"; }

// A printed 执行率 agrees with the figures when it is the exact rate rounded, or cut, at its own
// decimals: 31.69÷32.4 = 97.808…% may be printed 97.81% or 97.80% (97.8%, 97% likewise).
bool AgreesWithin(const Rational& shown, const Rational& exact, const Rational& half) {
  if ((shown - exact).Abs() <= half) return true;
  return shown <= exact && exact - shown < half * Rational(2);
}
bool RateShownAgrees(const Rational& shown, const Rational& exact, const std::string& text) {
  return AgreesWithin(shown, exact, PrintedTolerance(text));
}

// A 执行率 printed as a fraction of 1 (裕安区 2022: “0.958” for 27.8 ÷ 29 = 95.86%): no “%”, at
// most 2, and read ×100 it agrees with the figures (to its own printed places, ×100).
bool RateShownAsFraction(const PrintedNumber& shown, const Rational& exact) {
  const std::string t = NormalizeWidth(shown.text);
  if (!shown.value || t.find('%') != std::string::npos || *shown.value <= Rational(0) ||
      *shown.value > Rational(2))
    return false;
  return AgreesWithin(*shown.value * Rational(100), exact,
                      PrintedTolerance(shown.text) * Rational(100));
}

// The 其中 rows by 资金来源 (四川 2023, the national 其中 rows) must add up to the 总额 row, column
// by column; a source printed blank counts as 0 when another source fills that column.
void CheckSources(const SelfEvalBudget& b, std::vector<Diagnostic>& f) {
  if (b.sources.empty()) return;
  struct Column {
    const PrintedMoney& total;
    PrintedMoney FundingSource::*part;
    const char* name;
  };
  const Column columns[] = {{b.year_start, &FundingSource::year_start, "年初预算数"},
                            {b.full_year, &FundingSource::full_year, "全年预算数"},
                            {b.executed, &FundingSource::executed, "全年执行数"}};
  std::string gaps;
  const Location* first = nullptr;
  for (const auto& c : columns) {
    if (!c.total.value || c.total.text.empty()) continue;  // no printed total to compare
    Money sum{0};
    bool any = false;
    std::string parts;
    for (const auto& s : b.sources) {
      const PrintedMoney& m = s.*c.part;
      if (!m.value) continue;
      sum += *m.value;
      any = true;
      parts += (parts.empty() ? "" : "+") + FormatBudgetMoney(b, *m.value);
    }
    if (!any || sum == *c.total.value) continue;
    gaps += (gaps.empty() ? "" : "；") + std::string(c.name) + "：各资金来源" + parts + "=" +
            FormatBudgetMoney(b, sum) + "，总额打印" + FormatBudgetMoney(b, *c.total.value) +
            "（相差" + FormatYuan(sum - *c.total.value) + "）";
    if (!first) first = &c.total.where;
  }
  if (first)
    Add(f, Severity::kError, "selfeval.sources_sum", *first,
        "预算按资金来源分列的金额合计与总额不符——" + gaps + "；请核对分项或总额");
}

// Each source's own 执行率: above 100% (or spending on a 全年预算数 of 0), or under the rule's bar
// while the total's is not (the total hides it); a reason for the block turns the latter into a
// hint.
void CheckSourceRates(const SelfEvalBudget& b, const Rational& total_rate,
                      const SelfEvalRules& rules, std::vector<Diagnostic>& f) {
  const Rational& bar = rules.budget.reason_below;
  for (const auto& s : b.sources) {
    if (!s.full_year.value || !s.executed.value) continue;
    std::string name = s.name.text;
    for (const char* prefix : {"其中：", "其中:", "其中"})
      if (StartsWith(name, prefix)) name = name.substr(std::string(prefix).size());
    const std::string spent = FormatBudgetMoney(b, *s.executed.value);
    if (s.full_year.value->fen <= 0) {
      if (s.executed.value->fen > 0)
        Add(f, Severity::kWarning, "selfeval.source_rate_over_100", s.executed.where,
            "资金来源“" + name + "”全年预算数为0，却执行" + spent + "；请核实该来源的预算或支出");
      continue;
    }
    const Rational rate = Rational(s.executed.value->fen, s.full_year.value->fen) * Rational(100);
    const std::string figures =
        "（" + spent + "÷" + FormatBudgetMoney(b, *s.full_year.value) + "）";
    if (rate > Rational(100))
      Add(f, Severity::kWarning, "selfeval.source_rate_over_100", s.executed.where,
          "资金来源“" + name + "”执行率" + FormatPercent(rate) + figures +
              "超过100%：该来源执行数超过其全年预算数，请核实");
    else if (bar > Rational(0) && rate < bar && !(total_rate < bar))
      Add(f, BlankReason(b.reason.text) ? Severity::kWarning : Severity::kInfo,
          "selfeval.source_rate_low", s.executed.where,
          "资金来源“" + name + "”执行率" + FormatPercent(rate) + figures + "低于" +
              TrimmedDecimal(bar) + "%，而总额执行率为" + FormatPercent(total_rate) +
              "：总额掩盖了该来源的执行偏差；" +
              (BlankReason(b.reason.text) ? "请在偏差原因中说明"
                                          : "已有偏差原因，请确认其涵盖该来源"));
  }
}

// The 年度总体目标's 实际完成情况: blank, a placeholder or the template's instruction is no result.
void CheckGoal(const SelfEvaluation& form, std::vector<Diagnostic>& f) {
  const std::string goal = Trim(form.goal.text), actual = Trim(form.goal_actual.text);
  if (goal.empty()) return;
  const bool instruction = !actual.empty() && IsInstructionText(actual);
  if (!BlankReason(actual) && !instruction) return;
  const Location& at =
      form.goal_actual.where.file.empty() ? form.goal.where : form.goal_actual.where;
  Add(f, Severity::kWarning, "selfeval.goal_actual_blank", at,
      "年度总体目标“" + goal + "”的实际完成情况" +
          (instruction ? "仍是表格的填写说明“" + actual + "”" : std::string("未填写")) +
          "；请对照总体目标写明全年实际完成了什么，未完成的写明原因");
}

}  // namespace

void ScoreBudget(const SelfEvalBudget& b, const SelfEvalRules& rules, SelfEvalBudgetResult& out) {
  out.present = b.present;
  if (!b.present) return;
  auto& f = out.findings;
  CheckSources(b, f);
  const Location block{b.full_year.where.file, b.line, 0, "预算执行"};
  out.weight = b.weight.value ? b.weight.value : std::optional<Rational>(rules.budget.points);
  out.claimed = b.score.value;
  if (b.weight.value && *b.weight.value != rules.budget.points)
    Add(f, Severity::kWarning, "selfeval.budget_weight", b.weight.where,
        "预算执行率分值打印为" + Printed(b.weight) + "，规则（" + rules.id + "）为" +
            Points(rules.budget.points));
  if (!b.full_year.value || !b.executed.value) {
    // Cells left blank are a form not yet filled (a warning, as a blank 实际完成值); a cell
    // holding what is no amount is already an error of its own (csv.amount).
    const bool blank = (b.full_year.value || Trim(b.full_year.text).empty()) &&
                       (b.executed.value || Trim(b.executed.text).empty());
    Add(f, blank ? Severity::kWarning : Severity::kError, "selfeval.budget_missing", block,
        std::string(blank ? "预算执行块尚未填写" : "预算执行块缺少") +
            (!b.full_year.value && !b.executed.value ? "全年预算数和全年执行数"
             : !b.full_year.value                    ? "全年预算数"
                                                     : "全年执行数") +
            "，无法计算执行率；请填写全年预算数和全年执行数");
    out.computed = out.claimed;
    return;
  }
  if (b.full_year.value->fen <= 0) {
    Add(f, Severity::kError, "selfeval.budget_zero", b.full_year.where,
        "全年预算数为0，无法计算执行率；请填写调整后的全年预算数");
    out.computed = out.claimed;
    return;
  }
  const Rational rate = Rational(b.executed.value->fen, b.full_year.value->fen) * Rational(100);
  out.rate = rate;
  CheckSourceRates(b, rate, rules, f);
  const std::string figures = "全年执行数" + FormatBudgetMoney(b, *b.executed.value) +
                              "÷全年预算数" + FormatBudgetMoney(b, *b.full_year.value) + "=" +
                              FormatPercent(rate);
  const bool fraction = b.rate.value && !RateShownAgrees(*b.rate.value, rate, b.rate.text) &&
                        RateShownAsFraction(b.rate, rate);
  if (fraction)
    Add(f, Severity::kInfo, "selfeval.rate_fraction", b.rate.where,
        "执行率打印为小数" + Printed(b.rate) + "，按" +
            TrimmedDecimal(*b.rate.value * Rational(100)) + "%读取，与" + figures +
            "相符；请写成百分数");
  if (b.rate.value && !fraction && !RateShownAgrees(*b.rate.value, rate, b.rate.text)) {
    std::string base;
    if (b.year_start.value && b.year_start.value->fen > 0) {
      Rational by_start = Rational(b.executed.value->fen, b.year_start.value->fen) * Rational(100);
      if (RateShownAgrees(*b.rate.value, by_start, b.rate.text))
        base = "；打印值与“全年执行数÷年初预算数”相符，执行率应以调整后的全年预算数为分母";
    }
    Add(f, Severity::kError, "selfeval.rate_printed", b.rate.where,
        "打印执行率" + Printed(b.rate) + "与预算数据不符：" + figures + base);
  }
  if (rate > Rational(100))
    Add(f, Severity::kWarning, "selfeval.rate_over_100", b.executed.where,
        "执行率" + FormatPercent(rate) + "超过100%（" + figures +
            "）：执行数超过全年预算数，请核实调整预算或支出数据");
  Rational share = rate / Rational(100);
  if (rules.budget.cap) share = Min(share, Rational(1));
  std::string by_source;  // "中央资金100.00%×6＋…" when the rule set scores each source
  const Rational exact =
      rules.budget.SourcesScored() ? ScoreSources(b, rules, by_source, f) : share * *out.weight;
  out.computed = ApplyRounding(exact, rules.rounding);
  if (rules.budget.reason_below > Rational(0) && rate < rules.budget.reason_below &&
      BlankReason(b.reason.text))
    Add(f, Severity::kWarning, "selfeval.rate_low_no_reason", b.rate.where,
        "执行率" + FormatPercent(rate) + "低于" + TrimmedDecimal(rules.budget.reason_below) +
            "%，未说明偏差原因；请写明原因和改进措施");
  if (rules.budget.adjustment_reason && b.year_start.value &&
      b.year_start.value->fen != b.full_year.value->fen && BlankReason(b.reason.text))
    Add(f, Severity::kWarning, "selfeval.adjustment_no_reason", b.full_year.where,
        "全年预算数" + FormatBudgetMoney(b, *b.full_year.value) + "与年初预算数" +
            FormatBudgetMoney(b, *b.year_start.value) + "不同，未说明预算调整原因；规则（" +
            rules.id + "）要求说明");
  if (!out.claimed) {
    if (b.score.error.empty())
      Add(f, Severity::kWarning, "selfeval.score_missing", b.score.where, "预算执行率未填得分");
    return;
  }
  if (*out.claimed > *out.weight)
    Add(f, Severity::kError, "selfeval.score_over_weight", b.score.where,
        "预算执行得分" + Points(*out.claimed) + "超过分值" + Points(*out.weight));
  if (ScoreAgrees(*out.claimed, exact, rules.rounding)) return;
  std::string both =
      by_source.empty()
          ? "打印得分" + Points(*out.claimed) + "，按执行率×分值计算为" + Points(*out.computed) +
                "（" + FormatPercent(rate) + "×" + TrimmedDecimal(*out.weight) +
                (rate > Rational(100) ? "，以分值为限" : "") + "）"
          : "打印得分" + Points(*out.claimed) + "，按各资金来源执行率×分值之和计算为" +
                Points(*out.computed) + "（" + by_source + "）";
  if (*out.claimed > exact)
    Add(f, Severity::kError, "selfeval.score_above_rule", b.score.where,
        "预算执行得分高于规则：" + both);
  else
    Add(f, Severity::kWarning, "selfeval.score_below_rule", b.score.where,
        "预算执行得分低于规则（自评偏低）：" + both);
}

void CheckForm(const SelfEvaluation& form, const SelfEvalRules& rules, SelfEvalResult& result) {
  auto& f = result.findings;
  CheckGoal(form, f);
  const Location where_total =
      form.total.where.file.empty() ? Location{form.source, 0, 0, "总分"} : form.total.where;
  const bool derived = rules.weight_mode == SelfEvalWeightMode::kCategories ||
                       rules.weight_mode == SelfEvalWeightMode::kGoalBlocks;
  Rational weights = 0, na_weight = 0, printed_sum = 0, computed = 0;
  bool all_weights = true;
  for (const auto& r : result.rows) {
    const SelfEvalRow& row = form.rows[r.index];
    if (row.weight.value)
      weights += *row.weight.value;
    else if (!r.not_applicable)
      all_weights = false;
    if (r.not_applicable) {
      if (r.weight) na_weight += *r.weight;
      continue;
    }
    if (r.claimed) printed_sum += *r.claimed;
    if (r.computed)
      computed += *r.computed;
    else if (r.claimed)
      computed += *r.claimed;
  }
  const auto& b = result.budget;
  // The budget's 分值: as printed, else the rule's (scored so: the finding and the row agree).
  const Rational budget_weight = b.present && b.weight ? *b.weight : Rational(0);
  if (b.present) {
    weights += budget_weight;
    if (b.claimed) printed_sum += *b.claimed;
    if (b.computed) computed += *b.computed;
  } else if (rules.budget.points > Rational(0)) {
    Add(f, Severity::kWarning, "selfeval.budget_missing", {form.source, 0, 0, "预算执行"},
        "表中没有预算执行块（年初预算数、全年预算数、全年执行数、分值、执行率、得分）；规则（" +
            rules.id + "）中预算执行率占" + Points(rules.budget.points));
  }
  if (!derived && all_weights && !result.rows.empty() && weights != Rational(100))
    Add(f, Severity::kError, "selfeval.weight_sum", {form.source, 0, 0, "分值"},
        "各项分值合计为" + Points(weights) + "（指标" + Points(weights - budget_weight) +
            (b.present
                 ? "，预算执行" + Points(budget_weight) +
                       (form.budget.weight.value ? "" : "（表上未列，按规则（" + rules.id + "））")
                 : "") +
            "），应为100分；请核对分值");
  // Rows without 分值: no weight is printed, but a score never exceeds its weight, so printed row
  // scores above the points the rule gives the rows mean the weights meant cannot add up to 100.
  Rational row_scores = printed_sum - (b.present && b.claimed ? *b.claimed : Rational(0));
  if (derived && !result.rows.empty() && row_scores > rules.rows_total)
    Add(f, Severity::kError, "selfeval.weight_sum", {form.source, 0, 0, "得分"},
        "各指标行未列分值，但打印得分合计" + Points(row_scores) + "，超过规则（" + rules.id +
            "）给指标行的" + Points(rules.rows_total) + "（加预算执行" +
            Points(rules.budget.points) + "，分值至少合计" +
            Points(row_scores + rules.budget.points) +
            "）：各项分值之和不可能为100分；请核对分值和得分");
  if (rules.weight_mode == SelfEvalWeightMode::kPrinted && all_weights &&
      weights == Rational(100)) {
    for (const auto& c : rules.categories) {
      Rational sum = 0;
      bool any = false;
      for (const auto& r : result.rows) {
        const std::string& l1 = form.rows[r.index].level1.text;
        bool hit = l1.find(c.name) != std::string::npos;
        for (const auto& s : c.synonyms) hit |= l1.find(s) != std::string::npos;
        if (hit && r.weight) sum += *r.weight, any = true;
      }
      if (any && sum != c.points)
        Add(f, Severity::kInfo, "selfeval.category_weight", {form.source, 0, 0, c.name},
            c.name + "分值合计" + Points(sum) + "，规则（" + rules.id + "）为" + Points(c.points));
    }
  }
  if (rules.rescale_not_applicable && na_weight > Rational(0) && na_weight < Rational(100))
    computed = computed * Rational(100) / (Rational(100) - na_weight);
  result.computed_total = Rational(computed.RoundScaled(2), 100);
  // A total over the full 100 comes from weights that do not fit the rules: no grade for it.
  const bool over = *result.computed_total > Rational(100);
  if (over)
    Add(f, Severity::kError, "selfeval.total_over", where_total,
        "按规则（" + rules.id + "）计算的总分" + Points(*result.computed_total) +
            "超过满分100分：表上分值与规则不符（见“分值”的错误），此分不能作为复核分，不评等级；"
            "请核对分值，或改选与表上分值相符的规则");
  else if (const SelfEvalGrade* g = GradeOf(rules, *result.computed_total))
    result.computed_grade = g->name;
  result.claimed_grade = form.grade.text;
  if (form.total.value) {
    result.claimed_total = form.total.value;
    const Rational tol = Max(PrintedTolerance(form.total.text), Rational(1, 200));
    Rational rescaled = printed_sum;
    if (na_weight > Rational(0) && na_weight < Rational(100))
      rescaled = printed_sum * Rational(100) / (Rational(100) - na_weight);
    if ((*form.total.value - printed_sum).Abs() > tol && (*form.total.value - rescaled).Abs() > tol)
      Add(f, Severity::kError, "selfeval.total_sum", where_total,
          "打印总分" + Printed(form.total) + "与各项打印得分之和" + Points(printed_sum) +
              "不符（相差" + Points(*form.total.value - printed_sum) + "）");
    const Rational gap = *form.total.value - *result.computed_total;
    if (gap.Abs() > tol)
      // The rows and the budget carry the findings behind the gap: here a side-by-side note.
      Add(f, Severity::kInfo, "selfeval.total_computed", where_total,
          "打印总分" + Printed(form.total) + "，按规则计算为" + Points(*result.computed_total) +
              (gap > Rational(0) ? "（自评偏高" : "（自评偏低") + Points(gap.Abs()) + "）");
  }
  if (!form.grade.blank()) {
    const SelfEvalGrade* g = GradeOf(rules, *result.computed_total);
    bool known = false;
    for (const auto& each : rules.grades) known |= GradeMatches(each, form.grade.text);
    if (!known)
      Add(f, Severity::kWarning, "selfeval.grade_unknown", form.grade.where,
          "等级“" + form.grade.text + "”不是规则（" + rules.id + "）中的等级名称");
    else if (g && !over && !GradeMatches(*g, form.grade.text))
      Add(f, Severity::kError, "selfeval.grade", form.grade.where,
          "打印等级“" + form.grade.text + "”，按计算总分" + Points(*result.computed_total) +
              "应为“" + g->name + "”");
  }
}

}  // namespace jixiao::selfeval_internal
