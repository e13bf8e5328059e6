#include "compare/comparison.h"

#include <algorithm>
#include <set>

namespace jixiao::compare {
namespace {

std::optional<Rational> Rate(const IndicatorResult& r) { return r.RatePercent(); }

// Rate of the nodes named `name` at `level` in a card (a sum if the name repeats).
std::optional<Rational> RateByName(const Scorecard& card, int level, const std::string& name) {
  IndicatorResult sum;  // RatePercent of the summed nodes: unrounded when every one is
  sum.unrounded = Rational(0);
  bool found = false;
  for (const auto& r : card.indicators) {
    if (r.level != level || r.name != name) continue;
    sum.score += r.score;
    sum.weight += r.weight;
    sum.unrounded =
        sum.unrounded && r.unrounded ? std::optional(*sum.unrounded + *r.unrounded) : std::nullopt;
    found = true;
  }
  if (!found) return std::nullopt;
  return sum.RatePercent();
}

std::vector<std::string> NamesAtLevel(const Scorecard& card, int level) {
  std::vector<std::string> out;
  for (const auto& r : card.indicators)
    if (r.level == level && std::find(out.begin(), out.end(), r.name) == out.end())
      out.push_back(r.name);
  return out;
}

// Names present in every card, in the first card's order.
std::vector<std::string> Common(const std::vector<CaseRef>& cases, int level) {
  std::vector<std::string> names = NamesAtLevel(*cases.front().card, level);
  for (const auto& c : cases) {
    auto mine = NamesAtLevel(*c.card, level);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [&](const std::string& n) {
                                 return std::find(mine.begin(), mine.end(), n) == mine.end();
                               }),
                names.end());
  }
  return names;
}

}  // namespace

std::string ProjectKey(const Project& p) {
  std::string name = p.name;
  auto strip = [&](const std::string& part) {
    if (part.empty()) return;
    size_t at = name.find(part);
    if (at != std::string::npos) name.erase(at, part.size());
  };
  strip(p.year + "年度");
  strip(p.year + "年");
  strip(p.district);
  strip(p.town);
  return name;
}

Comparison Compare(const std::vector<CaseRef>& cases) {
  Comparison out;
  if (cases.empty()) return out;
  std::set<std::string> frameworks;
  for (const auto& c : cases) frameworks.insert(c.framework->id);
  out.same_framework = frameworks.size() == 1;
  out.categories = Common(cases, 1);
  out.basis = out.same_framework ? "各案例采用同一指标体系“" + cases.front().framework->title +
                                       "”，按总分、一级指标得分率及各末级指标得分率比较。"
                                 : "各案例采用不同的指标体系，按总得分率（总分÷总分值）排名，并仅按"
                                   "共有的一级、二级指标名称比较得分率（得分÷分值）。";
  for (const auto& c : cases) {
    RankedCase r{0,
                 c.c->id,
                 c.c->project.town,
                 c.c->project.name,
                 c.c->project.year,
                 c.framework->id,
                 c.card->grade,
                 c.card->total,
                 c.card->total_weight,
                 c.card->TotalRatePercent().value_or(Rational(0)),
                 {}};
    for (const auto& name : out.categories)
      r.category_rates.push_back(RateByName(*c.card, 1, name));
    out.ranking.push_back(r);
  }
  std::vector<size_t> order(cases.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto &x = out.ranking[a], &y = out.ranking[b];
    if (out.same_framework ? x.total != y.total : x.total_rate != y.total_rate)
      return out.same_framework ? y.total < x.total : y.total_rate < x.total_rate;
    return x.id < y.id;
  });
  std::vector<RankedCase> ranked;
  std::vector<const CaseRef*> ranked_refs;
  for (size_t i = 0; i < order.size(); ++i) {
    RankedCase r = out.ranking[order[i]];
    bool tie = i > 0 && (out.same_framework ? ranked.back().total == r.total
                                            : ranked.back().total_rate == r.total_rate);
    r.rank = tie ? ranked.back().rank : static_cast<int>(i) + 1;
    ranked.push_back(r);
    ranked_refs.push_back(&cases[order[i]]);
  }
  out.ranking = ranked;
  // Matrix columns: leaves by code (one framework) or shared 二级 names (several).
  if (out.same_framework) {
    for (const auto& r : cases.front().card->indicators)
      if (r.leaf) out.columns.push_back({r.code, r.code + " " + r.name});
  } else {
    for (const auto& name : Common(cases, 2)) out.columns.push_back({name, name});
  }
  for (const auto* ref : ranked_refs) {
    std::vector<std::optional<Rational>> row;
    for (const auto& col : out.columns) {
      if (out.same_framework) {
        const IndicatorResult* r = ref->card->Find(col.key);
        row.push_back(r ? Rate(*r) : std::nullopt);
      } else {
        row.push_back(RateByName(*ref->card, 2, col.key));
      }
    }
    out.matrix.push_back(row);
  }
  // Grade distribution in the first framework's band order, plus any other labels.
  for (const auto& band : cases.front().framework->grades) out.grades.push_back({band.label, 0});
  for (const auto& r : out.ranking) {
    auto it = std::find_if(out.grades.begin(), out.grades.end(),
                           [&](const auto& g) { return g.first == r.grade; });
    if (it == out.grades.end())
      out.grades.push_back({r.grade, 1});
    else
      ++it->second;
  }
  // Most-deducted leaves: by code on one framework, by name otherwise.
  std::map<std::string, Deducted> lost;
  for (const auto& c : cases) {
    for (const auto& r : c.card->indicators) {
      if (!r.leaf || r.Lost().hundredths == 0) continue;
      std::string key = out.same_framework ? r.code : r.name;
      Deducted& d = lost[key];
      d.key = key;
      d.label = out.same_framework ? r.code + " " + r.name : r.name;
      d.points_lost += r.Lost().ToRational();
      ++d.cases;
    }
  }
  for (auto& [key, d] : lost) out.most_deducted.push_back(d);
  std::stable_sort(out.most_deducted.begin(), out.most_deducted.end(),
                   [](const Deducted& a, const Deducted& b) {
                     if (a.points_lost != b.points_lost) return b.points_lost < a.points_lost;
                     return a.key < b.key;
                   });
  // Common problems grouped by the indicators they name.
  for (const auto& c : cases) {
    for (const auto& p : c.c->problems) {
      for (const auto& code : p.indicators) {
        const Indicator* node = c.framework->Find(code);
        std::string label =
            node ? (out.same_framework ? code + " " + node->name : node->name) : code;
        out.problems[label].push_back({c.c->id, p.title});
      }
    }
  }
  // Year over year: the same town and project key across years.
  std::map<std::pair<std::string, std::string>, std::map<std::string, Score>> series;
  for (const auto& c : cases)
    series[{c.c->project.town, ProjectKey(c.c->project)}][c.c->project.year] = c.card->total;
  for (const auto& [key, by_year] : series) {
    if (by_year.size() < 2) continue;
    YearChange y{key.first, key.second, {}};
    for (const auto& [year, total] : by_year) y.totals.push_back({year, total});
    out.years.push_back(y);
  }
  return out;
}

}  // namespace jixiao::compare
