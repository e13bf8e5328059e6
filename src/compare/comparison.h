// Comparison of many scored evaluations for a finance bureau: ranking, 一级 得分率, the
// cases × indicators matrix, grade distribution, the most-deducted indicators, common problems
// grouped by indicator, and year-over-year changes of the same town and project.
// Contract: pure. Ties share a rank (1, 2, 2, 4 — "competition" ranking) and are listed by case
// id. Cases on different frameworks are ranked by total 得分率 and compared on the 一级 and 二级
// names they share, by 得分率.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/money.h"
#include "core/rational.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao::compare {

struct CaseRef {
  const Framework* framework;
  const Case* c;
  const Scorecard* card;
};

// Indicator codes, names and grades, each held once for all cards of a comparison.
class Names {
 public:
  uint32_t Intern(const std::string& s);
  const std::string& operator[](uint32_t id) const { return *strings_[id]; }

 private:
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<const std::string*> strings_;  // the map's keys (nodes never move)
};

// What the comparison reads of one scorecard (an archive holds up to 5,000 of them): per
// indicator a 32-byte row — interned code and name, hundredths — instead of an IndicatorResult
// (504 bytes with its explanations).
struct Row {
  int64_t weight = 0, score = 0;  // hundredths
  uint32_t code = 0, name = 0;    // in Names
  int32_t parent = -1;            // index into CardRows::rows, -1 for 一级
  uint8_t level = 1;
  bool leaf = false;
};
struct CardRows {
  Score total, total_weight;
  uint32_t grade = 0;     // in Names
  std::vector<Row> rows;  // pre-order, as Scorecard::indicators
};
CardRows MakeCardRows(const Scorecard& card, Names& names);

struct LightRef {
  const Framework* framework;
  const Case* c;  // read: id, project (name, year, district, town) and problems
  const CardRows* card;
};

struct RankedCase {
  int rank = 0;
  std::string id, town, project, year, framework, grade;
  Score total, total_weight;
  Rational total_rate;  // percent: total ÷ total weight, what mixed frameworks are ranked by
  std::vector<std::optional<Rational>> category_rates;  // percent, per Comparison::categories
};

struct MatrixColumn {
  std::string key;    // code (one framework) or name (several)
  std::string label;  // "A21 绩效目标合理性" or "项目立项"
};

struct Deducted {
  std::string key, label;
  Rational points_lost;  // summed over cases
  int cases = 0;         // cases that lost points here
};

struct Problem {
  std::string case_id, title;
};

struct YearChange {
  std::string town, project;
  std::vector<std::pair<std::string, Score>> totals;  // year -> total, ascending years
};

// What a comparison of many cases (an archive of 10⁴–10⁵) keeps instead of every row: the
// ranking holds only the first `top` and the last rows; the rest is counted or grouped.
struct GroupRates {
  std::string group;
  int64_t cases = 0;
  std::vector<std::optional<Rational>> rates;  // percent, per Comparison::categories
};
struct YearSummary {
  std::string year;
  int64_t cases = 0;
  Score average;
};
struct Summary {
  int64_t count = 0;        // cases compared
  Score sum;                // of their totals
  size_t top = 0;           // ranking rows [0, top) are the best; the rest the worst, in rank order
  std::string group_label;  // "地区"
  std::vector<GroupRates> groups;  // 一级得分率 by group
  std::map<std::string, int64_t>
      problem_counts;  // indicator label -> problems (examples in problems)
  std::vector<YearSummary> years;
};

struct Comparison {
  bool same_framework = true;
  std::string basis;                    // how cases were compared, for the report
  std::vector<std::string> categories;  // 一级 names compared
  std::vector<RankedCase> ranking;
  std::vector<MatrixColumn> columns;
  std::vector<std::vector<std::optional<Rational>>> matrix;  // [ranking row][column], percent
  std::vector<std::pair<std::string, int>> grades;           // label -> count, in band order
  std::vector<Deducted> most_deducted;                       // descending by points lost
  std::map<std::string, std::vector<Problem>> problems;      // indicator label -> problems
  std::vector<YearChange> years;
  std::optional<Summary> summary;  // set when rows were summarised, not all listed
};

Comparison Compare(const std::vector<CaseRef>& cases);
Comparison Compare(const std::vector<LightRef>& cases, const Names& names);

// "2024年马桥镇医疗救助项目" -> "医疗救助项目": the project without its year and town, for YoY.
std::string ProjectKey(const Project& p);

}  // namespace jixiao::compare
