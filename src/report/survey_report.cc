#include "report/survey_report.h"

#include <cstdio>

#include "core/format.h"
#include "document/markup.h"
#include "report/tables.h"

namespace jixiao::report {
namespace {

using kainjow::mustache::data;

std::string Count(int64_t n, const char* unit) { return FormatQuantity(Rational(n), unit); }

std::string Interval(double low, double high) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f%%～%.2f%%", low, high);
  return buffer;
}

std::string MethodText(const Question& q) {
  if (q.method == Question::Method::kMean) {
    std::string scores;
    for (const auto& o : q.options)
      scores += (scores.empty() ? "" : "、") + o + std::to_string(q.scores.at(o)) + "分";
    return "选项分值均值（" + scores + "）";
  }
  std::string positive;
  for (const auto& o : q.options)
    if (q.positive.count(o)) positive += (positive.empty() ? "" : "、") + o;
  return "选择“" + positive + "”的人数占该题有效作答人数的比例";
}

}  // namespace

data SurveyContext(const SurveyStats& s, const Questionnaire& q) {
  data d;
  d.set("title", doc::EscapeValue(q.title));
  d.set("sampling", doc::EscapeValue(q.sampling.empty() ? "未说明" : q.sampling));
  d.set("total", Count(s.total, "份"));
  d.set("valid", Count(s.valid, "份"));
  d.set("invalid", Count(s.invalid, "份"));
  d.set("valid_rate", FormatPercent(s.valid_percent));
  d.set("has_population", data(s.population.has_value()));
  if (s.population) d.set("population", Count(*s.population, "人"));
  char margin[32];
  std::snprintf(margin, sizeof margin, "%.2f%%", s.margin_percent);
  d.set("margin", std::string(margin));
  d.set("required", Count(s.required_sample, "份"));
  d.set("confidence", TrimmedDecimal(Rational(95)) + "%");  // the z = 1.96 of survey_stats.cc
  d.set("p", TrimmedDecimal(Rational(1, 2)));
  d.set("target_margin", TrimmedDecimal(Rational(5)) + "%");
  d.set("small_sample", data(s.small_sample));
  d.set("has_breakdowns", data(!s.breakdowns.empty()));
  return d;
}

doc::Table SurveyMetricsTable(const SurveyStats& s) {
  doc::Table t;
  t.caption = "问卷计算的指标";
  t.rows.push_back(HeaderRow({"指标", "题目", "计算方法", "有效作答", "结果", "95%置信区间"}));
  for (const auto& qs : s.questions) {
    const Question& q = *qs.question;
    if (q.metric.empty()) continue;
    bool share = q.method == Question::Method::kShare;
    t.rows.push_back(
        {TextCell(q.metric, doc::Align::kCenter), TextCell(q.id + " " + q.text),
         TextCell(MethodText(q)), NumberCell(Count(qs.answered, "份")),
         NumberCell(qs.rate ? FormatPercent(*qs.rate) : "—"),
         NumberCell(share && qs.rate ? Interval(qs.wilson_low, qs.wilson_high) : "—")});
  }
  t.widths = {3, 5, 6, 2, 2, 3};
  return t;
}

void AppendSurveyQuestions(const SurveyStats& s, doc::Document& out) {
  for (const auto& qs : s.questions) {
    const Question& q = *qs.question;
    doc::Paragraph p;
    p.indent_first_line = false;
    p.runs = {{q.id + " " + q.text, true},
              {(q.multiple ? "（多选）" : "") + std::string("有效作答") + Count(qs.answered, "份") +
                   (qs.missing ? "，未作答" + Count(qs.missing, "份") : "") + "。",
               false}};
    if (!q.metric.empty() && qs.rate)
      p.runs.push_back({"据此计算" + q.metric + "为" + FormatPercent(*qs.rate) + "。", false});
    out.blocks.push_back(p);
    doc::Table t;
    t.caption = q.id + "作答分布";
    t.rows.push_back(HeaderRow({"选项", "人数", "占比"}));
    doc::Chart chart;
    chart.caption = q.id + "各选项占比";
    chart.series_name = "占比";
    chart.axis_max = 100;
    for (const auto& o : qs.options) {
      t.rows.push_back({TextCell(o.option, doc::Align::kCenter), NumberCell(Count(o.count, "人")),
                        NumberCell(FormatPercent(o.percent))});
      chart.labels.push_back(o.option);
      chart.values.push_back(static_cast<double>(o.percent.RoundScaled(2)) / 100.0);
      chart.value_labels.push_back(FormatPercent(o.percent));
    }
    t.widths = {4, 2, 2};
    out.blocks.push_back(t);
    out.blocks.push_back(chart);
  }
}

void AppendSurveyBreakdowns(const SurveyStats& s, doc::Document& out) {
  for (const auto& b : s.breakdowns) {
    doc::Table t;
    t.caption = b.question->metric.empty() ? b.question->id + "按" + b.column + "分组"
                                           : b.question->metric + "按" + b.column + "分组";
    t.rows.push_back(HeaderRow({b.column, "有效作答", "结果"}));
    for (const auto& g : b.groups)
      t.rows.push_back({TextCell(g.group, doc::Align::kCenter), NumberCell(Count(g.answered, "份")),
                        NumberCell(g.rate ? FormatPercent(*g.rate) : "—")});
    t.widths = {3, 2, 2};
    out.blocks.push_back(t);
  }
}

doc::Sheet SurveySheet(const SurveyStats& s, const std::string& title) {
  doc::Sheet sheet;
  sheet.name = "问卷统计";
  sheet.Text(0, 0, title + "问卷统计", doc::CellStyle::kTitle);
  sheet.Merge(0, 0, 0, 5);
  const char* const header[] = {"指标", "题目", "有效作答", "结果", "置信下限", "置信上限"};
  for (int c = 0; c < 6; ++c) sheet.Text(1, c, header[c], doc::CellStyle::kHeader);
  sheet.header_first_row = sheet.header_last_row = 1;
  sheet.freeze_rows = 2;
  int row = 2;
  for (const auto& qs : s.questions) {
    if (qs.question->metric.empty()) continue;
    sheet.Text(row, 0, qs.question->metric, doc::CellStyle::kCenter);
    sheet.Text(row, 1, qs.question->id + " " + qs.question->text);
    sheet.Number(row, 2, static_cast<double>(qs.answered), doc::CellStyle::kInteger);
    sheet.Number(row, 3, qs.rate ? static_cast<double>(qs.rate->RoundScaled(4)) / 1000000.0 : 0,
                 doc::CellStyle::kRate);
    bool share = qs.question->method == Question::Method::kShare;
    if (share) {
      sheet.Number(row, 4, qs.wilson_low / 100, doc::CellStyle::kRate);
      sheet.Number(row, 5, qs.wilson_high / 100, doc::CellStyle::kRate);
    } else {  // a mean of scores has no binomial interval
      sheet.Text(row, 4, "—", doc::CellStyle::kCenter);
      sheet.Text(row, 5, "—", doc::CellStyle::kCenter);
    }
    ++row;
  }
  if (row > 2)
    sheet.charts.push_back(
        {"问卷计算的指标", 2, row - 1, 0, 3, row + 1, 0, doc::SheetChart::Type::kColumn, {}});
  row += 18;  // room for the chart
  for (const auto& qs : s.questions) {
    sheet.Text(row, 0, qs.question->id + " " + qs.question->text, doc::CellStyle::kTotalText);
    sheet.Merge(row, 0, row, 5);
    ++row;
    for (const auto& o : qs.options) {
      sheet.Text(row, 0, o.option, doc::CellStyle::kCenter);
      sheet.Number(row, 2, static_cast<double>(o.count), doc::CellStyle::kInteger);
      sheet.Number(row, 3, static_cast<double>(o.percent.RoundScaled(4)) / 1000000.0,
                   doc::CellStyle::kRate);
      ++row;
    }
  }
  sheet.widths = {14, 44, 10, 10, 10, 10};
  return sheet;
}

}  // namespace jixiao::report
