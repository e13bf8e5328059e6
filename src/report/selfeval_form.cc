#include "report/selfeval_form.h"

#include "core/format.h"
#include "core/text.h"

namespace jixiao::report {
namespace {

using doc::CellStyle;

const SelfEvalCategory* CategoryOf(const std::string& level1, const SelfEvalRules& rules) {
  for (const auto& c : rules.categories) {
    if (level1.find(c.name) != std::string::npos) return &c;
    for (const auto& s : c.synonyms)
      if (!s.empty() && level1.find(s) != std::string::npos) return &c;
  }
  return nullptr;
}

double Points(const Rational& r) { return r.ToDouble(); }

constexpr int kCols = 8;  // 一级 二级 三级 年度指标值 实际完成值 分值 得分 偏差原因

doc::DataValidation Over(int first_row, int first_col, int last_row, int last_col) {
  doc::DataValidation v{};
  v.first_row = first_row, v.first_col = first_col, v.last_row = last_row, v.last_col = last_col;
  return v;
}

}  // namespace

bool QualitativeTarget(const std::string& target) {
  for (char ch : target)
    if (isdigit(static_cast<unsigned char>(ch))) return false;
  return !Trim(target).empty();
}

std::vector<Rational> SplitCategoryWeights(const std::vector<std::string>& level1,
                                           const SelfEvalRules& rules) {
  std::vector<Rational> out(level1.size(), Rational(0));
  const size_t none = rules.categories.size();
  std::vector<std::vector<size_t>> groups(none + 1);
  for (size_t i = 0; i < level1.size(); ++i) {
    const SelfEvalCategory* c = CategoryOf(level1[i], rules);
    groups[c ? static_cast<size_t>(c - rules.categories.data()) : none].push_back(i);
  }
  // Whole points over a group: floor(points / n) each, the remainder one point at a time.
  auto share = [&](const std::vector<size_t>& rows, const Rational& points) {
    const int64_t n = static_cast<int64_t>(rows.size()), total = points.num() / points.den();
    for (size_t k = 0; k < rows.size(); ++k)
      out[rows[k]] =
          out[rows[k]] + Rational(total / n + (static_cast<int64_t>(k) < total % n ? 1 : 0));
  };
  Rational given(0);
  for (size_t g = 0; g < none; ++g)
    if (!groups[g].empty())
      share(groups[g], rules.categories[g].points), given = given + rules.categories[g].points;
  // What no row's category took (a table without 满意度 rows, rows of no category) goes to the
  // rows of no category, else to every row: the form always adds up to rows_total.
  const Rational left = rules.rows_total - given;
  if (left > Rational(0)) {
    std::vector<size_t> all(level1.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    if (!level1.empty()) share(groups[none].empty() ? all : groups[none], left);
  }
  return out;
}

namespace {
// A figure the unit filled in: the number as typed when it reads as one, else its text.
void PutTyped(doc::Sheet& s, int row, int col, const PrintedNumber& typed,
              CellStyle style = CellStyle::kScore) {
  if (typed.value)
    s.Number(row, col, typed.value->ToDouble(), style);
  else
    s.Text(row, col, typed.text, CellStyle::kCenter);
}
}  // namespace

doc::Workbook BuildSelfEvalWorkbook(const SelfEvaluation& form, const SelfEvalRules& rules,
                                    const SelfEvalResult* result, bool as_typed) {
  doc::Workbook wb;
  wb.title = "项目支出绩效自评表";
  wb.sheets.emplace_back();
  doc::Sheet& s = wb.sheets.back();
  s.name = "自评表";
  s.landscape = false;  // A4 portrait, as units print it
  s.widths = {10, 13, 18, 13, 13, 7, 7, 24};
  const bool blank = result == nullptr;
  const CellStyle fill = blank ? CellStyle::kInputText : CellStyle::kText;
  const CellStyle money = blank ? CellStyle::kInputNumber : CellStyle::kYuan;
  s.Text(0, 0, "项目支出绩效自评表", CellStyle::kFormTitle);
  s.Merge(0, 0, 0, kCols - 1);
  s.Text(1, 0,
         "（" + (form.header.year.blank() ? std::string("  ") : form.header.year.text) + "年度）",
         CellStyle::kCenter);
  s.Merge(1, 0, 1, kCols - 1);
  s.Text(2, 0, "项目名称", CellStyle::kHeader);
  s.Text(2, 1, form.header.project.text, CellStyle::kText);
  s.Merge(2, 1, 2, kCols - 1);
  s.Text(3, 0, "主管部门", CellStyle::kHeader);
  s.Text(3, 1, form.header.department.text, CellStyle::kText);
  s.Merge(3, 1, 3, 3);
  s.Text(3, 4, "实施单位", CellStyle::kHeader);
  s.Text(3, 5, form.header.unit.text, CellStyle::kText);
  s.Merge(3, 5, 3, kCols - 1);
  // Budget block: label, then 年初预算数 … 得分 in columns C..H.
  const std::string unit = blank ? rules.budget.money_unit : form.budget.money_unit;
  // The 其中 rows by 资金来源 below 年度资金总额: those the form printed (四川 2023, national 其中
  // rows), or on a blank form those the rule set names, each with its 分值 when scored on its own.
  std::vector<FundingSource> rule_sources;
  for (const auto& rule : rules.budget.sources) {
    FundingSource src;
    src.name.text = rule.name;
    if (rule.points) src.weight.value = *rule.points;
    rule_sources.push_back(src);
  }
  // "其中：" on a line of its own: the narrow column would otherwise split the name.
  if (!rule_sources.empty() && !StartsWith(rule_sources.front().name.text, "其中"))
    rule_sources.front().name.text = "其中：\n" + rule_sources.front().name.text;
  std::vector<const FundingSource*> sources;
  if (blank)
    for (const auto& src : rule_sources) sources.push_back(&src);
  else
    for (const auto& src : form.budget.sources)
      if (src.year_start.value || src.full_year.value || src.executed.value)
        sources.push_back(&src);
  // The block's 偏差原因 (执行率 below the bar), on a row of its own below the 其中 rows: always on
  // a blank form, on a filled one when given or required (执行率 below the bar; left as printed).
  const bool rate_low = !blank && result->budget.rate && rules.budget.reason_below > Rational(0) &&
                        *result->budget.rate < rules.budget.reason_below;
  const bool budget_reason = blank || rate_low || !Trim(form.budget.reason.text).empty();
  const int extra = static_cast<int>(sources.size()) + (budget_reason ? 1 : 0);
  // The label breaks before its bracket: a narrow column would leave "）" alone on a line.
  s.Text(4, 0, "项目资金\n（" + unit + "）", CellStyle::kHeader);
  s.Merge(4, 0, 5 + extra, 0);
  s.Text(4, 1, "", CellStyle::kHeader);
  const char* budget_headers[] = {"年初预算数", "全年预算数", "全年执行数",
                                  "分值",       "执行率",     "得分"};
  for (int c = 0; c < 6; ++c) s.Text(4, 2 + c, budget_headers[c], CellStyle::kHeader);
  s.Text(5, 1, "年度资金总额", CellStyle::kCenter);
  const auto& b = form.budget;
  int col = 2;
  for (const PrintedMoney* m : {&b.year_start, &b.full_year, &b.executed}) {
    // A blank form made from a 申报表 starts with its 项目资金 (trial 3 item 8), as an input.
    if (m->value)
      s.Number(5, col, Points(Rational(m->value->fen, unit == "元" ? 100 : 1000000)), money);
    else
      s.Text(5, col, m->text, fill);
    ++col;
  }
  s.Number(5, 5, Points(rules.budget.points), CellStyle::kScore);
  if (!blank && result->budget.rate)
    s.Text(5, 6, FormatPercent(*result->budget.rate), CellStyle::kCenter);
  else
    s.Text(5, 6, "", CellStyle::kCenter);
  if (!blank && as_typed)
    PutTyped(s, 5, 7, form.budget.score);
  else if (!blank && result->budget.computed)
    s.Number(5, 7, Score::Round(*result->budget.computed).ToRational().ToDouble(),
             CellStyle::kScore);
  else
    s.Text(5, 7, "", CellStyle::kCenter);
  for (int i = 0; i < static_cast<int>(sources.size()); ++i) {
    const FundingSource& src = *sources[static_cast<size_t>(i)];
    s.Text(6 + i, 1, src.name.text, CellStyle::kCenter);
    int c = 2;
    for (const PrintedMoney* m : {&src.year_start, &src.full_year, &src.executed}) {
      if (m->value)
        s.Number(6 + i, c, Points(Rational(m->value->fen, unit == "元" ? 100 : 1000000)), money);
      else
        s.Text(6 + i, c, "", blank ? CellStyle::kInputNumber : CellStyle::kCenter);
      ++c;
    }
    // 分值, 执行率, 得分: "—" unless the rule set scores the source on its own.
    const bool scored = src.weight.value.has_value();
    if (scored)
      s.Number(6 + i, 5, Points(*src.weight.value), CellStyle::kScore);
    else
      s.Text(6 + i, 5, "—", CellStyle::kCenter);
    // The source's own 执行率 on a scored form (checked by selfeval.source_rate_*).
    if (!blank && src.full_year.value && src.executed.value && src.full_year.value->fen > 0)
      s.Text(6 + i, 6, FormatRateOf(Rational(src.executed.value->fen, src.full_year.value->fen)),
             CellStyle::kCenter);
    else
      s.Text(6 + i, 6, "", CellStyle::kCenter);
    if (scored && src.score.value)
      s.Number(6 + i, 7, Points(*src.score.value), CellStyle::kScore);
    else
      s.Text(6 + i, 7, scored ? "" : "—",
             blank && scored ? CellStyle::kInputNumber : CellStyle::kCenter);
  }
  if (budget_reason) {
    const int at = 6 + static_cast<int>(sources.size());
    s.Text(at, 1, "偏差原因", CellStyle::kCenter);
    s.Text(at, 2, form.budget.reason.text, blank ? CellStyle::kInputText : CellStyle::kText);
    s.Merge(at, 2, at, kCols - 1);
    if (blank) {
      doc::DataValidation v = Over(at, 2, at, 2);
      v.kind = doc::DataValidation::Kind::kAny;
      v.strict = false;
      v.prompt_title =
          "预算偏差原因（执行率低于" + TrimmedDecimal(rules.budget.reason_below) + "%时必填）";
      v.prompt = "全年执行数÷全年预算数低于" + TrimmedDecimal(rules.budget.reason_below) +
                 "%的，写明未执行的原因和改进措施";
      s.validations.push_back(v);
    }
  }
  const int goal = 6 + extra;
  s.Text(goal, 0, "年度总体目标", CellStyle::kHeader);
  s.Merge(goal, 0, goal + 1, 0);
  s.Text(goal, 1, "预期目标", CellStyle::kHeader);
  s.Merge(goal, 1, goal, 3);
  s.Text(goal, 4, "实际完成情况", CellStyle::kHeader);
  s.Merge(goal, 4, goal, kCols - 1);
  s.Text(goal + 1, 1, form.goal.text, CellStyle::kText);
  s.Merge(goal + 1, 1, goal + 1, 3);
  s.Text(goal + 1, 4, form.goal_actual.text, fill);
  s.Merge(goal + 1, 4, goal + 1, kCols - 1);
  const int header = goal + 2;
  const char* headers[] = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                           "实际完成值", "分值",     "得分",     "偏差原因分析及改进措施"};
  for (int c = 0; c < kCols; ++c) s.Text(header, c, headers[c], CellStyle::kHeader);
  s.header_first_row = s.header_last_row = header;
  s.freeze_rows = header + 1;
  std::vector<std::string> levels;
  for (const auto& band : rules.bands) levels.push_back(band.level);
  Rational weights(0);
  int r = header + 1;
  for (size_t i = 0; i < form.rows.size(); ++i, ++r) {
    const SelfEvalRow& row = form.rows[i];
    const bool first1 = i == 0 || form.rows[i - 1].level1.text != row.level1.text;
    const bool first2 = first1 || form.rows[i - 1].level2.text != row.level2.text;
    if (first1) {
      const SelfEvalCategory* cat = CategoryOf(row.level1.text, rules);
      size_t end = i;
      while (end + 1 < form.rows.size() && form.rows[end + 1].level1.text == row.level1.text) ++end;
      const bool has_points = row.level1.text.find("分)") != std::string::npos ||
                              row.level1.text.find("分）") != std::string::npos;
      s.Text(r, 0,
             row.level1.text +
                 (cat && !has_points ? "\n（" + TrimmedDecimal(cat->points) + "分）" : ""),
             CellStyle::kCenter);
      if (end > i) s.Merge(r, 0, r + static_cast<int>(end - i), 0);
    }
    if (first2) {
      size_t end = i;
      while (end + 1 < form.rows.size() && form.rows[end + 1].level1.text == row.level1.text &&
             form.rows[end + 1].level2.text == row.level2.text)
        ++end;
      s.Text(r, 1, row.level2.text, CellStyle::kCenter);
      if (end > i) s.Merge(r, 1, r + static_cast<int>(end - i), 1);
    }
    s.Text(r, 2, row.level3.text, CellStyle::kText);
    s.Text(r, 3, row.target.text, CellStyle::kCenter);
    s.Text(r, 4, row.actual.text, fill);
    if (row.weight.value) {
      s.Number(r, 5, Points(*row.weight.value), CellStyle::kScore);
      weights = weights + *row.weight.value;
    } else {
      s.Text(r, 5, row.weight.text, CellStyle::kCenter);
    }
    const SelfEvalRowResult* scored = nullptr;
    if (!blank)
      for (const auto& rr : result->rows)
        if (rr.index == i && !rr.not_applicable && rr.computed) scored = &rr;
    if (!blank && as_typed)
      PutTyped(s, r, 6, row.score);
    else if (scored)  // the computed score as a number, shown to 0.01
      s.Number(r, 6, Score::Round(*scored->computed).ToRational().ToDouble(), CellStyle::kScore);
    else
      s.Text(r, 6, row.score.text, blank ? CellStyle::kInputNumber : CellStyle::kCenter);
    s.Text(r, 7, row.reason.text, fill);
    if (blank && QualitativeTarget(row.target.text) && !levels.empty()) {
      doc::DataValidation v = Over(r, 4, r, 4);
      v.kind = doc::DataValidation::Kind::kList;
      v.options = levels;
      v.strict = false;  // the unit may write what it achieved in its own words
      v.prompt_title = "定性指标";
      v.prompt = "选择达成程度，或写明实际完成情况";
      s.validations.push_back(v);
    }
  }
  const int last = r - 1;
  if (blank && last > header) {
    doc::DataValidation v = Over(header + 1, 7, last, 7);
    v.kind = doc::DataValidation::Kind::kAny;
    v.strict = false;
    v.prompt_title = "偏差原因（未达成时必填）";
    v.prompt = "实际完成值未达到年度指标值、或执行率低于" +
               TrimmedDecimal(rules.budget.reason_below) + "%的，必须写明偏差原因和改进措施";
    s.validations.push_back(v);
  }
  s.Text(r, 0, "总分", CellStyle::kTotalText);
  s.Merge(r, 0, r, 4);
  s.Number(r, 5, Points(weights + rules.budget.points), CellStyle::kTotalScore);
  if (!blank && as_typed)
    PutTyped(s, r, 6, form.total, CellStyle::kTotalScore);
  else if (!blank && result->computed_total)
    s.Number(r, 6, Score::Round(*result->computed_total).ToRational().ToDouble(),
             CellStyle::kTotalScore);
  else
    s.Text(r, 6, "", CellStyle::kTotalText);
  s.Text(r, 7,
         blank      ? ""
         : as_typed ? form.grade.text
                    : result->computed_grade,
         CellStyle::kTotalText);
  s.Text(r + 1, 0,
         "注：实际完成值未达到年度指标值的，须在“偏差原因分析及改进措施”栏写明原因；定量指标达成得"
         "满分，"
         "未达成按实际值与指标值之比计分；定性指标按达成程度分档计分；预算执行得分=执行率×分值，"
         "不超过分值。",
         CellStyle::kNote);
  s.Merge(r + 1, 0, r + 1, kCols - 1);
  if (!blank && as_typed) {
    std::string again =
        "本表“得分”和总分为单位填报数。按评分规则（" + rules.id + "）重算的复核分：";
    again += result->computed_total
                 ? FormatScore(Score::Round(*result->computed_total)) + "分" +
                       (result->computed_grade.empty() ? "" : "，等级" + result->computed_grade)
                 : "无法计算";
    s.Text(r + 2, 0, again + "；逐行复核分见复核表。", CellStyle::kNote);
    s.Merge(r + 2, 0, r + 2, kCols - 1);
  }
  return wb;
}

}  // namespace jixiao::report
