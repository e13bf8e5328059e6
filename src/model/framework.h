// The indicator framework (指标体系): a tree of up to four levels whose leaves carry scoring rules
// as data, and the grade bands. Plain structs, no I/O.
// Contract (enforced by ValidateFramework): codes unique, children's weights sum exactly to the
// parent's, root sum equals `total`, every leaf has a rule, grade bands strictly descend to 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/amount.h"
#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"

namespace jixiao {

enum class RuleType {
  kDeduction,
  kLevels,
  kElements,
  kRatio,
  kBands,
  kLinear,
  kTarget,
  kTimeliness
};
const char* RuleTypeName(RuleType type);  // "deduction", "levels", ...

enum class Direction { kHigher, kLower };
enum class CompareOp { kGe, kGt, kLe, kLt, kEq, kDefault };
const char* CompareOpSymbol(CompareOp op);  // "≥", ">", "≤", "<", "=", ""
bool Compare(const Rational& actual, CompareOp op, const Rational& value);

enum class StepMode { kExact, kStarted, kCompleted };

struct LevelOption {
  std::string label;
  Rational fraction;  // share of the weight awarded
};

struct ElementItem {
  std::string text;
  Rational points;  // resolved: fraction × weight, or the amount `points` for this weight
};

struct Band {
  CompareOp op = CompareOp::kDefault;
  Rational value;
  Rational fraction;
};

struct Rule {
  RuleType type = RuleType::kDeduction;
  Location where;                     // the rule object in the framework file
  std::string metric;                 // ratio, bands, linear
  std::optional<bool> absolute;       // bands/linear/ratio: compare |metric|; unset = default
  std::vector<LevelOption> levels;    // levels
  std::vector<ElementItem> elements;  // elements
  Rational target;                    // ratio
  Direction direction = Direction::kHigher;  // ratio, linear
  std::vector<Band> bands;                   // bands
  Rational full_at, per;                     // linear
  Amount deduct;                             // linear: per `per` units short
  StepMode steps = StepMode::kExact;         // linear
  std::string target_name;                   // target: row 三级 name in targets.csv
  std::string source;                        // timeliness: "transfers"
  std::optional<Amount> per_item, per_day;   // timeliness
  std::optional<Rational> partly;            // target: share awarded for 基本… (declared)
  // target: "bands": "national" — qualitative 达成 [80%,100%], 部分达成 [50%,80%), 未达成
  // [0,50%) (项目支出绩效评价管理办法); the evaluator may pick the level and share (finding).
  bool national_bands = false;
};

struct Indicator {
  std::string code;
  std::string name;
  Score weight;
  int level = 1;             // 1..4
  std::string explanation;   // 指标解释
  std::string criteria;      // 评分标准, shown verbatim
  std::optional<Rule> rule;  // leaves only
  std::vector<Indicator> children;
  Location where;
  bool IsLeaf() const { return children.empty(); }
};

struct GradeBand {
  std::string label;
  Score min;
};

struct DeclaredMetric {  // a metric the case must enter, with its unit
  std::string name;
  std::string unit;
  std::string description;
  Location where;
  bool is_signed = false;  // "signed": true — a rule on it must state `absolute`
};

struct Framework {
  std::string id;
  std::string title;
  std::vector<std::string> basis;
  Score total;
  std::vector<GradeBand> grades;        // strictly descending by min, last min 0
  std::vector<DeclaredMetric> metrics;  // entered metrics the rules may name
  std::vector<Indicator> indicators;
  std::string file;
  // "rounding": "whole_down" — each leaf's score is its exact score rounded down to whole points
  // (forms that print 8 for 8.04); default "0.01": half-up to hundredths.
  bool whole_points_down = false;
  // "not_applicable": how a leaf marked 不适用 (finding not_applicable) is scored: "rescale"
  // (default, 按百分制折算 — its weight spread over every applicable leaf) or "within_level1"
  // (spread over the applicable leaves of its 一级). Weights are redistributed in hundredths.
  bool not_applicable_within_level1 = false;

  const Indicator* Find(const std::string& code) const;
  const DeclaredMetric* FindMetric(const std::string& name) const;
  // Pre-order walk over every node.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const auto& top : indicators) Walk(top, fn);
  }
  // Grade for an already rounded total (intervals are half-open: [min, next min)).
  std::string GradeFor(Score total) const;

 private:
  template <typename Fn>
  static void Walk(const Indicator& node, Fn& fn) {
    fn(node);
    for (const auto& child : node.children) Walk(child, fn);
  }
};

// Structural checks that need no case data; problems go to `diags` located in the framework file.
void ValidateFramework(const Framework& framework, Diagnostics& diags);

}  // namespace jixiao
