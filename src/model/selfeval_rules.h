// The scoring rules of a 自评表 as data (indicators/selfeval-*.json, docs/selfeval.md): budget
// points and formula, how row weights are set (category split, goal blocks, a 权重 column or the
// printed 分值), quantitative / qualitative / satisfaction rules, 不适用 rescaling, rounding and
// grade bands with synonyms. Contract: plain data, loaded by ingest/selfeval_rules_loader.h,
// read by scoring/selfeval_*; shares and percents are exact (4/5 for 80%).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rational.h"

namespace jixiao {

// How a computed score is rounded before it is compared with the printed one.
enum class SelfEvalRounding { kExact, kHundredth, kTenth, kWholeDown };
const char* SelfEvalRoundingName(SelfEvalRounding r);  // "exact", "0.01", "0.1", "whole_down"
Rational ApplyRounding(const Rational& value, SelfEvalRounding r);
// The largest gap between a printed figure and the exact one that rounding explains.
Rational RoundingTolerance(SelfEvalRounding r);

// A 其中 row by 资金来源 a blank form prints (当年财政拨款 …); with `points` it is scored on its
// own: the block's 得分 = Σ min(source 执行率, 100%) × points (the points add up to the block's).
struct SelfEvalSourceRule {
  std::string name;
  std::vector<std::string> synonyms;
  std::optional<Rational> points;
};

struct SelfEvalBudgetRule {
  Rational points = 10;        // 分值 of the budget block; 0: the budget is not scored
  bool cap = true;             // "最高不得超过分值上限"
  Rational reason_below = 90;  // 执行率 (percent) under which a 偏差原因 is required; 0: none
  std::string money_unit = "万元";  // default unit of budget amounts when a header declares none
  bool adjustment_reason = false;  // 四川: 全年预算数 ≠ 年初预算数 needs a 偏差原因
  std::vector<SelfEvalSourceRule> sources;  // the 其中 rows, in print order; may be empty
  bool SourcesScored() const { return !sources.empty() && sources.front().points.has_value(); }
};

// How each row gets its weight.
enum class SelfEvalWeightMode {
  kPrinted,       // the 分值 column as printed (national)
  kWeightColumn,  // a 权重 column, read as points of `rows_total` (四川 2023)
  kCategories,    // each 一级 category's points split equally over its scored rows
  kGoalBlocks,    // `rows_total` (or each goal block's points) split equally over its rows (湖北)
};

struct SelfEvalCategory {  // 产出指标 50 …
  std::string name;
  std::vector<std::string> synonyms;  // 产出 …
  Rational points;
};

struct SelfEvalBand {  // a qualitative level: 达成 = [80%, 100%] of the weight
  std::string level;
  std::vector<std::string> synonyms;
  Rational min_share, max_share;
};

enum class SatisfactionMode {
  kMetFull,          // met = full, else the quantitative rule
  kRateTimesWeight,  // rate (%) × weight, capped
  kStepDeduct,       // full at the target; each `step` percent below deducts `deduct` points
};

struct SelfEvalSatisfaction {
  SatisfactionMode mode = SatisfactionMode::kMetFull;
  std::vector<std::string> keywords = {"满意度"};  // 二级 or 三级 containing one: a survey row
  Rational step = 5;
  Rational deduct = 1;
};

struct SelfEvalGrade {
  std::string name;                   // 优
  std::vector<std::string> synonyms;  // 优秀
  Rational min;                       // half-open: [min, next min)
};

struct SelfEvalRules {
  std::string id, title, file;
  std::string name;  // short Chinese name shown in reports (全国通用自评规则); the title when unset
  std::vector<std::string> basis;
  SelfEvalBudgetRule budget;
  SelfEvalWeightMode weight_mode = SelfEvalWeightMode::kPrinted;
  Rational rows_total = 90;                   // points shared by the rows (100 − budget points)
  std::vector<SelfEvalCategory> categories;   // kCategories; also checked under kPrinted
  std::vector<SelfEvalCategory> goal_blocks;  // kGoalBlocks: 目标1 40, 目标2 40 (optional)
  bool cap_quantitative = true;               // "得分不得突破权重总额"
  std::vector<SelfEvalBand> bands;            // qualitative rows, best level first
  SelfEvalSatisfaction satisfaction;
  bool rescale_not_applicable = true;  // "按百分制折算"
  SelfEvalRounding rounding = SelfEvalRounding::kHundredth;
  std::vector<SelfEvalGrade> grades;  // best first
  std::vector<std::string> execution_row_keywords = {"预算执行率", "资金执行率", "支出进度",
                                                     "资金支出率", "资金拨付率"};
  bool bare_value_is_ge = true;  // a bare 指标值 is read as ≥ (and always warned)
};

// The name a reader sees: `name`, else `title`, else `id`.
const std::string& SelfEvalRulesName(const SelfEvalRules& rules);

// The grade of `total` under `rules`, and whether a printed label names it ("良好" for 良).
const SelfEvalGrade* GradeOf(const SelfEvalRules& rules, const Rational& total);
bool GradeMatches(const SelfEvalGrade& grade, const std::string& printed);
// The band a printed qualitative level names, or nullptr.
const SelfEvalBand* FindBand(const SelfEvalRules& rules, const std::string& level);

}  // namespace jixiao
