#include "app/archive_compare.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "app/compare_app.h"
#include "compare/comparison.h"
#include "document/workbook.h"
#include "ingest/json.h"

namespace jixiao {
namespace {

constexpr size_t kTop = 20, kBottom = 20, kProblemExamples = 3;

std::optional<Rational> Percent(int64_t score, int64_t weight) {
  if (weight == 0) return std::nullopt;
  return Rational(score * 100, weight);
}

// Rates of one document's indicators of `level` in `names` order (a sum where a name repeats).
std::vector<std::optional<Rational>> CategoryRates(const std::vector<std::string>& categories,
                                                   const std::vector<store::IndicatorResult>& rows,
                                                   int64_t level = 1) {
  std::vector<std::optional<Rational>> out;
  for (const auto& name : categories) {
    int64_t score = 0, weight = 0;
    bool found = false;
    for (const auto& r : rows)
      if (r.level == level && r.name == name) {
        score += r.score;
        weight += r.weight;
        found = true;
      }
    out.push_back(found ? Percent(score, weight) : std::nullopt);
  }
  return out;
}

// Competition ranking (1, 2, 2, 4) over a stream in total-descending order, or in the order of
// total ÷ full marks (several frameworks; ties compared exactly).
struct Ranker {
  bool by_rate = false;
  int64_t seen = 0, rank = 0, last_total = 0, last_weight = 1;
  int64_t Next(const store::Results& r) {
    ++seen;
    int64_t total = r.total, weight = 1;
    if (by_rate) {
      total = r.total_weight > 0 ? r.total : 0;
      weight = r.total_weight > 0 ? r.total_weight : 1;
    }
    if (seen == 1 || total * last_weight != last_total * weight) rank = seen;
    last_total = total;
    last_weight = weight;
    return rank;
  }
};

// Names of the indicators of `level` in stored order, each once.
std::vector<std::string> NamesAt(const std::vector<store::IndicatorResult>& rows, int64_t level) {
  std::vector<std::string> out;
  for (const auto& r : rows)
    if (r.level == level && std::find(out.begin(), out.end(), r.name) == out.end())
      out.push_back(r.name);
  return out;
}

compare::RankedCase Ranked(int64_t rank, const store::Document& d,
                           const std::vector<std::string>& categories,
                           const std::vector<store::IndicatorResult>& rows) {
  const auto& r = d.fields.results;
  return {static_cast<int>(rank),
          d.id,
          d.fields.town,
          d.fields.project,
          d.fields.year,
          d.fields.framework,
          r.grade,
          Score{r.total},
          Score{r.total_weight},
          Percent(r.total, r.total_weight).value_or(Rational(0)),
          CategoryRates(categories, rows)};
}

double Fraction(const std::optional<Rational>& percent) {
  return static_cast<double>(percent->RoundScaled(4)) / 1000000.0;
}

doc::WCell TextCell(const std::string& text, doc::CellStyle style = doc::CellStyle::kText) {
  doc::WCell c;
  c.kind = doc::WCell::Kind::kText;
  c.text = text;
  c.style = style;
  return c;
}
doc::WCell NumberCell(double value, doc::CellStyle style) {
  doc::WCell c;
  c.kind = doc::WCell::Kind::kNumber;
  c.number = value;
  c.style = style;
  return c;
}

}  // namespace

int64_t SummaryThreshold() {
  const char* env = std::getenv("JIXIAO_COMPARE_SUMMARY_ABOVE");
  return env && *env ? std::atoll(env) : 5000;
}

std::optional<std::vector<OutputFile>> CompareArchivedSummary(
    store::Store& db, const store::DocumentFilter& f, int64_t count,
    const std::vector<std::string>& formats, const std::string& template_dir, Diagnostics& diags,
    bool matrix) {
  compare::Comparison cmp;
  cmp.summary.emplace();
  compare::Summary& sum = *cmp.summary;
  sum.count = count;
  // One document per framework (the lowest id first: the in-memory comparison takes the first
  // case's order) fixes the 一级 names, the matrix columns, labels and grade bands. Several
  // frameworks are compared as `compare CASE…` compares them: ranked by total ÷ full marks, on
  // the 一级 (and, in the matrix, 二级) names that every framework has.
  struct Sample {
    std::string id, framework, title, json;
  };
  std::vector<Sample> samples;
  std::set<std::string> seen;
  for (const auto& g : db.GradeCounts(f, diags)) {
    if (!seen.insert(g.framework).second) continue;
    store::DocumentFilter one = f;
    one.framework = g.framework;
    one.limit = 1;
    if (!db.ForEach(
            one,
            [&](const store::Document& d) {
              samples.push_back(
                  {d.id, g.framework, d.fields.framework_title, d.fields.result_json});
              return false;
            },
            diags))
      return std::nullopt;
  }
  if (samples.empty()) return std::nullopt;
  std::sort(samples.begin(), samples.end(),
            [](const Sample& a, const Sample& b) { return a.id < b.id; });
  const bool mixed = samples.size() > 1;
  cmp.same_framework = !mixed;
  std::map<std::string, std::string> names;  // framework + "\n" + code -> name
  std::vector<std::string> common2;
  for (size_t k = 0; k < samples.size(); ++k) {
    auto rows = db.Indicators(samples[k].id, diags);
    for (const auto& r : rows) names[samples[k].framework + "\n" + r.code] = r.name;
    auto keep = [](std::vector<std::string>& names_so_far, const std::vector<std::string>& mine) {
      names_so_far.erase(std::remove_if(names_so_far.begin(), names_so_far.end(),
                                        [&](const std::string& n) {
                                          return std::find(mine.begin(), mine.end(), n) ==
                                                 mine.end();
                                        }),
                         names_so_far.end());
    };
    if (k == 0) {
      cmp.categories = NamesAt(rows, 1);
      common2 = NamesAt(rows, 2);
      if (!mixed)
        for (const auto& r : rows)
          if (r.leaf) cmp.columns.push_back({r.code, r.code + " " + r.name});
    } else {
      keep(cmp.categories, NamesAt(rows, 1));
      keep(common2, NamesAt(rows, 2));
    }
    JsonValue extra = ParseJson("archive", samples[k].json);
    if (const JsonValue* g = extra.Find("grades"))
      for (const auto& item : g->items) {
        const std::string& label = item.Find("label")->text;
        if (std::find_if(cmp.grades.begin(), cmp.grades.end(),
                         [&](const auto& x) { return x.first == label; }) == cmp.grades.end())
          cmp.grades.push_back({label, 0});
      }
  }
  if (mixed)
    for (const auto& name : common2) cmp.columns.push_back({name, name});
  cmp.basis = !mixed ? "各案例采用同一指标体系“" + samples.front().title +
                           "”，按总分、一级指标得分率及各末级指标得分率比较。"
                     : "各案例采用不同的指标体系，按总得分率（总分÷总分值）排名，并仅按"
                       "共有的一级、二级指标名称比较得分率（得分÷分值）。";
  const auto order =
      mixed ? store::DocumentFilter::Order::kRateDesc : store::DocumentFilter::Order::kTotalDesc;
  // Pass 1: the ranking in the database's order — totals summed, the best and worst rows kept,
  // problems counted per indicator with a few examples.
  // Indicator rows are read only for the rows kept (the best and the worst).
  Ranker ranker;
  ranker.by_rate = mixed;
  std::deque<std::pair<int64_t, store::Document>> bottom;
  store::DocumentFilter ranked = f;
  ranked.order = order;
  bool ok = db.ForEach(
      ranked,
      [&](const store::Document& d) {
        int64_t rank = ranker.Next(d.fields.results);
        sum.sum += Score{d.fields.results.total};
        const std::string& json = d.fields.result_json;
        if (json.find("\"problems\":[]") == std::string::npos) {
          JsonValue parsed = ParseJson("archive:" + d.id, json);
          if (const JsonValue* problems = parsed.Find("problems"))
            for (const auto& p : problems->items)
              for (const auto& code : p.Find("indicators")->items) {
                auto it = names.find(d.fields.framework + "\n" + code.text);
                std::string label = it != names.end() ? code.text + " " + it->second : code.text;
                ++sum.problem_counts[label];
                auto& list = cmp.problems[label];
                if (list.size() < kProblemExamples) list.push_back({d.id, p.Find("title")->text});
              }
        }
        if (cmp.ranking.size() < kTop) {
          cmp.ranking.push_back(Ranked(rank, d, cmp.categories, db.Indicators(d.id, diags)));
        } else {
          bottom.push_back({rank, d});
          bottom.back().second.fields.result_json.clear();
          if (bottom.size() > kBottom) bottom.pop_front();
        }
        return true;
      },
      diags);
  if (!ok || diags.HasErrors()) return std::nullopt;
  for (const auto& [rank, d] : bottom)
    cmp.ranking.push_back(Ranked(rank, d, cmp.categories, db.Indicators(d.id, diags)));
  sum.top = std::min(cmp.ranking.size(), kTop);
  for (const auto& g : db.GradeCounts(f, diags)) {
    auto it = std::find_if(cmp.grades.begin(), cmp.grades.end(),
                           [&](const auto& x) { return x.first == g.grade; });
    if (it == cmp.grades.end())
      cmp.grades.push_back({g.grade, static_cast<int>(g.count)});
    else
      it->second += static_cast<int>(g.count);
  }
  auto lost = db.Deductions(f, diags);
  if (!lost) return std::nullopt;
  for (const auto& l : *lost)
    cmp.most_deducted.push_back(
        {l.code, l.code + " " + l.name, Rational(l.lost, 100), static_cast<int>(l.documents)});
  sum.group_label = "地区";
  auto groups = db.RatesBy(f, "region", 1, diags);
  // No region recorded anywhere (one group, named ""): by town instead.
  if (groups && !groups->empty() &&
      std::all_of(groups->begin(), groups->end(), [](const auto& g) { return g.group.empty(); })) {
    sum.group_label = "街镇";
    groups = db.RatesBy(f, "town", 1, diags);
  }
  if (!groups) return std::nullopt;
  for (const auto& g : *groups) {
    if (sum.groups.empty() || sum.groups.back().group != g.group)
      sum.groups.push_back(
          {g.group, g.documents, std::vector<std::optional<Rational>>(cmp.categories.size())});
    auto at = std::find(cmp.categories.begin(), cmp.categories.end(), g.name);
    if (at != cmp.categories.end())
      sum.groups.back().rates[static_cast<size_t>(at - cmp.categories.begin())] =
          Percent(g.score, g.weight);
  }
  auto years = db.YearTotals(f, diags);
  if (!years) return std::nullopt;
  for (const auto& y : *years)
    sum.years.push_back(
        {y.year, y.documents,
         Score::Round(Rational(y.total, 100) / Rational(y.documents ? y.documents : 1))});
  // Pass 2, while compare.xlsx is written: every ranking row and its leaf rates, row by row.
  bool streamed = true;
  std::vector<std::string> names2;
  for (const auto& c : cmp.columns) names2.push_back(c.key);
  auto stream_rows = [&](doc::Workbook& book) {
    book.stream = [&](const doc::CellSink& put) {
      Ranker rows;
      rows.by_rate = mixed;
      if (!matrix)
        put(1, 1, 0,
            TextCell("共" + std::to_string(count) +
                     "个评价案例，逐案例的末级指标矩阵行数过多，默认不写；需要时请加 --matrix "
                     "重新运行 compare --archive。各末级指标的扣分汇总见“扣分最多指标”。"));
      streamed = db.ForEachRanked(
          ranked,
          !matrix ? 1
          : mixed ? 0
                  : -1,
          [&](const store::Document& d, const std::vector<store::IndicatorResult>& ind) {
            int row = static_cast<int>(rows.seen) + 1;
            int64_t rank = rows.Next(d.fields.results);
            const auto& fl = d.fields;
            put(0, row, 0, NumberCell(static_cast<double>(rank), doc::CellStyle::kInteger));
            put(0, row, 1, TextCell(d.id));
            put(0, row, 2, TextCell(fl.town.empty() ? d.id : fl.town, doc::CellStyle::kCenter));
            put(0, row, 3, TextCell(fl.project));
            put(0, row, 4, TextCell(fl.year, doc::CellStyle::kCenter));
            put(0, row, 5,
                NumberCell(static_cast<double>(fl.results.total) / 100.0, doc::CellStyle::kScore));
            put(0, row, 6, TextCell(fl.results.grade, doc::CellStyle::kCenter));
            auto rates = CategoryRates(cmp.categories, ind);
            for (size_t k = 0; k < rates.size(); ++k)
              if (rates[k])
                put(0, row, 7 + static_cast<int>(k),
                    NumberCell(Fraction(rates[k]), doc::CellStyle::kRate));
            if (!matrix) return true;
            put(1, row, 0, TextCell(d.id));
            put(1, row, 1, TextCell(fl.town, doc::CellStyle::kCenter));
            if (mixed) {  // shared 二级 names
              auto rates2 = CategoryRates(names2, ind, 2);
              for (size_t k = 0; k < rates2.size(); ++k)
                if (rates2[k])
                  put(1, row, 2 + static_cast<int>(k),
                      NumberCell(Fraction(rates2[k]), doc::CellStyle::kRate));
              return true;
            }
            for (size_t k = 0; k < cmp.columns.size(); ++k)
              for (const auto& r : ind)
                if (r.leaf && r.code == cmp.columns[k].key) {
                  auto rate = Percent(r.score, r.weight);
                  if (rate)
                    put(1, row, 2 + static_cast<int>(k),
                        NumberCell(Fraction(rate), doc::CellStyle::kRate));
                  break;
                }
            return true;
          },
          diags);
    };
  };
  auto files = RenderComparison(cmp, formats, template_dir, diags, stream_rows);
  if (!streamed) {
    if (files) DiscardStaged(*files);
    return std::nullopt;
  }
  return files;
}

}  // namespace jixiao
