// Tables built from the framework tree and the scorecard: 得分表, 指标体系, per-一级 tables and
// the appendix 评分表. Level columns are merged down the span of each node.
#include "core/format.h"
#include "report/leaf_paths.h"
#include "report/number_policy.h"
#include "report/prose_evidence.h"
#include "report/tables.h"
#include "report/text_lint.h"

namespace jixiao::report {
namespace {

std::string Label(const Indicator& node) { return node.code + " " + node.name; }

// Fills the level columns [first_level-1 …) of rows [row0, row0+paths) and merges each node's run
// down; a leaf shallower than `depth` spans the deeper level columns it leaves empty (a 三级 leaf
// takes the 四级 column too, which is otherwise blank in most rows).
void FillLevelColumns(doc::Table& t, int row0, const std::vector<Path>& paths, int first_level,
                      int depth) {
  for (int level = first_level; level <= depth; ++level) {
    int col = level - first_level;
    for (const NodeRun& run : LevelRuns(paths, level)) {
      if (!run.node) continue;
      int r = row0 + static_cast<int>(run.first);
      t.rows[static_cast<size_t>(r)][static_cast<size_t>(col)] =
          TextCell(Label(*run.node), doc::Align::kLeft);
      if (run.last > run.first) t.Merge(r, col, static_cast<int>(run.last - run.first + 1), 1);
    }
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    int leaf = paths[i].back()->level;
    if (leaf >= first_level && leaf < depth)
      t.Merge(row0 + static_cast<int>(i), leaf - first_level, 1, depth - leaf + 1);
  }
}

std::string RateText(const IndicatorResult& r) {
  auto rate = r.RatePercent();
  return rate ? FormatPercent(*rate) : "—";
}

}  // namespace

std::optional<doc::Chart> BuildChart(const std::string& name, const ReportInput& in) {
  if (name != "category_rates") return std::nullopt;
  doc::Chart chart;
  chart.caption = "各一级指标得分率";
  chart.series_name = "得分率";
  chart.axis_max = 100;
  for (const auto* c : in.card.Categories()) {
    auto rate = c->RatePercent();
    chart.labels.push_back(CategoryLabel(c->name));
    chart.values.push_back(rate ? static_cast<double>(rate->RoundScaled(2)) / 100.0 : 0);
    chart.value_labels.push_back(rate ? FormatPercent(*rate) : "—");
  }
  return chart;
}

// The weight the case was scored on: a 不适用 leaf reads "不适用（原5分）", a weight that took
// over a 不适用 leaf's share its new figure (the framework table keeps the declared weights).
static std::string ScoredWeight(const Indicator& node, const IndicatorResult* r) {
  if (!r) return FormatScoreNumber(node.weight);
  if (r->not_applicable_weight)
    return "不适用（原" + FormatScoreNumber(*r->not_applicable_weight) + "）";
  return FormatScoreNumber(r->weight);
}

doc::Table ScoreSummaryTable(const ReportInput& in) {
  doc::Table t;
  t.caption = in.c.project.name + "绩效得分表";
  std::vector<std::string> titles = {"指标"};
  for (const auto* c : in.card.Categories()) titles.push_back(CategoryLabel(c->name) + "类");
  titles.push_back("合计");
  t.rows.push_back(HeaderRow(titles));
  std::vector<doc::Cell> weight{HeaderCell("分值")}, score{HeaderCell("得分")},
      rate{HeaderCell("得分率")};
  for (const auto* c : in.card.Categories()) {
    weight.push_back(NumberCell(FormatScoreNumber(c->weight)));
    score.push_back(NumberCell(FormatScoreNumber(c->score)));
    rate.push_back(NumberCell(RateText(*c)));
  }
  weight.push_back(NumberCell(FormatScoreNumber(in.card.total_weight)));
  score.push_back(NumberCell(FormatScoreNumber(in.card.total)));
  auto total_rate = in.card.TotalRatePercent();
  rate.push_back(NumberCell(total_rate ? FormatPercent(*total_rate) : "—"));
  t.rows.push_back(weight);
  t.rows.push_back(score);
  t.rows.push_back(rate);
  return t;
}

doc::Table FrameworkTable(const ReportInput& in) {
  auto paths = LeafPaths(in.framework.indicators);
  int depth = Depth(paths);
  static const char* const kLevel[] = {"一级指标", "二级指标", "三级指标", "四级指标"};
  doc::Table t;
  t.caption = in.framework.title;
  std::vector<std::string> titles(kLevel, kLevel + depth);
  titles.push_back("分值");
  t.rows.push_back(HeaderRow(titles));
  for (const auto& p : paths) {
    std::vector<doc::Cell> row(static_cast<size_t>(depth) + 1);
    row.back() = NumberCell(FormatScoreNumber(p.back()->weight));
    t.rows.push_back(row);
  }
  FillLevelColumns(t, 1, paths, 1, depth);
  std::vector<doc::Cell> total(static_cast<size_t>(depth) + 1, HeaderCell("合计"));
  total.back() = NumberCell(FormatScoreNumber(in.framework.total));
  t.rows.push_back(total);
  t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, depth);
  t.widths = std::vector<int>(static_cast<size_t>(depth), 3);
  t.widths.push_back(1);
  return t;
}

std::optional<doc::Table> CategoryTable(const std::string& code, const ReportInput& in) {
  const Indicator* category = in.framework.Find(code);
  if (!category || category->level != 1) return std::nullopt;
  // Only the levels this 一级 uses: no empty 四级 column under a three-level category.
  int depth = 1;
  auto deepest = [&](const Indicator& n, auto& self) -> void {
    depth = std::max(depth, n.level);
    for (const auto& child : n.children) self(child, self);
  };
  deepest(*category, deepest);
  static const char* const kLevel[] = {"一级指标", "二级指标", "三级指标", "四级指标"};
  doc::Table t;
  t.caption = CategoryLabel(category->name) + "指标及分值";
  std::vector<std::string> titles(kLevel + 1, kLevel + depth);
  for (const char* title : {"权重", "业绩值", "得分"}) titles.push_back(title);
  t.rows.push_back(HeaderRow(titles));
  size_t levels = static_cast<size_t>(depth - 1);
  auto add = [&](const Indicator& node, auto& self) -> void {
    const IndicatorResult* r = in.card.Find(node.code);
    std::vector<doc::Cell> row(levels + 3);
    row[static_cast<size_t>(node.level - 2)] = TextCell(Label(node));
    row[levels] = NumberCell(ScoredWeight(node, r));
    row[levels + 1] =
        TextCell(node.IsLeaf() && r ? NormalizeValue(r->value) : "", doc::Align::kCenter);
    row[levels + 2] = NumberCell(r ? FormatScoreNumber(r->score) : "");
    if (!node.IsLeaf()) {
      for (auto& cell : row) cell.bold = true;
    }
    t.rows.push_back(row);
    for (const auto& child : node.children) self(child, self);
  };
  for (const auto& child : category->children) add(child, add);
  const IndicatorResult* total = in.card.Find(code);
  std::vector<doc::Cell> last(levels + 3, HeaderCell("合计"));
  last[levels] = NumberCell(ScoredWeight(*category, total));
  last[levels + 1] = TextCell("");
  last[levels + 2] = NumberCell(total ? FormatScoreNumber(total->score) : "");
  t.rows.push_back(last);
  if (levels > 1) t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, static_cast<int>(levels));
  t.widths = std::vector<int>(levels, 4);
  for (int w : {2, 3, 2}) t.widths.push_back(w);
  return t;
}

doc::Table ScoringSheetTable(const ReportInput& in) {
  auto paths = LeafPaths(in.framework.indicators);
  int depth = Depth(paths);
  static const char* const kLevel[] = {"一级指标", "二级指标", "三级指标", "四级指标"};
  doc::Table t;
  t.caption = in.framework.title + "及评分表";
  std::vector<std::string> titles(kLevel, kLevel + depth);
  for (const char* title : {"分值", "指标解释", "评分标准", "业绩值", "得分", "扣分说明"})
    titles.push_back(title);
  t.rows.push_back(HeaderRow(titles));
  size_t d = static_cast<size_t>(depth);
  for (const auto& p : paths) {
    const Indicator& leaf = *p.back();
    const IndicatorResult* r = in.card.Find(leaf.code);
    std::vector<doc::Cell> row(d + 6);
    row[d] = NumberCell(ScoredWeight(leaf, r));
    row[d + 1] = TextCell(NormalizeFigures(leaf.explanation));
    row[d + 2] = TextCell(NormalizeQuoted(NormalizeFigures(leaf.criteria)));
    row[d + 3] = TextCell(r ? NormalizeValue(r->value) : "", doc::Align::kCenter);
    row[d + 4] = NumberCell(r ? FormatScoreNumber(r->score) : "");
    std::string why = r ? r->DeductionText() : "";
    // Late transfers in brief (reader5: C31's cell ran to 15 lines and split across pages); the
    // body and the workbook keep each transfer's dates.
    if (auto f = in.c.findings.find(leaf.code);
        r && r->rule_type == "timeliness" && r->Lost().hundredths > 0 &&
        (f == in.c.findings.end() || f->second.deductions.empty()))
      if (std::string late = TransferFacts(in, leaf.criteria); !late.empty()) {
        const std::string lead = "根据评分标准，";
        why = late + "，" +
              (r->sentence.rfind(lead, 0) == 0 ? r->sentence.substr(lead.size()) : r->sentence);
      }
    row[d + 5] = TextCell(NormalizeFigures(why));  // the body's number policy (issue 23)
    t.rows.push_back(row);
  }
  FillLevelColumns(t, 1, paths, 1, depth);
  std::vector<doc::Cell> total(d + 6, HeaderCell("合计"));
  total[d] = NumberCell(FormatScoreNumber(in.framework.total));
  for (size_t i = d + 1; i < d + 6; ++i) total[i] = TextCell("");
  total[d + 4] = NumberCell(FormatScoreNumber(in.card.total));
  t.rows.push_back(total);
  t.Merge(static_cast<int>(t.rows.size()) - 1, 0, 1, depth);
  t.widths = std::vector<int>(d, 2);
  for (int w : {1, 5, 6, 2, 1, 5}) t.widths.push_back(w);
  t.wide = true;
  return t;
}

}  // namespace jixiao::report
