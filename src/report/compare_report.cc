#include "report/compare_report.h"

#include <algorithm>
#include <cstdlib>
#include <kainjow/mustache.hpp>

#include "core/format.h"
#include "core/text.h"
#include "document/markup.h"
#include "report/builder.h"
#include "report/report_input.h"
#include "report/tables.h"
#include "report/template_nesting.h"

namespace jixiao::report {
namespace {

using doc::CellStyle;

double D(Score s) { return static_cast<double>(s.hundredths) / 100.0; }
double Fraction(const Rational& percent) {
  return static_cast<double>(percent.RoundScaled(4)) / 1000000.0;
}
std::string Rate(const std::optional<Rational>& r) { return r ? FormatPercent(*r) : "—"; }

void Header(doc::Sheet& s, int row, const std::vector<std::string>& titles) {
  for (size_t c = 0; c < titles.size(); ++c)
    s.Text(row, static_cast<int>(c), titles[c], CellStyle::kHeader);
  s.header_first_row = s.header_last_row = row;
  s.freeze_rows = row + 1;
}

int64_t Count(const compare::Comparison& cmp) {
  return cmp.summary ? cmp.summary->count : static_cast<int64_t>(cmp.ranking.size());
}

doc::Table RankingTable(const compare::Comparison& cmp) {
  doc::Table t;
  t.caption = "绩效评价结果排名";
  if (cmp.summary)
    t.caption += "（前" + std::to_string(cmp.summary->top) + "名与后" +
                 std::to_string(cmp.ranking.size() - cmp.summary->top) + "名）";
  std::vector<std::string> titles = {"排名", "街镇", "项目", "总分", "总得分率", "等级"};
  for (const auto& c : cmp.categories) titles.push_back(CategoryLabel(c) + "得分率");
  t.rows.push_back(HeaderRow(titles));
  for (const auto& r : cmp.ranking) {
    int64_t cut = cmp.summary ? cmp.summary->count - static_cast<int64_t>(cmp.ranking.size()) : 0;
    if (cut > 0 && t.rows.size() == cmp.summary->top + 1) {
      std::vector<doc::Cell> gap = {NumberCell("……"), TextCell("（中间" + std::to_string(cut) +
                                                               "个案例略，见 compare.xlsx）")};
      while (gap.size() < titles.size()) gap.push_back(TextCell(""));
      t.rows.push_back(gap);
    }
    std::vector<doc::Cell> row = {NumberCell(std::to_string(r.rank)),
                                  TextCell(r.town, doc::Align::kCenter),
                                  TextCell(r.project),
                                  NumberCell(FormatScoreNumber(r.total)),
                                  NumberCell(FormatPercent(r.total_rate)),
                                  NumberCell(r.grade)};
    for (const auto& rate : r.category_rates) row.push_back(NumberCell(Rate(rate)));
    t.rows.push_back(row);
  }
  t.widths = {2, 3, 8, 3, 3, 2};
  for (size_t k = 0; k < cmp.categories.size(); ++k) t.widths.push_back(3);
  return t;
}

doc::Table GradeTable(const compare::Comparison& cmp) {
  doc::Table t;
  t.caption = "绩效等级分布";
  t.rows.push_back(HeaderRow({"等级", "个数", "占比"}));
  for (const auto& [label, n] : cmp.grades)
    t.rows.push_back({NumberCell(label), NumberCell(std::to_string(n)),
                      NumberCell(FormatPercent(Rational(n * 100, Count(cmp))))});
  return t;
}

doc::Table DeductedTable(const compare::Comparison& cmp, size_t limit) {
  doc::Table t;
  t.caption = "扣分最多的指标";
  t.rows.push_back(HeaderRow({"序号", "指标", "累计扣分", "扣分案例数"}));
  for (size_t i = 0; i < cmp.most_deducted.size() && i < limit; ++i) {
    const auto& d = cmp.most_deducted[i];
    t.rows.push_back({NumberCell(std::to_string(i + 1)), TextCell(d.label),
                      NumberCell(FormatPoints(d.points_lost)),
                      NumberCell(std::to_string(d.cases))});
  }
  return t;
}

doc::Table ProblemTable(const compare::Comparison& cmp) {
  doc::Table t;
  t.caption = "共性问题（按指标归类）";
  t.rows.push_back(HeaderRow({"指标", "案例数", "问题"}));
  for (const auto& [label, list] : cmp.problems) {
    std::string text;
    for (const auto& p : list) text += (text.empty() ? "" : "；") + p.case_id + "：" + p.title;
    int64_t n = static_cast<int64_t>(list.size());
    if (cmp.summary) {
      auto it = cmp.summary->problem_counts.find(label);
      if (it != cmp.summary->problem_counts.end()) n = it->second;
      if (n > static_cast<int64_t>(list.size()))
        text +=
            "等（共" + std::to_string(n) + "条，此处列前" + std::to_string(list.size()) + "条）";
    }
    t.rows.push_back({TextCell(label), NumberCell(std::to_string(n)), TextCell(text)});
  }
  t.widths = {3, 1, 8};
  return t;
}

doc::Table YearTable(const compare::Comparison& cmp) {
  doc::Table t;
  if (cmp.summary) {  // 10⁵ cases: one row per year, not one per town and project
    t.caption = "各年度案例数与平均得分";
    t.rows.push_back(HeaderRow({"年度", "案例数", "平均得分"}));
    for (const auto& y : cmp.summary->years)
      t.rows.push_back({NumberCell(y.year), NumberCell(std::to_string(y.cases)),
                        NumberCell(FormatScore(y.average))});
    return t;
  }
  t.caption = "同一街镇同一项目的年度变化";
  t.rows.push_back(HeaderRow({"街镇", "项目", "各年度总分", "变化"}));
  for (const auto& y : cmp.years) {
    std::string totals;
    for (const auto& [year, total] : y.totals)
      totals += (totals.empty() ? "" : "，") + year + "年" + FormatScore(total);
    Score delta = y.totals.back().second - y.totals.front().second;
    std::string sign = delta.hundredths > 0 ? "+" : "";
    t.rows.push_back({TextCell(y.town, doc::Align::kCenter), TextCell(y.project), TextCell(totals),
                      NumberCell(sign + FormatScore(delta))});
  }
  return t;
}

// 一级得分率 by group (a summarised comparison).
doc::Table GroupTable(const compare::Comparison& cmp) {
  doc::Table t;
  t.caption = "按" + cmp.summary->group_label + "汇总的一级指标得分率";
  std::vector<std::string> titles = {cmp.summary->group_label, "案例数"};
  for (const auto& c : cmp.categories) titles.push_back(CategoryLabel(c) + "得分率");
  t.rows.push_back(HeaderRow(titles));
  for (const auto& g : cmp.summary->groups) {
    std::vector<doc::Cell> row = {TextCell(g.group, doc::Align::kCenter),
                                  NumberCell(std::to_string(g.cases))};
    for (const auto& rate : g.rates) row.push_back(NumberCell(Rate(rate)));
    t.rows.push_back(row);
  }
  return t;
}

doc::Chart TotalsChart(const compare::Comparison& cmp) {
  doc::Chart c;
  c.caption = "各案例总分";
  c.series_name = "总分";
  for (const auto& r : cmp.ranking) c.axis_max = std::max(c.axis_max, D(r.total_weight));
  for (const auto& r : cmp.ranking) {
    c.labels.push_back(r.town.empty() ? r.id : r.town);
    c.values.push_back(D(r.total));
    c.value_labels.push_back(FormatScore(r.total));
  }
  return c;
}

}  // namespace

std::string DefaultCompareTemplateDir() { return DefaultTemplateDir() + "/../compare"; }

doc::Workbook BuildCompareWorkbook(const compare::Comparison& cmp) {
  doc::Workbook wb;
  wb.title = "街镇财政支出绩效评价结果汇总";
  // A summarised comparison streams the 排名 and 指标矩阵 rows (Workbook::stream): headers only.
  int n = cmp.summary ? 0 : static_cast<int>(cmp.ranking.size());
  {  // 排名
    doc::Sheet s;
    s.name = "排名";
    std::vector<std::string> titles = {"排名", "案例", "街镇", "项目", "年度", "总分", "等级"};
    // The 一级 as the bureau's ranking page names them ("决策"), not as a report's prose does.
    for (const auto& c : cmp.categories) titles.push_back(c + "得分率");
    Header(s, 0, titles);
    for (int i = 0; i < n; ++i) {
      const auto& r = cmp.ranking[static_cast<size_t>(i)];
      s.Number(i + 1, 0, r.rank, CellStyle::kInteger);
      s.Text(i + 1, 1, r.id);
      s.Text(i + 1, 2, r.town.empty() ? r.id : r.town, CellStyle::kCenter);
      s.Text(i + 1, 3, r.project);
      s.Text(i + 1, 4, r.year, CellStyle::kCenter);
      s.Number(i + 1, 5, D(r.total), CellStyle::kScore);
      s.Text(i + 1, 6, r.grade, CellStyle::kCenter);
      for (size_t k = 0; k < r.category_rates.size(); ++k)
        if (r.category_rates[k])
          s.Number(i + 1, 7 + static_cast<int>(k), Fraction(*r.category_rates[k]),
                   CellStyle::kRate);
    }
    s.widths = {6, 16, 12, 36, 8, 8, 8};
    for (size_t k = 0; k < cmp.categories.size(); ++k) s.widths.push_back(12);
    if (n > 0)
      s.charts.push_back({"各案例总分", 1, n, 2, 5, n + 2, 0, doc::SheetChart::Type::kColumn, {}});
    if (n > 0 && !cmp.categories.empty()) {
      // Rates side by side: stacked, four rates would add up to 400% (trial 3, item 14).
      doc::SheetChart rates{
          "一级指标得分率", 1, n, 2, 7, n + 2, 8, doc::SheetChart::Type::kGroupedBar, {}};
      for (size_t k = 1; k < cmp.categories.size(); ++k)
        rates.more_value_cols.push_back(7 + static_cast<int>(k));
      s.charts.push_back(rates);
    }
    wb.sheets.push_back(s);
  }
  {  // 指标矩阵
    doc::Sheet s;
    s.name = "指标矩阵";
    std::vector<std::string> titles = {"案例", "街镇"};
    for (const auto& c : cmp.columns) titles.push_back(c.label);
    Header(s, 0, titles);
    s.freeze_cols = 2;
    for (int i = 0; i < n; ++i) {
      s.Text(i + 1, 0, cmp.ranking[static_cast<size_t>(i)].id);
      s.Text(i + 1, 1, cmp.ranking[static_cast<size_t>(i)].town, CellStyle::kCenter);
      for (size_t k = 0; k < cmp.columns.size(); ++k)
        if (cmp.matrix[static_cast<size_t>(i)][k])
          s.Number(i + 1, 2 + static_cast<int>(k), Fraction(*cmp.matrix[static_cast<size_t>(i)][k]),
                   CellStyle::kRate);
    }
    int rows = static_cast<int>(Count(cmp));
    if (rows > 0 && !cmp.columns.empty())
      s.color_scales.push_back({1, 2, rows, 1 + static_cast<int>(cmp.columns.size())});
    s.widths = {16, 12};
    for (size_t k = 0; k < cmp.columns.size(); ++k) s.widths.push_back(11);
    wb.sheets.push_back(s);
  }
  {  // 等级分布
    doc::Sheet s;
    s.name = "等级分布";
    Header(s, 0, {"等级", "个数"});
    int row = 1;
    for (const auto& [label, count] : cmp.grades) {
      s.Text(row, 0, label, CellStyle::kCenter);
      s.Number(row++, 1, count, CellStyle::kInteger);
    }
    s.charts.push_back({"绩效等级分布", 1, row - 1, 0, 1, 1, 3, doc::SheetChart::Type::kPie, {}});
    s.widths = {10, 10};
    wb.sheets.push_back(s);
  }
  std::vector<std::pair<const char*, doc::Table>> tables = {
      {"扣分最多指标", DeductedTable(cmp, 1000)},
      {"共性问题", ProblemTable(cmp)},
      {"年度对比", YearTable(cmp)}};
  if (cmp.summary) tables.push_back({"分组得分率", GroupTable(cmp)});
  for (const auto& [name, table] : tables) {
    doc::Sheet s;
    s.name = name;
    for (size_t r = 0; r < table.rows.size(); ++r)
      for (size_t c = 0; c < table.rows[r].size(); ++c)
        s.Text(static_cast<int>(r), static_cast<int>(c), table.rows[r][c].text,
               r == 0 ? CellStyle::kHeader : (c == 0 ? CellStyle::kCenter : CellStyle::kText));
    if (std::string(name) == "扣分最多指标")  // figures as numbers, to sort and sum in Excel
      for (size_t i = 0; i + 1 < table.rows.size(); ++i) {
        const auto& d = cmp.most_deducted[i];
        const int row = static_cast<int>(i) + 1;
        s.Number(row, 0, static_cast<double>(i + 1), CellStyle::kInteger);
        s.Number(row, 2, D(Score::Round(d.points_lost)), CellStyle::kScore);
        s.Number(row, 3, d.cases, CellStyle::kInteger);
      }
    s.header_first_row = s.header_last_row = 0;
    s.freeze_rows = 1;
    s.widths = {30, 12, 60, 12};
    wb.sheets.push_back(s);
  }
  return wb;
}

std::optional<doc::Document> BuildCompareDocument(const compare::Comparison& cmp,
                                                  const std::string& dir, Diagnostics& diags) {
  std::string file = dir + "/compare.mustache";
  std::string why;
  auto text = ReadFileInside(dir, "compare.mustache", &why);
  if (!text) {
    diags.Error("template.missing", {file, 0, 0, ""},
                "无法读取汇总分析报告模板 compare.mustache（" + why + "）");
    return std::nullopt;
  }
  if (!CheckTemplateNesting(*text, file, diags)) return std::nullopt;
  kainjow::mustache::data d;
  d.set("count", std::to_string(Count(cmp)));
  std::string tie_rule = std::string(cmp.same_framework ? "总分" : "总得分率") +
                         "相同者取相同名次（如1、2、2、4），并按案例编号先后列示。";
  if (cmp.summary)
    tie_rule += "案例较多，下表只列前" + std::to_string(cmp.summary->top) + "名与后" +
                std::to_string(cmp.ranking.size() - cmp.summary->top) + "名，另按" +
                cmp.summary->group_label +
                "汇总一级指标得分率；完整排名与指标矩阵见 compare.xlsx。";
  d.set("tie_rule", tie_rule);
  d.set("basis", doc::EscapeValue(cmp.basis));
  if (!cmp.ranking.empty()) {
    Score sum;
    for (const auto& r : cmp.ranking) sum += r.total;
    if (cmp.summary) sum = cmp.summary->sum;
    d.set("average",
          FormatScore(Score::Round(Rational(sum.hundredths, 100) / Rational(Count(cmp)))));
    d.set("best", doc::EscapeValue(cmp.ranking.front().town + "（" + cmp.ranking.front().project +
                                   "，" + FormatScore(cmp.ranking.front().total) + "）"));
    d.set("worst", doc::EscapeValue(cmp.ranking.back().town + "（" + cmp.ranking.back().project +
                                    "，" + FormatScore(cmp.ranking.back().total) + "）"));
  }
  d.set("has_top_deducted", kainjow::mustache::data(!cmp.most_deducted.empty()));
  if (!cmp.most_deducted.empty())
    d.set("top_deducted", doc::EscapeValue(cmp.most_deducted.front().label));
  d.set("has_years",
        kainjow::mustache::data(cmp.summary ? cmp.summary->years.size() > 1 : !cmp.years.empty()));
  kainjow::mustache::mustache tmpl(*text);
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  if (!tmpl.is_valid()) {
    diags.Error("template.syntax", {file, 0, 0, ""}, "模板语法错误：" + tmpl.error_message());
    return std::nullopt;
  }
  doc::Document document;
  document.title = "街镇财政支出绩效评价结果汇总分析";
  doc::ParseMarkup(
      tmpl.render(d),
      [&](const std::string& name, const std::string& argument, doc::Document& out) {
        std::optional<doc::Table> table;
        if (name == "compare_ranking")
          table = RankingTable(cmp);
        else if (name == "compare_grades")
          table = GradeTable(cmp);
        else if (name == "compare_deducted")
          table = DeductedTable(cmp, 10);
        else if (name == "compare_problems")
          table = ProblemTable(cmp);
        else if (name == "compare_years")
          table = YearTable(cmp);
        else if (name == "chart:compare_totals")
          out.blocks.push_back(TotalsChart(cmp));
        else
          diags.Warning("template.table", {file, 0, 0, "[[" + name + "]]"},
                        "未知的表格或图表“" + name + "”，已略过");
        if (table) {
          if (!argument.empty()) table->caption = argument;
          out.blocks.push_back(*table);
        }
        if (name == "compare_ranking" && cmp.summary) out.blocks.push_back(GroupTable(cmp));
      },
      document);
  NumberDocument(document);
  return document;
}

}  // namespace jixiao::report
