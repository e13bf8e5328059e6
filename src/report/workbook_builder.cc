#include "report/workbook_builder.h"

#include "core/csv_field.h"
#include "core/format.h"
#include "model/target_value.h"
#include "report/leaf_paths.h"
#include "report/narrative_figures.h"
#include "report/number_policy.h"
#include "report/survey_report.h"
#include "report/tables.h"
#include "scoring/metrics.h"

namespace jixiao::report {
namespace {

using doc::CellStyle;
using doc::Ref;

double D(Score s) { return static_cast<double>(s.hundredths) / 100.0; }
double D(Money m) { return static_cast<double>(m.fen) / 100.0; }
double Ratio(Score part, Score whole) {
  return whole.hundredths
             ? static_cast<double>(part.hundredths) / static_cast<double>(whole.hundredths)
             : 0;
}
std::string Label(const Indicator& n) { return n.code + " " + n.name; }

// =IF(W=0,0,S/W): 得分率 as a live formula.
std::string RateFormula(int row, int score_col, int weight_col) {
  std::string s = Ref(row, score_col), w = Ref(row, weight_col);
  return "=IF(" + w + "=0,0," + s + "/" + w + ")";
}

// A text constant inside a formula: quoted, with every " doubled (the spreadsheet's escape).
std::string FormulaText(const std::string& text) { return CsvField(text, /*always_quote=*/true); }

// Nested IF over the framework's grade bands, e.g. =IF(I40>=90,"优",IF(I40>=80,"良",…)).
std::string GradeFormula(const Framework& fw, const std::string& total_ref) {
  std::string formula, closing;
  for (size_t i = 0; i + 1 < fw.grades.size(); ++i) {
    formula += "IF(" + total_ref + ">=" + FormatScoreNumber(fw.grades[i].min) + "," +
               FormulaText(fw.grades[i].label) + ",";
    closing += ")";
  }
  return "=" + formula + FormulaText(fw.grades.empty() ? "" : fw.grades.back().label) + closing;
}

void Headers(doc::Sheet& s, int row, const std::vector<std::string>& titles) {
  for (size_t c = 0; c < titles.size(); ++c)
    s.Text(row, static_cast<int>(c), titles[c], CellStyle::kHeader);
  s.header_first_row = s.header_last_row = row;
  s.freeze_rows = row + 1;
}

void Title(doc::Sheet& s, const std::string& title, int columns) {
  s.Text(0, 0, title, CellStyle::kTitle);
  s.Merge(0, 0, 0, columns - 1);
}

}  // namespace

doc::Sheet ScoreSheet(const ReportInput& in, ScoreSheetLayout& layout) {
  doc::Sheet s;
  s.name = "评分表";
  auto paths = LeafPaths(in.framework.indicators);
  int depth = Depth(paths);
  static const char* const kLevel[] = {"一级指标", "二级指标", "三级指标", "四级指标"};
  std::vector<std::string> titles(kLevel, kLevel + depth);
  for (const char* t : {"分值", "指标解释", "评分标准", "业绩值", "得分", "得分率", "扣分说明"})
    titles.push_back(t);
  const int W = depth, E = depth + 1, C = depth + 2, V = depth + 3, S = depth + 4, R = depth + 5,
            X = depth + 6;
  layout.weight_col = W;
  layout.score_col = S;
  Title(s, in.framework.title + "评分表（" + in.c.project.name + "）", X + 1);
  Headers(s, 1, titles);
  s.freeze_cols = depth;
  s.widths = std::vector<double>(static_cast<size_t>(depth), 14);
  for (double w : {7.0, 30.0, 40.0, 12.0, 8.0, 9.0, 36.0}) s.widths.push_back(w);
  int row = 2;
  size_t i = 0;
  std::string total_weight, total_score;
  for (const auto* category : in.card.Categories()) {
    int first = row;
    std::vector<Path> block;
    while (i < paths.size() && paths[i][0]->code == category->code) block.push_back(paths[i++]);
    for (const auto& p : block) {
      const Indicator& leaf = *p.back();
      const IndicatorResult* r = in.card.Find(leaf.code);
      // The weight scored on (a 不适用 leaf 0, its share moved), the sum behind it as a note.
      s.Number(row, W, D(r ? r->weight : leaf.weight), CellStyle::kScore);
      if (r && !r->weight_note.empty()) s.comments[{row, W}] = r->weight_note;
      if (r && r->not_applicable_weight)
        s.comments[{row, W}] =
            "不适用，原分值" + FormatScore(*r->not_applicable_weight) + "不计入评分";
      s.Text(row, E, leaf.explanation);
      s.Text(row, C, leaf.criteria);
      // Issue 23: 业绩值 and 扣分说明 spelled by the body's number policy (98.50%, 29,729人).
      s.Text(row, V, r ? NormalizeValue(r->value) : "", CellStyle::kCenter);
      s.Number(row, S, r ? D(r->score) : 0, CellStyle::kScore);
      s.Formula(row, R, RateFormula(row, S, W), r ? Ratio(r->score, r->weight) : 0,
                CellStyle::kRate);
      std::string why = r ? r->DeductionText() : "";
      if (r && r->override_reason) why += "（评价小组调整：" + *r->override_reason + "）";
      s.Text(row, X, NormalizeFigures(why));
      ++row;
    }
    for (int level = 1; level <= depth; ++level) {
      for (const NodeRun& run : LevelRuns(block, level)) {
        int r0 = first + static_cast<int>(run.first), r1 = first + static_cast<int>(run.last);
        s.Text(r0, level - 1, run.node ? Label(*run.node) : "");
        if (run.node) s.Merge(r0, level - 1, r1, level - 1);
      }
    }
    s.Text(row, 0, Label(*in.framework.Find(category->code)) + " 小计", CellStyle::kTotalText);
    s.Merge(row, 0, row, depth - 1);
    s.Formula(row, W, "=SUM(" + Ref(first, W) + ":" + Ref(row - 1, W) + ")", D(category->weight),
              CellStyle::kTotalScore);
    s.Formula(row, S, "=SUM(" + Ref(first, S) + ":" + Ref(row - 1, S) + ")", D(category->score),
              CellStyle::kTotalScore);
    s.Formula(row, R, RateFormula(row, S, W), Ratio(category->score, category->weight),
              CellStyle::kTotalRate);
    layout.subtotal_rows.push_back(row);
    total_weight += (total_weight.empty() ? "=" : "+") + Ref(row, W);
    total_score += (total_score.empty() ? "=" : "+") + Ref(row, S);
    ++row;
  }
  layout.total_row = row;
  s.Text(row, 0, "合计", CellStyle::kTotalText);
  s.Merge(row, 0, row, depth - 1);
  s.Formula(row, W, total_weight, D(in.card.total_weight), CellStyle::kTotalScore);
  s.Formula(row, S, total_score, D(in.card.total), CellStyle::kTotalScore);
  s.Formula(row, R, RateFormula(row, S, W), Ratio(in.card.total, in.card.total_weight),
            CellStyle::kTotalRate);
  layout.grade_row = ++row;
  s.Text(row, 0, "评级", CellStyle::kTotalText);
  s.Merge(row, 0, row, depth - 1);
  s.FormulaText(row, S, GradeFormula(in.framework, Ref(layout.total_row, S, true)), in.card.grade,
                CellStyle::kTotalText);
  // Issue 21: how 不适用 weights were moved, under the table (each weight's sum is its cell note).
  if (!in.card.not_applicable_notes.empty()) {
    std::string notes = "说明：";
    for (const auto& note : in.card.not_applicable_notes) notes += note;
    s.Text(++row, 0, notes + "各指标分值的算式见分值单元格的批注。", CellStyle::kNote);
    s.Merge(row, 0, row, X);
  }
  return s;
}

namespace {

doc::Sheet SummarySheet(const ReportInput& in, const ScoreSheetLayout& layout) {
  doc::Sheet s;
  s.name = "得分汇总";
  auto categories = in.card.Categories();
  int cols = static_cast<int>(categories.size()) + 2;
  Title(s, in.c.project.name + "绩效得分表", cols);
  std::vector<std::string> titles = {"指标"};
  for (const auto* c : categories) titles.push_back(CategoryLabel(c->name) + "类");
  titles.push_back("合计");
  Headers(s, 1, titles);
  s.Text(2, 0, "分值", CellStyle::kHeader);
  s.Text(3, 0, "得分", CellStyle::kHeader);
  s.Text(4, 0, "得分率", CellStyle::kHeader);
  auto sheet_ref = [](int row, int col) { return "'评分表'!" + Ref(row, col); };
  for (size_t k = 0; k <= categories.size(); ++k) {
    int c = static_cast<int>(k) + 1;
    bool total = k == categories.size();
    int src = total ? layout.total_row : layout.subtotal_rows[k];
    Score weight = total ? in.card.total_weight : categories[k]->weight;
    Score score = total ? in.card.total : categories[k]->score;
    s.Formula(2, c, "=" + sheet_ref(src, layout.weight_col), D(weight), CellStyle::kScore);
    s.Formula(3, c, "=" + sheet_ref(src, layout.score_col), D(score), CellStyle::kScore);
    s.Formula(4, c, "=IF(" + Ref(2, c) + "=0,0," + Ref(3, c) + "/" + Ref(2, c) + ")",
              Ratio(score, weight), CellStyle::kRate);
  }
  s.Text(5, 0, "评级", CellStyle::kHeader);
  s.FormulaText(5, cols - 1, "=" + sheet_ref(layout.grade_row, layout.score_col), in.card.grade,
                CellStyle::kCenter);
  s.widths = std::vector<double>(static_cast<size_t>(cols), 14);
  return s;
}

doc::Sheet BudgetSheet(const ReportInput& in) {
  doc::Sheet s;
  s.name = "预算执行";
  Title(s, in.c.project.name + "预算执行情况（单位：元）", 8);
  Headers(s, 1,
          {"序号", "项目构成", "项目明细", "年初预算", "调整金额", "调整后预算", "实际支出",
           "预算执行率"});
  int row = 2;
  for (const auto& line : in.c.budget.rows) {
    std::string details;
    for (const auto& d : line.details) details += (details.empty() ? "" : "、") + d.detail;
    s.Text(row, 0, line.seq, CellStyle::kCenter);
    s.Text(row, 1, line.composition);
    s.Text(row, 2, details);
    s.Number(row, 3, D(line.Initial()), CellStyle::kYuan);
    s.Number(row, 4, D(line.adjustment), CellStyle::kYuan);
    s.Formula(row, 5, "=" + Ref(row, 3) + "+" + Ref(row, 4), D(line.adjusted), CellStyle::kYuan);
    s.Number(row, 6, D(line.actual), CellStyle::kYuan);
    std::string rate = "=IF(" + Ref(row, 5) + "=0,\"—\"," + Ref(row, 6) + "/" + Ref(row, 5) + ")";
    if (line.adjusted.fen == 0) {
      s.FormulaText(row, 7, rate, "—", CellStyle::kRate);  // no budget left: no rate, as in 表1-3-2
    } else {
      s.Formula(row, 7, rate,
                static_cast<double>(line.actual.fen) / static_cast<double>(line.adjusted.fen),
                CellStyle::kRate);
    }
    ++row;
  }
  BudgetSums sums = SumBudget(in.c);
  s.Text(row, 0, "合计", CellStyle::kTotalText);
  s.Merge(row, 0, row, 2);
  const std::pair<int, Money> totals[] = {
      {3, sums.initial}, {4, sums.adjustment}, {5, sums.adjusted}, {6, sums.actual}};
  for (const auto& [col, value] : totals)
    s.Formula(row, col, "=SUM(" + Ref(2, col) + ":" + Ref(row - 1, col) + ")", D(value),
              CellStyle::kTotalYuan);
  s.Formula(row, 7, "=IF(" + Ref(row, 5) + "=0,0," + Ref(row, 6) + "/" + Ref(row, 5) + ")",
            sums.adjusted.fen
                ? static_cast<double>(sums.actual.fen) / static_cast<double>(sums.adjusted.fen)
                : 0,
            CellStyle::kTotalRate);
  s.widths = {6, 22, 40, 15, 15, 15, 15, 11};
  return s;
}

doc::Sheet DisbursementSheet(const ReportInput& in) {
  doc::Sheet s;
  s.name = "发放明细";
  Title(s, in.c.project.name + "资金发放明细", 5);
  Headers(s, 1, {"月份", "批次", "人次", "金额（元）", "备注"});
  int row = 2;
  std::map<int, std::pair<int64_t, Money>> months;
  std::map<int, int> batches;
  for (const auto& d : in.c.disbursements.rows) {
    s.Number(row, 0, d.month, CellStyle::kInteger);
    s.Number(row, 1, d.batch, CellStyle::kInteger);
    s.Number(row, 2, static_cast<double>(d.persons), CellStyle::kInteger);
    s.Number(row, 3, D(d.amount), CellStyle::kYuan);
    s.Text(row, 4, d.note);
    months[d.month].first += d.persons;
    months[d.month].second += d.amount;
    ++batches[d.month];
    ++row;
  }
  int last = row - 1;
  int64_t persons = 0;
  Money amount;
  row += 1;
  s.Text(row, 0, "月度汇总", CellStyle::kTitle);
  ++row;
  const char* const sub[] = {"月份", "批次数", "人次", "金额（元）"};
  for (int c = 0; c < 4; ++c) s.Text(row, c, sub[c], CellStyle::kHeader);
  int first_month_row = ++row;
  std::string range_month = Ref(2, 0, true) + ":" + Ref(last, 0, true);
  for (const auto& [month, totals] : months) {
    std::string key = Ref(row, 0);
    s.Number(row, 0, month, CellStyle::kInteger);
    s.Formula(row, 1, "=COUNTIF(" + range_month + "," + key + ")", batches[month],
              CellStyle::kInteger);
    s.Formula(row, 2,
              "=SUMIF(" + range_month + "," + key + "," + Ref(2, 2, true) + ":" +
                  Ref(last, 2, true) + ")",
              static_cast<double>(totals.first), CellStyle::kInteger);
    s.Formula(row, 3,
              "=SUMIF(" + range_month + "," + key + "," + Ref(2, 3, true) + ":" +
                  Ref(last, 3, true) + ")",
              D(totals.second), CellStyle::kYuan);
    persons += totals.first;
    amount += totals.second;
    ++row;
  }
  s.Text(row, 0, "合计", CellStyle::kTotalText);
  s.Formula(row, 1, "=SUM(" + Ref(first_month_row, 1) + ":" + Ref(row - 1, 1) + ")",
            static_cast<double>(in.c.disbursements.rows.size()), CellStyle::kInteger);
  s.Formula(row, 2, "=SUM(" + Ref(first_month_row, 2) + ":" + Ref(row - 1, 2) + ")",
            static_cast<double>(persons), CellStyle::kInteger);
  s.Formula(row, 3, "=SUM(" + Ref(first_month_row, 3) + ":" + Ref(row - 1, 3) + ")", D(amount),
            CellStyle::kTotalYuan);
  s.widths = {8, 8, 10, 16, 30};
  return s;
}

doc::Sheet TargetSheet(const ReportInput& in) {
  doc::Sheet s;
  s.name = "绩效目标";
  Title(s, in.c.project.name + "绩效目标完成情况", 7);
  Headers(s, 1, {"一级指标", "二级指标", "三级指标", "指标值", "实际值", "完成情况", "出处依据"});
  int row = 2;
  for (const auto& t : in.c.targets.rows) {
    s.Text(row, 0, t.level1, CellStyle::kCenter);
    s.Text(row, 1, t.level2, CellStyle::kCenter);
    s.Text(row, 2, t.level3);
    s.Text(row, 3, t.value, CellStyle::kCenter);
    s.Text(row, 4, t.actual.empty() ? "—" : t.actual, CellStyle::kCenter);
    s.Text(row, 5, TargetStatus(in, t), CellStyle::kCenter);
    s.Text(row, 6, t.source, CellStyle::kCenter);
    ++row;
  }
  s.widths = {12, 12, 30, 14, 14, 10, 14};
  return s;
}

doc::Sheet CheckSheet(const ReportInput& in, const CheckPlaces& places) {
  doc::Sheet s;
  s.name = "数据核查";
  const bool web = static_cast<bool>(places.place);
  Title(s, in.c.project.name + "数据核查结果", web ? 3 : 4);
  if (web)
    Headers(s, 1, {"严重程度", "位置", "说明"});
  else
    Headers(s, 1, {"严重程度", "代码", "位置", "说明"});
  static const char* const kSeverity[] = {"错误", "警告", "提示"};
  int row = 2;
  auto item = [&](Severity severity, const std::string& code, const Location& where,
                  const std::string& message) {
    s.Text(row, 0, kSeverity[static_cast<int>(severity)], CellStyle::kCenter);
    if (web) {
      s.Text(row, 1, places.place(where));
      s.Text(row, 2, places.message ? places.message(message) : message);
    } else {
      s.Text(row, 1, code);
      s.Text(row, 2, where.ToString());
      s.Text(row, 3, message);
    }
    ++row;
  };
  for (const auto& d : in.card.checks) item(d.severity, d.code, d.where, d.message);
  // Figures of the narrative that the data contradicts (report/narrative_figures.h).
  auto figures = CheckNarrativeFigures(in);
  for (const auto& f : figures) {
    Location where = f.section.rfind("$.", 0) == 0
                         ? Location{"case.json", 0, 0, f.section}
                         : Location{"narrative/" + f.section + ".md", 0, 0, ""};
    if (web)
      item(Severity::kWarning, f.code, where, f.message);
    else  // the CLI's column, as before: the file and the JSON path on one line
      item(Severity::kWarning, f.code,
           {f.section.rfind("$.", 0) == 0 ? "case.json " + f.section : where.file, 0, 0, ""},
           f.message);
  }
  if (in.card.checks.empty() && figures.empty()) {
    s.Text(row, 0, "—", CellStyle::kCenter);
    s.Text(row, web ? 2 : 3,
           "全部核查通过：预算年初 + 调整 = "
           "调整后（逐行及合计）、合计行、资金来源、上下级分值与得分、等级均一致。");
  }
  s.widths = web ? std::vector<double>{10, 40, 80} : std::vector<double>{10, 26, 40, 80};
  return s;
}

}  // namespace

doc::Workbook BuildScoringWorkbook(const ReportInput& in, const CheckPlaces& places) {
  doc::Workbook wb;
  wb.title = in.c.project.name + "绩效评价评分表";
  ScoreSheetLayout layout;
  wb.sheets.push_back(ScoreSheet(in, layout));
  wb.sheets.push_back(SummarySheet(in, layout));
  if (in.c.budget.present) wb.sheets.push_back(BudgetSheet(in));
  if (in.c.disbursements.present) wb.sheets.push_back(DisbursementSheet(in));
  if (in.c.targets.present) wb.sheets.push_back(TargetSheet(in));
  if (in.c.survey.present) {
    Diagnostics ignored;
    wb.sheets.push_back(SurveySheet(ComputeSurvey(in.c.survey, ignored), in.c.project.name));
  }
  wb.sheets.push_back(CheckSheet(in, places));
  return wb;
}

}  // namespace jixiao::report
