#include "report/selfeval_review.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/format.h"
#include "core/money.h"

namespace jixiao::report {
namespace {

using doc::CellStyle;

double Num(const Rational& r) { return static_cast<double>(r.RoundScaled(2)) / 100.0; }

// The style of a figure that has a 复核 finding: the red fill with the same number format.
CellStyle Flagged(CellStyle style) {
  return style == CellStyle::kYuan   ? CellStyle::kFlaggedYuan
         : style == CellStyle::kRate ? CellStyle::kFlaggedRate
                                     : CellStyle::kFlaggedScore;
}

// A finding's place: file, line and column of the printed cell it names.
using Key = std::tuple<std::string, int, int>;
Key KeyOf(const Location& l) { return {l.file, l.line, l.column}; }

}  // namespace

const std::vector<std::string>& ReviewClasses() {
  static const std::vector<std::string> kClasses = {"分值与总分", "预算执行", "满分存疑",
                                                    "原因缺失",   "计分偏离", "其他"};
  return kClasses;
}

std::string ReviewClassOf(const std::string& code) {
  static const std::map<std::string, std::string> kOf = {
      {"selfeval.weight_sum", "分值与总分"},
      {"selfeval.total_sum", "分值与总分"},
      {"selfeval.total_computed", "分值与总分"},
      {"selfeval.grade", "分值与总分"},
      {"selfeval.weight_missing", "分值与总分"},
      {"selfeval.rate_printed", "预算执行"},
      {"selfeval.rate_fraction", "预算执行"},
      {"selfeval.rate_over_100", "预算执行"},
      {"selfeval.execution_scored_twice", "预算执行"},
      {"selfeval.budget_missing", "预算执行"},
      {"selfeval.full_marks_missed", "满分存疑"},
      {"selfeval.full_marks_blank_actual", "满分存疑"},
      {"selfeval.actual_repeats_target", "满分存疑"},
      {"selfeval.target_blank", "满分存疑"},
      {"selfeval.lost_marks_no_reason", "原因缺失"},
      {"selfeval.missed_no_reason", "原因缺失"},
      {"selfeval.rate_low_no_reason", "原因缺失"},
      {"selfeval.score_above_rule", "计分偏离"},
      {"selfeval.score_below_rule", "计分偏离"},
      {"selfeval.score_over_weight", "计分偏离"},
      {"selfeval.unit_mismatch", "计分偏离"}};
  auto it = kOf.find(code);
  return it == kOf.end() ? "其他" : it->second;
}

ReviewFigures ReviewFiguresOf(const SelfEvalResult& r) {
  ReviewFigures f;
  if (r.claimed_total) f.claimed = r.claimed_total->RoundScaled(2);
  if (r.computed_total) f.computed = r.computed_total->RoundScaled(2);
  f.findings = static_cast<int64_t>(r.AllFindings().size());
  std::optional<Rational> typed = r.budget.claimed;
  for (const auto& row : r.rows)
    if (row.claimed && !row.not_applicable) typed = typed ? *typed + *row.claimed : *row.claimed;
  if (typed) f.row_total = typed->RoundScaled(2);
  return f;
}

ReviewSummaryRow ReviewRowOf(const ReviewedForm& f) {
  ReviewSummaryRow row;
  row.decision = f.decision;
  if (!f.result) {
    row.form = f.source;
    row.read_error = f.read_error;
    return row;
  }
  const SelfEvalResult& r = *f.result;
  row.readable = true;
  row.unit = f.unit.empty() ? r.unit : f.unit;
  row.project = !r.project.empty() ? r.project : f.name;
  row.form = f.name.empty() ? r.source : f.name;
  row.figures = ReviewFiguresOf(r);
  row.has_computed = r.computed_total.has_value();
  row.claimed_grade = r.claimed_grade;
  row.computed_grade = r.computed_grade;
  row.errors = static_cast<int64_t>(r.Count(Severity::kError));
  row.warnings = static_cast<int64_t>(r.Count(Severity::kWarning));
  row.infos = static_cast<int64_t>(r.Count(Severity::kInfo));
  std::map<std::string, int64_t> by_class;
  for (const auto* d : r.AllFindings())
    if (d->severity != Severity::kInfo) ++by_class[ReviewClassOf(d->code)];
  for (const auto& c : ReviewClasses()) row.by_class.push_back(by_class[c]);
  return row;
}

doc::Workbook BuildReviewSummary(const std::vector<ReviewedForm>& forms) {
  std::vector<ReviewSummaryRow> rows;
  for (const auto& f : forms) rows.push_back(ReviewRowOf(f));
  return BuildReviewSummary(rows);
}

doc::Workbook BuildReviewSummary(const std::vector<ReviewSummaryRow>& rows) {
  doc::Workbook book;
  book.title = "复核汇总";
  doc::Sheet s;
  s.name = "复核汇总";
  std::vector<std::string> head = {"序号", "单位", "项目名称", "自评表", "打印总分", "计算总分"};
  for (const char* h :
       {"差额（打印−计算）", "复核意见（条）", "打印等级", "计算等级", "错误", "警告", "提示"})
    head.push_back(h);
  for (const auto& c : ReviewClasses()) head.push_back(c);
  const int summed_col = static_cast<int>(head.size());
  head.push_back("行得分合计");
  const int decision_col = static_cast<int>(head.size());
  const bool decisions = std::any_of(rows.begin(), rows.end(),
                                     [](const ReviewSummaryRow& f) { return !f.decision.empty(); });
  if (decisions)
    for (const char* h : {"复核状态", "复核意见", "复核人", "复核时间（北京时间）"})
      head.push_back(h);
  for (size_t c = 0; c < head.size(); ++c)
    s.Text(0, static_cast<int>(c), head[c], CellStyle::kHeader);
  s.widths = {6, 24, 30, 30, 10, 10, 12, 10, 8, 8, 7, 7, 7};
  for (size_t i = 0; i < ReviewClasses().size(); ++i) s.widths.push_back(10);
  s.widths.push_back(10);
  if (decisions)
    for (int w : {14, 40, 12, 20}) s.widths.push_back(w);
  s.freeze_rows = 1;
  s.header_first_row = s.header_last_row = 0;
  std::vector<const ReviewSummaryRow*> order;
  for (const auto& f : rows) order.push_back(&f);
  // As the 复核 list sorts: the gap's size (from the 行得分合计 when no 总分 is printed), forms
  // with neither after, unread forms last.
  auto gap = [](const ReviewSummaryRow* f) -> int64_t {
    if (!f->readable) return -2;
    const ReviewFigures& r = f->figures;
    const int64_t base = r.printed() ? r.claimed : r.row_total;
    return base < 0 ? -1 : std::llabs(base - r.computed);
  };
  std::stable_sort(
      order.begin(), order.end(),
      [&](const ReviewSummaryRow* a, const ReviewSummaryRow* b) { return gap(b) < gap(a); });
  int row = 1;
  for (const ReviewSummaryRow* f : order) {
    s.Number(row, 0, row, CellStyle::kInteger);
    for (size_t k = 0; decisions && k < f->decision.size() && k < 4; ++k)
      s.Text(row, decision_col + static_cast<int>(k), f->decision[k]);
    if (!f->readable) {
      s.Text(row, 3, f->form);
      s.Text(row, 4, "无法读取：" + f->read_error, CellStyle::kFlagged);
      s.Merge(row, 4, row, (decisions ? decision_col : static_cast<int>(head.size())) - 1);
      ++row;
      continue;
    }
    const ReviewFigures& fig = f->figures;
    auto points = [](int64_t hundredths) { return static_cast<double>(hundredths) / 100.0; };
    s.Text(row, 1, f->unit);
    s.Text(row, 2, f->project);
    s.Text(row, 3, f->form);
    if (fig.printed())
      s.Number(row, 4, points(fig.claimed), CellStyle::kScore);
    else
      s.Text(row, 4, "未填总分", CellStyle::kCenter);
    if (f->has_computed) s.Number(row, 5, points(fig.computed), CellStyle::kScore);
    if (fig.printed() && f->has_computed) s.Number(row, 6, points(fig.gap()), CellStyle::kScore);
    s.Number(row, 7, static_cast<double>(fig.findings), CellStyle::kInteger);
    s.Text(row, 8, f->claimed_grade, CellStyle::kCenter);
    s.Text(row, 9, f->computed_grade, CellStyle::kCenter);
    s.Number(row, 10, static_cast<double>(f->errors), CellStyle::kInteger);
    s.Number(row, 11, static_cast<double>(f->warnings), CellStyle::kInteger);
    s.Number(row, 12, static_cast<double>(f->infos), CellStyle::kInteger);
    for (size_t c = 0; c < f->by_class.size(); ++c)
      s.Number(row, 13 + static_cast<int>(c), static_cast<double>(f->by_class[c]),
               CellStyle::kInteger);
    if (fig.row_total >= 0) s.Number(row, summed_col, points(fig.row_total), CellStyle::kScore);
    ++row;
  }
  book.sheets.push_back(std::move(s));
  return book;
}

doc::Workbook BuildAnnotatedForm(const SelfEvaluation& form, const SelfEvalResult& result) {
  doc::Workbook book;
  book.title = "自评表复核：" + form.header.project.text;
  doc::Sheet s;
  s.name = "自评表（复核）";
  // Findings by the printed cell they name; those naming no printed cell go to 复核意见.
  std::map<Key, std::vector<const Diagnostic*>> at;
  for (const auto* d : result.AllFindings()) at[KeyOf(d->where)].push_back(d);
  auto note = [&](const std::vector<const Diagnostic*>& ds) {
    std::string t;
    for (const auto* d : ds)
      t += (t.empty() ? "" : "\n") + std::string(SeverityLabel(d->severity)) + "：" + d->message;
    return t;
  };
  auto put = [&](int r, int c, const std::string& text, const Location& where, CellStyle style) {
    auto it = at.find(KeyOf(where));
    if (!where.file.empty() && it != at.end()) {
      s.Text(r, c, text, CellStyle::kFlagged);
      s.comments[{r, c}] = note(it->second);
    } else {
      s.Text(r, c, text, style);
    }
  };
  // A printed figure as a number in `style` (its flagged twin when a finding names it), so the
  // 复核表 sums and sorts; typing that cannot be read is kept as typed, flagged, with a note.
  auto figure = [&](int r, int c, const std::string& text, const Location& where,
                    std::optional<double> value, const std::string& error, CellStyle style) {
    if (!value) {
      if (error.empty()) return put(r, c, text, where, CellStyle::kCenter);  // blank, 不适用, —
      auto it = at.find(KeyOf(where));
      s.Text(r, c, text, CellStyle::kFlagged);
      s.comments[{r, c}] = "原表填写“" + text + "”，无法读成数字，按原样保留" +
                           (where.file.empty() || it == at.end() ? "" : "\n" + note(it->second));
      return;
    }
    auto it = at.find(KeyOf(where));
    const bool flagged = !where.file.empty() && it != at.end();
    s.Number(r, c, *value, flagged ? Flagged(style) : style);
    if (flagged) s.comments[{r, c}] = note(it->second);
  };
  auto points = [&](int r, int c, const PrintedNumber& n) {
    figure(r, c, n.text, n.where, n.value ? std::optional<double>(Num(*n.value)) : std::nullopt,
           n.error, CellStyle::kScore);
  };
  auto money = [&](int r, int c, const PrintedMoney& m) {  // in the unit the form printed
    const int64_t per = form.budget.money_unit == "元" ? 100 : 1000000;
    figure(r, c, m.text, m.where,
           m.value ? std::optional<double>(Rational(m.value->fen, per).ToDouble()) : std::nullopt,
           m.error, CellStyle::kYuan);
  };
  int row = 0;
  s.Text(row++, 0, "项目支出绩效自评表（复核标注）", CellStyle::kTitle);
  s.Text(row, 0, "项目名称", CellStyle::kHeader);
  put(row, 1, form.header.project.text, form.header.project.where, CellStyle::kText);
  s.Text(row, 4, "单位", CellStyle::kHeader);
  put(row++, 5, form.header.unit.text, form.header.unit.where, CellStyle::kText);
  // Budget block.
  const SelfEvalBudget& b = form.budget;
  const std::string in = "（" + b.money_unit + "）";
  const std::vector<std::string> bhead = {
      "年初预算数" + in, "全年预算数" + in, "全年执行数" + in, "分值", "执行率", "得分"};
  for (size_t c = 0; c < bhead.size(); ++c)
    s.Text(row, static_cast<int>(c) + 1, bhead[c], CellStyle::kHeader);
  s.Text(row, 7, "计算", CellStyle::kHeader);
  ++row;
  s.Text(row, 0, "预算执行", CellStyle::kHeader);
  money(row, 1, b.year_start);
  money(row, 2, b.full_year);
  money(row, 3, b.executed);
  points(row, 4, b.weight);
  figure(row, 5, b.rate.text, b.rate.where,
         b.rate.value ? std::optional<double>((*b.rate.value / Rational(100)).ToDouble())
                      : std::nullopt,
         b.rate.error, CellStyle::kRate);
  points(row, 6, b.score);
  std::string computed;
  if (result.budget.rate) computed = "执行率" + FormatPercent(*result.budget.rate);
  if (result.budget.computed) computed += "，得分" + FormatPoints(*result.budget.computed);
  s.Text(row, 7, computed);
  if (!result.budget.findings.empty())
    s.Text(row, 8, note([&] {
             std::vector<const Diagnostic*> v;
             for (const auto& d : result.budget.findings) v.push_back(&d);
             return v;
           }()),
           CellStyle::kFlagged);
  row += 2;
  const std::vector<std::string> head = {"一级指标",   "二级指标", "三级指标", "年度指标值",
                                         "实际完成值", "分值",     "得分",     "偏差原因",
                                         "计算得分",   "复核意见"};
  for (size_t c = 0; c < head.size(); ++c)
    s.Text(row, static_cast<int>(c), head[c], CellStyle::kHeader);
  s.header_first_row = s.header_last_row = row;
  ++row;
  std::map<size_t, const SelfEvalRowResult*> by_index;
  for (const auto& r : result.rows) by_index[r.index] = &r;
  for (size_t i = 0; i < form.rows.size(); ++i) {
    const SelfEvalRow& x = form.rows[i];
    put(row, 0, x.level1.text, x.level1.where, CellStyle::kText);
    put(row, 1, x.level2.text, x.level2.where, CellStyle::kText);
    put(row, 2, x.level3.text, x.level3.where, CellStyle::kText);
    put(row, 3, x.target.text, x.target.where, CellStyle::kCenter);
    put(row, 4, x.actual.text, x.actual.where, CellStyle::kCenter);
    points(row, 5, x.weight);
    points(row, 6, x.score);
    put(row, 7, x.reason.text, x.reason.where, CellStyle::kText);
    auto it = by_index.find(i);
    if (it != by_index.end()) {
      if (it->second->computed) s.Number(row, 8, Num(*it->second->computed), CellStyle::kScore);
      std::vector<const Diagnostic*> v;
      for (const auto& d : it->second->findings) v.push_back(&d);
      if (!v.empty()) s.Text(row, 9, note(v), CellStyle::kFlagged);
    } else {
      s.Text(row, 9, "模板行，不计分", CellStyle::kNote);
    }
    ++row;
  }
  ++row;
  s.Text(row, 0, "总分", CellStyle::kHeader);
  points(row, 1, form.total);
  s.Text(row, 2, "计算总分", CellStyle::kHeader);
  if (result.computed_total) s.Number(row, 3, Num(*result.computed_total), CellStyle::kScore);
  s.Text(row, 4, "等级", CellStyle::kHeader);
  put(row, 5, form.grade.text, form.grade.where, CellStyle::kCenter);
  s.Text(row, 6, "计算等级", CellStyle::kHeader);
  s.Text(row, 7, result.computed_grade, CellStyle::kCenter);
  ++row;
  if (!result.findings.empty()) {
    std::vector<const Diagnostic*> v;
    for (const auto& d : result.findings) v.push_back(&d);
    s.Text(row, 0, "复核意见", CellStyle::kHeader);
    s.Text(row, 1, note(v), CellStyle::kFlagged);
    s.Merge(row, 1, row, 9);
  }
  s.widths = {12, 12, 22, 14, 16, 8, 8, 24, 10, 48};
  book.sheets.push_back(std::move(s));
  return book;
}

}  // namespace jixiao::report
