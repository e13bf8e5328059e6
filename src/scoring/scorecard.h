// The result of scoring one case: every node's score, 业绩值, deductions with reasons, the
// sentences that explain them, the metrics used, and the consistency checks.
// Contract: leaves are rounded half-up to 0.01 once; parents are sums of their rounded children;
// the grade is taken from the rounded total. Indicators are listed in pre-order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"

namespace jixiao {

struct DeductionLine {
  Rational points;                // exact points deducted by this line
  std::optional<Rational> share;  // of the weight, when the criteria speak in shares
  std::string reason;
};

// One input of a leaf's score as the engine read it, for `score --explain`.
struct TrailInput {
  std::string name;    // "预算调整率", "findings.A21.deductions[0]", "transfers.csv 第3行"
  std::string value;   // with its unit: "调增9.02%", "权重的25%（0.75分）"
  std::string source;  // "data/cases/x/budget.csv", "case.json:12:5 $.metrics.满意度"
};

struct IndicatorResult {
  std::string code, name;
  int level = 1;
  int parent = -1;  // index into Scorecard::indicators, -1 for 一级
  bool leaf = false;
  Score weight, score;
  std::string value;  // 业绩值
  std::string rule_type;  // leaves: "deduction", "bands", … (评分标准 text stays in the framework)
  std::vector<DeductionLine> deductions;
  std::string evidence;  // e.g. "预算调整率为9.02%，适用“≤10%”区间（得分值的50%）"
  std::string formula;             // e.g. "得分 = 4 × 50% = 2"
  std::string rule_text;           // leaves: the rule with its parameters, in Chinese
  std::vector<TrailInput> inputs;  // leaves: every input as read
  std::string arithmetic;          // leaves: exact fractions, e.g. "3 − 3/4 = 9/4"
  Rational exact;                  // leaves: the exact score before rounding (after findings)
  std::string sentence;            // "根据评分标准，扣权重的25%，扣0.75分。"
  std::string summary;             // "该指标满分3分，根据评分标准得2.25分。"
  std::optional<std::string> override_reason;
  // 不适用 (finding not_applicable): the declared weight; `weight` is then 0 and the declared
  // weight is spread over other leaves (Framework::not_applicable_within_level1).
  std::optional<Score> not_applicable_weight;
  // Leaves given a 不适用 leaf's weight: how the new weight was computed, with the rounding
  // (scoring/not_applicable.h); empty otherwise.
  std::string weight_note;
  Score Lost() const { return weight - score; }
  // The 扣分说明 every output prints (workbook, report tables, score --explain): each
  // deduction's reason then the sentence; empty when nothing was lost.
  std::string DeductionText() const;
  // 得分率 as a percent value (71.25 for 71.25%); nullopt for a zero weight.
  std::optional<Rational> RatePercent() const;
};

struct ResolvedMetric {
  Rational value;
  std::string unit;
  std::string source;   // where it came from: a file, or the source note typed in case.json
  std::string formula;  // derived metrics only
  bool derived = false;
  Location where;          // entered metrics: case.json line and JSON path
  std::string written;     // entered metrics: as typed in case.json
  std::string arithmetic;  // derived rates: "100 × 129,790.00元 ÷ 1,439,200.00元 = 45091/5000"
};

struct Scorecard {
  std::string case_id, framework_id, framework_title;
  Score total, total_weight;
  std::string grade;
  std::vector<IndicatorResult> indicators;
  std::map<std::string, ResolvedMetric> metrics;
  std::vector<Diagnostic> checks;  // warnings and errors found while scoring
  // 不适用: one sentence per scope that moved weight (which leaves, the rule, the remainder).
  std::vector<std::string> not_applicable_notes;

  const IndicatorResult* Find(const std::string& code) const;
  std::vector<const IndicatorResult*> Categories() const;  // the 一级 nodes
  std::optional<Rational> TotalRatePercent() const;
};

}  // namespace jixiao
