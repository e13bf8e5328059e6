// The bureau's view of its region: evaluations, 绩效目标表 and 自评表 filtered by year, department,
// town, grade and kind; the ranking of scored evaluations (or, with 类别 自评表, of the filled
// forms by 复核分) and the 一级 得分率 matrix, each row linking to its score tree; the matrix's
// columns and 合计 row and compare's charts (web/charts.h) over the whole filtered set, summed
// by the store; and the 自评表 复核 list with each form's 提交 state.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "casefile/frameworks.h"
#include "core/format.h"
#include "core/rational.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "store/store.h"
#include "web/charts.h"
#include "web/framework_title.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/ranks.h"
#include "web/review_state.h"
#include "web/selfeval_parts.h"
#include "web/selfeval_rules_choice.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace {

// One evaluation's 一级 得分率 by name, as printed (two decimals), from the store's rows.
struct Category {
  std::string name, rate;
  Rational value;  // the rate in percent
};
std::vector<Category> RatesOf(const std::vector<Db::Category>& rows) {
  std::vector<Category> out;
  for (const auto& c : rows)
    if (c.weight > 0) {  // no rate without weight, as score --json prints null
      Rational value(c.score * 100, c.weight);
      out.push_back({c.name, FormatPercent(value), value});
    }
  return out;
}

// The framework as users know it: its title (shipped or uploaded), never its id.
std::string FrameworkTitle(Server& server, const std::string& id) {
  Db& db = server.db();
  if (auto file = FindShippedFramework(id)) {
    Diagnostics ignored;
    if (auto fw = LoadFramework(*file, ignored)) return fw->title;
  }
  for (const auto& u : UploadedSets(db, "framework"))
    if (u.set_id == id) return u.doc.title;
  // Derived from a unit's 绩效目标表 for one evaluation: its own title, kept in its folder.
  const std::string derived =
      DerivedFrameworkTitle(id, [&](const std::string& doc) { return server.CaseDir(doc); });
  if (!derived.empty()) return derived;
  return "未登记的指标体系";
}

// docs/compare.md's rules for the listed evaluations (all that match, counted by the store):
// across frameworks the ranking is by total 得分率 (total ÷ full marks), not by total; across
// years it is said, since a filter by 年度 compares like with like. The sentences the page shows.
std::vector<std::string> RankWarnings(Server& server, const Db::ListFilter& ranked, bool& by_rate) {
  Db& db = server.db();
  auto values = db.DistinctValuesOf(ranked, {"year", "framework"});
  const auto& years = values["year"];
  const auto& frameworks = values["framework"];
  // 自评表 keep their rule set there (all of 100 points): compared by 复核分 whatever the set.
  by_rate = frameworks.size() > 1 && ranked.kinds != std::vector<std::string>{"selfeval"};
  std::vector<std::string> out;
  if (years.size() > 1) {
    std::string list;
    for (const auto& y : years) list += (list.empty() ? "" : "、") + y;
    const std::string noun =
        ranked.kinds == std::vector<std::string>{"selfeval"} ? "自评表" : "评价";
    out.push_back("所列" + noun + "跨越" + list + "共" + std::to_string(years.size()) +
                  "个年度：不同年度的名次不宜直接比较，请在上面的“年度”中选一个年度再看排名");
  }
  if (by_rate) {
    // Evaluations whose full marks are not recorded (a scorecard the backfill could not read)
    // rank at rate 0: said with their count, never silently.
    Db::ListFilter unmarked = ranked;
    unmarked.unmarked = true;
    if (int64_t n = db.CountDocs(unmarked))
      out.push_back(std::to_string(n) +
                    " 项评价的评分结果没有记下满分，得分率按 0 计、排在最后；请重新评分这些评价");
    std::string list;
    for (const auto& f : frameworks) list += (list.empty() ? "" : "、") + FrameworkTitle(server, f);
    out.push_back("所列评价使用了" + std::to_string(frameworks.size()) + "套指标体系（" + list +
                  "）：名次按总得分率（总分÷满分）比较，不按总分；一级指标只比较同名的");
  }
  return out;
}

constexpr size_t kChartRows = 30;  // bars drawn: the first of the whole ranking, whatever page

// Where a ranked row leads: an evaluation's score tree, a 自评表's page.
std::string HrefOf(const Doc& d) {
  return (d.kind == "selfeval" ? "/selfevals/" : "/evaluations/") + d.id;
}

// The charts `compare` draws (compare.xlsx: 各案例总分, 一级指标得分率, 绩效等级分布) from the
// first kChartRows of the whole ranking (`ranked`, `ranks`: their 名次, ties shared) with their
// recorded totals and 一级 rates, and the store's grade counts. Each bar links to its row.
void SetCharts(Data& data, const std::vector<Doc>& ranked, const std::vector<int64_t>& ranks,
               std::map<std::string, std::vector<Category>>& rates,
               const std::vector<std::string>& columns,
               const std::vector<std::pair<std::string, int64_t>>& grades) {
  std::vector<ChartBar> totals;
  std::vector<ChartGroup> groups;
  Rational full(100);
  for (size_t i = 0; i < ranked.size() && i < kChartRows; ++i) {
    const Doc& d = ranked[i];
    std::string label = std::to_string(ranks[i]) + " " + d.title, href = HrefOf(d);
    Rational total(d.total, 100);
    if (total > full) full = total;
    totals.push_back({label, FormatScore(Score{d.total}), total, href});
    ChartGroup g{label, href, {}};
    for (const auto& col : columns) {
      ChartBar bar{col, "", Rational(0), href};
      for (const auto& c : rates[d.id])
        if (c.name == col) bar.shown = c.rate, bar.value = c.value;
      g.bars.push_back(bar);
    }
    groups.push_back(g);
  }
  std::vector<ChartBar> grade_bars;
  int64_t most = 0;
  for (const auto& [grade, count] : grades) {
    grade_bars.push_back({grade, std::to_string(count) + " 项", Rational(count), ""});
    most = std::max(most, count);
  }
  data.set("chart_totals", BarChartSvg("各评价总分", totals, full));
  data.set("chart_rates", GroupedChartSvg("一级指标得分率", columns, groups, Rational(100)));
  data.set("chart_grades", BarChartSvg("绩效等级分布", grade_bars, Rational(most)));
  data.set("chart_rows", std::to_string(kChartRows));
}

}  // namespace

Response BureauOverview(Ctx& ctx) {
  const Request& r = ctx.req;
  std::string year = r.Field("year"), department = r.Field("department"), town = r.Field("town"),
              grade = r.Field("grade"), kind = r.Field("kind");
  std::string problem;
  auto paging = ParsePaging(r, problem);
  if (!paging) return ctx.server.Error(ctx, 422, problem);
  Db& db = ctx.server.db();
  // The store does the work: the region's rows (dropdowns), the matches (a page and the count),
  // the scored matches ranked (a page, the count, the 一级 rows of just that page).
  Db::ListFilter region;
  region.kinds = {"evaluation", "targets", "selfeval"};
  const bool reach = NarrowToReach(*ctx.user, region);
  Db::ListFilter f = region;
  if (!kind.empty())
    f.kinds = std::count(region.kinds.begin(), region.kinds.end(), kind)
                  ? std::vector<std::string>{kind}
                  : std::vector<std::string>{};
  f.year = year, f.department = department, f.town = town, f.grade = grade;
  // Ranked: the scored evaluations, or with 类别 自评表 the filled forms (a grade once complete)
  // by 复核分 — of 100 points each, so its 得分率 — ties shared as compare shares them.
  const bool forms = kind == "selfeval";
  const std::string ranked_kind = forms ? "selfeval" : "evaluation";
  Db::ListFilter rf = f;
  rf.kinds = std::count(f.kinds.begin(), f.kinds.end(), ranked_kind)
                 ? std::vector<std::string>{ranked_kind}
                 : std::vector<std::string>{};
  rf.scored = true;
  if (forms) rf.submitted = 1;  // a draft is the unit's own work: never ranked (trial 3 item 5)
  const bool any = reach && !f.kinds.empty(), any_ranked = reach && !rf.kinds.empty();
  std::vector<Doc> shown, ranked, top;  // top: the whole ranking's first kChartRows
  int64_t count = 0, ranked_count = 0;
  bool by_rate = false;
  std::vector<std::string> warnings;
  if (any) {
    count = db.CountDocs(f);
    shown = db.DocsPage(f, paging->per_page, paging->offset());
  }
  if (any_ranked) {
    warnings = RankWarnings(ctx.server, rf, by_rate);
    rf.order = forms     ? Db::ListFilter::Order::kComputed
               : by_rate ? Db::ListFilter::Order::kRate
                         : Db::ListFilter::Order::kTotal;
    ranked_count = db.CountDocs(rf);
    ranked = db.DocsPage(rf, paging->per_page, paging->offset());
    top = db.DocsPage(rf, kChartRows, 0);
  }
  for (auto* list : {&ranked, &top})
    for (auto& d : *list)
      if (d.kind == "selfeval") d.total = d.computed, d.full = 10000;  // 复核分 of 100 points
  std::vector<std::string> ids;
  for (const auto* list : {&ranked, &top})
    for (const auto& d : *list) ids.push_back(d.id);
  std::map<std::string, std::vector<Category>> cats;
  for (const auto& [id, rows] : db.LatestCategories(ids)) cats[id] = RatesOf(rows);
  // The 一级 summed over the whole filtered set by the store (the 合计 row, its chart, columns).
  const auto whole =
      any_ranked && !forms ? db.CategoryTotals(rf) : std::vector<Db::CategoryTotal>{};
  std::map<std::string, std::string> rates;  // total ÷ full marks
  for (const auto& d : ranked)
    rates[d.id] = FormatPercent(d.full > 0 ? Rational(d.total * 100, d.full) : Rational(0));
  // The 一级 columns: every name of the whole set, in the order the leading rows list them.
  std::vector<std::string> columns;
  auto add_column = [&](const std::string& name) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  };
  for (const auto* list : {&top, &ranked})
    for (const auto& d : *list)
      for (const auto& c : cats[d.id]) add_column(c.name);
  for (const auto& c : whole) add_column(c.name);
  auto whole_rate = [&](const std::string& name) -> std::optional<Rational> {
    for (const auto& c : whole)
      if (c.name == name && c.weight > 0) return Rational(c.score * 100, c.weight);
    return std::nullopt;
  };
  std::vector<std::pair<std::string, int64_t>> grade_counts;
  if (reach && (kind.empty() || kind == "evaluation" || forms))
    grade_counts = db.GradeCounts(
        {ctx.user->region, year, department, town, grade, ranked_kind, forms ? 1 : -1});
  // The listed 自评表 that are their unit's 提交 (one query); the others are drafts, marked.
  std::set<std::string> submitted;
  {
    Db::ListFilter page_forms;
    page_forms.kinds = {"selfeval"}, page_forms.submitted = 1;
    for (const auto& d : shown)
      if (d.kind == "selfeval") page_forms.ids.push_back(d.id);
    if (!page_forms.ids.empty())
      for (const auto& d : db.DocsPage(page_forms, kMaxPerPage, 0)) submitted.insert(d.id);
  }
  auto draft = [&](const Doc& d) { return d.kind == "selfeval" && !submitted.count(d.id); };
  const auto ranks = SharedRanks(ranked, paging->offset() + 1, by_rate);  // ties share, as compare
  const auto top_ranks = SharedRanks(top, 1, by_rate);
  if (r.api) {
    std::vector<std::string> items, ranking, grade_items;
    for (const auto& [label, n] : grade_counts)
      grade_items.push_back("{\"grade\":" + Q(label) + ",\"count\":" + std::to_string(n) + "}");
    for (const auto& d : shown)
      items.push_back("{\"id\":" + Q(d.id) + ",\"kind\":" + Q(d.kind) + ",\"title\":" + Q(d.title) +
                      ",\"unit\":" + Q(d.unit) + ",\"town\":" + Q(d.town) + ",\"department\":" +
                      Q(d.department) + ",\"year\":" + Q(d.year) + ",\"grade\":" + Q(d.grade) +
                      ",\"total\":" + (d.total < 0 ? "null" : FormatScoreNumber(Score{d.total})) +
                      (d.kind == "selfeval"
                           ? ",\"computed\":" + FormatScoreNumber(Score{d.computed}) +
                                 ",\"submitted\":" + (draft(d) ? "false" : "true")
                           : "") +
                      "}");
    std::vector<std::string> totals;
    for (const auto& c : whole)
      totals.push_back(
          "{\"name\":" + Q(c.name) + ",\"score\":" + FormatScoreNumber(Score{c.score}) +
          ",\"weight\":" + FormatScoreNumber(Score{c.weight}) +
          ",\"documents\":" + std::to_string(c.documents) + ",\"rate\":" +
          (c.weight > 0 ? Q(FormatPercent(Rational(c.score * 100, c.weight))) : "null") + "}");
    for (size_t i = 0; i < ranked.size(); ++i) {
      std::vector<std::string> cells;
      for (const auto& c : cats[ranked[i].id])
        cells.push_back("{\"name\":" + Q(c.name) + ",\"rate\":" + Q(c.rate) + "}");
      ranking.push_back("{\"rank\":" + std::to_string(ranks[i]) + ",\"id\":" + Q(ranked[i].id) +
                        ",\"total\":" + FormatScoreNumber(Score{ranked[i].total}) +
                        ",\"categories\":" + JsonArray(cells) + "}");
    }
    std::vector<std::string> quoted;
    for (const auto& w : warnings) quoted.push_back(Q(w));
    return Json("{\"items\":" + JsonArray(items) + ",\"ranking\":" + JsonArray(ranking) +
                ",\"grades\":" + JsonArray(grade_items) + ",\"ranked_by\":" +
                Q(forms     ? "computed"
                  : by_rate ? "rate"
                            : "total") +
                ",\"category_totals\":" + JsonArray(totals) + ",\"warnings\":" + JsonArray(quoted) +
                PagingJson(*paging, count) + ",\"ranking_count\":" + std::to_string(ranked_count) +
                "}");
  }
  Data items = List(), ranking = List(), header = List();
  for (const auto& d : shown)  // a draft 自评表: marked, no figure or grade (not yet its answer)
    items.push_back(Object({{"id", d.id},
                            {"kind", d.kind == "targets"    ? "绩效目标表"
                                     : draft(d)             ? "自评表（未提交）"
                                     : d.kind == "selfeval" ? "自评表"
                                                            : "评价"},
                            {"href", d.kind == "targets" ? "/targets/" + d.id : HrefOf(d)},
                            {"title", d.title},
                            {"unit", d.unit},
                            {"town", d.town},
                            {"department", d.department},
                            {"year", d.year},
                            {"grade", draft(d) ? "—" : d.grade},
                            {"total", draft(d)               ? "—"
                                      : d.kind == "selfeval" ? FormatScore(Score{d.computed})
                                      : d.total < 0          ? ""
                                                             : FormatScore(Score{d.total})}}));
  for (const auto& c : columns) header.push_back(Object({{"name", c}}));
  for (size_t i = 0; i < ranked.size(); ++i) {
    const auto& row_cats = cats[ranked[i].id];
    Data cells = List();
    for (const auto& col : columns) {
      std::string rate;
      for (const auto& c : row_cats)
        if (c.name == col) rate = c.rate;
      cells.push_back(Object({{"rate", rate}}));
    }
    Data row = Object({{"rank", std::to_string(ranks[i])},
                       {"id", ranked[i].id},
                       {"href", HrefOf(ranked[i])},
                       {"title", ranked[i].title},
                       {"town", ranked[i].town},
                       {"total", FormatScore(Score{ranked[i].total})},
                       {"rate", rates[ranked[i].id]},
                       {"grade", ranked[i].grade}});
    row.set("cells", cells);
    ranking.push_back(row);
  }
  std::map<std::string, std::vector<std::string>> choices;  // the drop-downs, one query
  if (reach) choices = db.DistinctValuesOf(region, {"year", "department", "town", "grade"});
  auto options = [&](const char* column, const std::string& chosen) {
    Data list = List();
    if (reach)
      for (const auto& v : choices[column]) {
        Data o = Object({{"value", v}});
        o.set("selected", v == chosen);
        list.push_back(o);
      }
    return list;
  };
  Data data = Object({{"region", ctx.user->region}, {"count", std::to_string(count)}});
  data.set("items", items);
  data.set("ranking", ranking);
  data.set("columns", header);
  data.set("has_ranking", !ranked.empty());
  data.set("ranking_forms", forms);
  Data whole_cells = List();
  std::vector<ChartBar> whole_bars;
  for (const auto& col : columns) {
    const auto rate = whole_rate(col);
    whole_cells.push_back(Object({{"rate", rate ? FormatPercent(*rate) : ""}}));
    if (rate) whole_bars.push_back({col, FormatPercent(*rate), *rate, ""});
  }
  data.set("whole_cells", whole_cells);
  data.set("has_whole", !whole.empty());
  data.set("whole_count", std::to_string(ranked_count));
  // The compare workbook needs two scored evaluations (handlers_export.cc): offered only then,
  // else the page says why (webtrial4 item 7).
  data.set("can_compare", !forms && ranked_count >= 2);
  data.set("compare_why",
           forms ? "比较工作簿比较的是第三方评价；自评表的复核汇总在“自评表复核”页导出。"
           : ranked_count < 2
               ? "至少需要两项已评分的评价才能导出排名与比较工作簿，当前筛选下只有 " +
                     std::to_string(ranked_count) + " 项。"
               : "");
  data.set("whole_span", std::to_string(by_rate || forms ? 6 : 5));
  data.set("chart_whole",
           BarChartSvg("一级指标得分率（全部 " + std::to_string(ranked_count) + " 项合计）",
                       whole_bars, Rational(100)));
  Data warning_list = List();
  for (const auto& w : warnings) warning_list.push_back(Object({{"text", w}}));
  data.set("ranking_warnings", warning_list);
  data.set("by_rate", by_rate || forms);  // 自评表: 复核分 ÷ 100
  data.set("has_grades", !grade_counts.empty());
  SetCharts(data, top, top_ranks, cats, columns, grade_counts);
  data.set("chart_cut", ranked_count > static_cast<int64_t>(kChartRows));
  data.set("years", options("year", year));
  data.set("departments", options("department", department));
  data.set("towns", options("town", town));
  data.set("grades", options("grade", grade));
  data.set("kind_evaluation", kind == "evaluation");
  data.set("kind_targets", kind == "targets");
  data.set("kind_selfeval", forms);
  const std::vector<std::pair<std::string, std::string>> keep = {
      {"kind", kind}, {"year", year}, {"department", department}, {"town", town}, {"grade", grade}};
  SetPaging(data, *paging, count, "/bureau", keep);
  Data ranking_pages;
  SetPaging(ranking_pages, *paging, ranked_count, "/bureau", keep);
  data.set("ranking_pages", ranking_pages);
  return ctx.server.Page(ctx, "bureau", "财政局：" + ctx.user->region, data);
}

// The 复核 list: the region's 自评表 by the gap between printed and recomputed 总分 (for a form
// printing no 总分, between its 行得分合计 and the 复核分), with the 提交 state of each latest
// version and its 复核 state (待复核 / 已通过 / 已退回), and a filter on each.
Response ReviewList(Ctx& ctx) {
  // 提交 is kept in the latest version's parts (who submitted); a later edit drops it.
  // "yes" 已提交, "no" 未提交, "" or "all" every form. The page lists the submitted forms until
  // another choice is made (a draft is not yet the unit's answer); the API lists all by default.
  std::string want = ctx.req.Field("submitted");
  if (!ctx.req.api && !ctx.req.query.count("submitted") && !ctx.req.form.count("submitted"))
    want = "yes";
  if (want == "all") want.clear();
  const std::string want_state = ctx.req.Field("state");  // pending | passed | returned | ""
  // The store filters (region, 提交 = the latest version is the unit's 提交, 复核 state) and
  // orders: largest gap first; a form without a printed 总分 by its 行得分合计, and those with
  // neither last. Only the page's forms are read further.
  Db::ListFilter f;
  f.kinds = {"selfeval"};
  f.order = Db::ListFilter::Order::kGap;
  f.submitted = want == "yes" ? 1 : want == "no" ? 0 : -1;
  if (want_state == "pending" || want_state == "passed" || want_state == "returned")
    f.review = want_state;
  if (!want_state.empty() && f.review.empty()) f.kinds.clear();  // another state: no form matches
  std::string problem;
  auto listed = PageInReach(ctx.req, ctx.server.db(), *ctx.user, f, problem);
  if (!listed) return ctx.server.Error(ctx, 422, problem);
  const auto& [paging, forms, count] = *listed;
  // The page's decisions in one query, and which of its forms are 提交 in another; only those
  // are read further (who submitted).
  std::map<std::string, std::string> submitted_by;
  std::map<std::string, ReviewState> states;
  Db::ListFilter page_ids = f;
  page_ids.review.clear();
  page_ids.submitted = 1;
  for (const auto& d : forms) page_ids.ids.push_back(d.id);
  const auto decisions = ctx.server.db().LatestDecisionsOf(page_ids.ids);
  for (const auto& d : forms) {
    auto decided = decisions.find(d.id);
    states[d.id] = StateOf(
        d, decided == decisions.end() ? std::nullopt : std::optional<Decision>(decided->second));
  }
  if (!forms.empty()) {
    std::vector<std::string>
        submitted;  // the page's 提交 forms, their latest versions in one query
    for (const auto& d : ctx.server.db().DocsPage(page_ids, kMaxPerPage, 0))
      submitted.push_back(d.id);
    for (auto& [id, latest] : ctx.server.db().LatestVersionsOf(submitted)) {
      auto parts = UnpackParts(latest.content);
      if (parts.count("submitted"))
        submitted_by[id] = parts["submitted"] + " " + BeijingTime(latest.at) + "（北京时间）";
    }
  }
  auto base_of = [](const Doc& d) { return d.claimed >= 0 ? d.claimed : d.row_total; };
  std::vector<std::string> items;
  Data list = List(), over_list = List();
  bool any_over = false;
  const auto rule_titles = SelfEvalRulesTitles(ctx.server.db());  // the set each form is scored by
  for (const auto& d : forms) {
    // A 复核分 over the rule set's 100 does not fit the rule set (issue 21): no score, no gap —
    // the finding, listed apart (the store ranks it after every gap).
    const bool over = d.computed > store::Results::kFullMarks;
    Score gap{base_of(d) - d.computed};
    auto named = rule_titles.find(d.framework);
    const std::string rules = named != rule_titles.end() ? named->second : "";
    const bool printed = d.claimed >= 0, summed = !over && !printed && d.row_total >= 0;
    const ReviewState& state = states[d.id];
    const char* gap_from = printed ? "总分" : summed ? "行得分合计" : "";
    items.push_back(
        "{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"unit\":" + Q(d.unit) +
        ",\"claimed\":" + (printed ? FormatScoreNumber(Score{d.claimed}) : "null") +
        ",\"row_total\":" + (d.row_total >= 0 ? FormatScoreNumber(Score{d.row_total}) : "null") +
        ",\"computed\":" + (over ? "null" : FormatScoreNumber(Score{d.computed})) +
        ",\"over_full\":" + (over ? "true" : "false") +
        ",\"gap\":" + (!over && (printed || summed) ? FormatScoreNumber(gap) : "null") +
        ",\"gap_from\":" + Q(over ? "" : gap_from) + ",\"review\":" + ReviewStateJson(state) +
        ",\"findings\":" + std::to_string(d.findings) + ",\"submitted\":" +
        (submitted_by.count(d.id) ? "true" : "false") + ",\"rules\":" + Q(rules) + "}");
    Data row = Object(
        {{"id", d.id},
         {"title", d.title},
         {"unit", d.unit},
         {"year", d.year},
         {"claimed", printed ? FormatScore(Score{d.claimed}) : "未填总分"},
         {"computed", over ? "不符合评分规则" : FormatScore(Score{d.computed})},
         {"over_note", over ? "合计" + FormatScore(Score{d.computed}) + "，超过满分100分" : ""},
         {"row_total", summed ? FormatScore(Score{d.row_total}) : ""},
         {"gap", !over && (printed || summed) ? FormatScore(gap) : "—"},
         {"review_key", state.key},
         {"review_label", state.label},
         {"review_note",
          state.last && state.key != "pending"
              ? state.last->reviewer + " " + BeijingTime(state.last->at) + "（北京时间）"
              : ""},
         {"opinion", state.key == "returned" ? state.last->opinion : ""},
         {"findings", std::to_string(d.findings)},
         {"state", submitted_by.count(d.id) ? "已提交" : "未提交"},
         {"state_note", submitted_by.count(d.id) ? submitted_by[d.id] : ""}});
    row.set("submitted", submitted_by.count(d.id) > 0);
    row.set("summed", summed);
    if (!rules.empty()) row.set("rules", rules);  // "" would be true in {{#rules}}
    (over ? over_list : list).push_back(row);
    any_over = any_over || over;
  }
  if (ctx.req.api) return Json("{\"review\":" + JsonArray(items) + PagingJson(paging, count) + "}");
  Data data;
  data.set("forms", list);
  data.set("over_forms", over_list);
  data.set("has_over", any_over);
  data.set("count", std::to_string(count));
  SetPaging(data, paging, count, "/bureau/review",
            {{"submitted", want.empty() ? "all" : want}, {"state", want_state}});
  data.set("filter_yes", want == "yes");
  data.set("filter_no", want == "no");
  data.set("filtered", !want.empty() || !want_state.empty());
  for (const char* k : {"pending", "passed", "returned"})
    data.set(std::string("state_") + k, want_state == k);
  return ctx.server.Page(ctx, "review", "自评表复核清单：" + ctx.user->region, data);
}

}  // namespace jixiao::web
