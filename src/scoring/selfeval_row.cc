// One 自评表 row: quantitative, qualitative and satisfaction rules, and the row's 复核 findings.
#include <algorithm>
#include <optional>

#include "core/format.h"
#include "core/quantity.h"
#include "core/text.h"
#include "scoring/selfeval_internal.h"

namespace jixiao::selfeval_internal {
namespace {

bool Blank(const std::string& reason) {
  std::string t = Trim(NormalizeWidth(reason));
  return t.empty() || t == "无" || t == "/" || t == "-" || t == "—" || t == "——";
}

bool IsSatisfaction(const SelfEvalRow& row, const SelfEvalRules& rules) {
  for (const auto& k : rules.satisfaction.keywords)
    if (row.level2.text.find(k) != std::string::npos ||
        row.level3.text.find(k) != std::string::npos ||
        row.level1.text.find(k) != std::string::npos)
      return true;
  return false;
}

// "≥266米" in the 实际完成值: a comparator is a target, not an actual; or the same text.
bool RepeatsTarget(const SelfEvalRow& row) {
  std::string a = Trim(NormalizeWidth(row.actual.text));
  if (a.empty()) return false;
  if (a == Trim(NormalizeWidth(row.target.text)) && row.parsed_target.value.comparator_written)
    return true;
  for (const char* op : {"≥", "≤", "≧", "≦", ">", "<", "═", "不低于", "不少于", "不高于", "不超过"})
    if (StartsWith(a, op)) return true;
  return false;
}

std::string Quote(const std::string& s) { return "“" + s + "”"; }

// An example 实际完成值 of the row's own kind (issue 21: never “280米” on a percentage row): the
// target's figure and unit as written, without its comparator (“≥95%” → “95%”).
std::string ActualExample(const SelfEvalRow& row) {
  std::string figure = Trim(NormalizeWidth(NormalizeComparatorWords(row.target.text)));
  for (bool cut = true; cut;) {
    cut = false;
    for (const char* op : {"≥", "≤", ">", "<", "="})
      if (StartsWith(figure, op)) {
        figure = Trim(figure.substr(std::string(op).size()));
        cut = true;
      }
  }
  if (row.parsed_target.value.quantitative && IsStrictComparator(row.parsed_target.value.op))
    return "请填写实际达到的数值（指标值为" + Quote(row.target.text) + "，等于" + figure +
           "不算达成）";
  return row.parsed_target.value.quantitative && !figure.empty()
             ? "请填写实际达到的数值（如 " + figure + "）"
             : "请填写实际达到的数值或情况";
}

// A row's amount in 元: a bare figure is taken in the budget's own unit; other units are no amount.
std::optional<Rational> AsYuan(const Rational& number, const std::string& unit,
                               const std::string& budget_unit) {
  const std::string& u = unit.empty() ? budget_unit : unit;
  if (u == "元") return number;
  if (u == "万元") return number * Rational(10000);
  return std::nullopt;
}

// A money row restating the budget block (廊坊 2019: “工程资金金额 43.2 → 37.24” beside 43.2
// / 37.24万元): its target is the 全年预算数 and its actual the 全年执行数 while something went
// unspent, so one shortfall costs points twice. A cost row is a ceiling (spending less meets it)
// and is not this.
bool RestatesBudgetShortfall(const SelfEvalRow& row, const SelfEvalBudget& b) {
  if (!b.full_year.value || !b.executed.value || !(*b.executed.value < *b.full_year.value))
    return false;
  const TargetValue& t = row.parsed_target.value;
  const TargetValue& a = row.parsed_actual;
  if (!t.quantitative || !a.quantitative || row.parsed_target.cost_ceiling ||
      t.op == CompareOp::kLe || t.op == CompareOp::kLt ||
      row.level2.text.find("成本") != std::string::npos)
    return false;
  auto target = AsYuan(t.number, t.unit, b.money_unit);
  auto actual = AsYuan(a.number, a.unit.empty() ? t.unit : a.unit, b.money_unit);
  return target && actual && *target == b.full_year.value->ToYuan() &&
         *actual == b.executed.value->ToYuan();
}

}  // namespace

void ScoreRow(const SelfEvalRow& row, const SelfEvalRules& rules, const SelfEvalBudget* budget,
              SelfEvalRowResult& out) {
  auto& f = out.findings;
  const Location& at = row.score.where;
  const std::string name = Quote(row.level3.text);
  const TargetValue& target = row.parsed_target.value;
  bool twice = false;
  for (const auto& k : rules.execution_row_keywords)
    twice = twice || (budget && row.level3.text.find(k) != std::string::npos);
  if (twice)
    Add(f, Severity::kWarning, "selfeval.execution_scored_twice", row.level3.where,
        "指标" + name +
            "与预算执行率计分块重复计分（同一执行率计了两次分）；请删去此行或改为其他产出指标");
  else if (budget && RestatesBudgetShortfall(row, *budget))
    Add(f, Severity::kWarning, "selfeval.execution_scored_twice", row.level3.where,
        "指标" + name + "的指标值和实际完成值就是预算块的全年预算数" +
            FormatBudgetMoney(*budget, *budget->full_year.value) + "和全年执行数" +
            FormatBudgetMoney(*budget, *budget->executed.value) +
            "：同一笔未执行的资金在预算执行率和本行各扣一次分；请删去此行或改为其他产出指标");
  if (row.parsed_target.bare_read_as_ge) {
    // A bare 100% reads the same as ≥ or = unless the actual exceeds 100%; an actual equal to the
    // target is met under ≥, ≤ and = alike (廊坊 2019: “100 / 100”). Either is a hint, not a
    // warning.
    bool full_rate = target.unit == "%" && target.number == Rational(100);
    const TargetValue& a = row.parsed_actual;
    bool equal = target.quantitative && a.quantitative && a.number == target.number &&
                 (a.unit.empty() || a.unit == target.unit);
    Add(f, full_rate || equal ? Severity::kInfo : Severity::kWarning, "selfeval.bare_target",
        row.target.where,
        "指标值" + Quote(row.target.text) + "未写比较符，按“≥" + row.target.text + "”读取" +
            (equal       ? "（实际与指标值相等，按≥、≤或=读取结论相同）"
             : full_rate ? "（与“=100%”结论相同，除非实际超过100%）"
                         : "") +
            "；请写明 ≥、≤ 或 =");
  }
  if (row.parsed_target.cost_ceiling)  // the same reading as the case's targets.csv (casefile)
    Add(f, Severity::kInfo, "selfeval.cost_ceiling", row.target.where,
        "成本指标" + name + "的指标值" + Quote(row.target.text) +
            "未写比较符：成本指标是上限，按“≤" + NormalizeComparatorWords(row.target.text) +
            "”读取，实际不超过即达成；如本意是恰好等于，请写“=" +
            NormalizeComparatorWords(row.target.text) + "”");
  if (!target.error.empty())
    Add(f, Severity::kWarning, "selfeval.target_unreadable", row.target.where,
        "指标值" + Quote(row.target.text) + "无法精确读取：" + target.error);
  if (!out.weight) return;
  const Rational w = *out.weight;
  if (out.claimed && *out.claimed > w)
    Add(f, Severity::kError, "selfeval.score_over_weight", at,
        "得分" + Points(*out.claimed) + "超过分值" + Points(w) + "；得分不得突破分值");
  if (!out.claimed && row.score.error.empty())
    Add(f, Severity::kWarning, "selfeval.score_missing", at, "指标" + name + "未填得分");
  const bool full = out.claimed && *out.claimed >= w;
  const bool no_reason = Blank(row.reason.text);
  if (Trim(row.actual.text).empty()) {
    out.computed = Rational(0);
    out.how = "实际完成值为空，不能认定完成，按0分计";
    if (full)
      Add(f, Severity::kError, "selfeval.full_marks_blank_actual", row.actual.where,
          "实际完成值为空却得满分" + Points(*out.claimed) +
              (row.target.blank() ? "（指标值也为空）" : "") + "；请填写实际完成值，按规则计算为" +
              Points(0));
    else
      Add(f, Severity::kWarning, "selfeval.actual_blank", row.actual.where,
          "指标" + name + "未填实际完成值；请填写全年实际完成的数值或情况");
    return;
  }
  if (row.target.blank()) {
    Add(f, full ? Severity::kError : Severity::kWarning, "selfeval.target_blank", row.target.where,
        "指标" + name + "没有年度指标值" + (full ? "却得满分" + Points(*out.claimed) : "") +
            "，无从判断是否完成；请补填指标值");
    out.computed = out.claimed;
    out.how = "无指标值，按打印得分计";
    return;
  }
  if (RepeatsTarget(row))
    Add(f, full ? Severity::kError : Severity::kWarning, "selfeval.actual_repeats_target",
        row.actual.where,
        "实际完成值" + Quote(row.actual.text) + "照抄了指标值" + Quote(row.target.text) +
            (full ? "却得满分" : "") + "；" + ActualExample(row));
  std::string actual_text = NormalizeComparatorWords(row.actual.text);
  for (const char* op : {"≥", "≤", ">", "<", "="})
    if (StartsWith(actual_text, op)) actual_text = Trim(actual_text.substr(std::string(op).size()));
  if (target.quantitative && !row.target_unit.blank()) {
    TargetValue bare = TargetValue::Parse(actual_text);
    if (bare.quantitative && bare.unit.empty()) actual_text += row.target_unit.text;
  }
  ActualReading reading = ReadActual(target, actual_text);
  if (!reading.attainment) {
    out.computed = out.claimed && *out.claimed <= w ? out.claimed : std::optional<Rational>(w);
    out.how = "无法判断是否完成，按打印得分计";
    bool units = reading.error.find("单位不一致") != std::string::npos;
    Add(f, units ? Severity::kError : Severity::kInfo,
        units ? "selfeval.unit_mismatch" : "selfeval.actual_unjudged", row.actual.where,
        reading.error + (units ? "；请按指标值的单位填写实际完成值" : ""));
    return;
  }
  const Attainment a = *reading.attainment;
  Rational exact = w;
  bool banded = false;
  Rational lo = w, hi = w;
  if (target.quantitative) {
    const Rational& A = target.number;
    const Rational& B = reading.number;
    if (a == Attainment::kMet) {
      out.how = "已达成，得满分";
    } else if (IsSatisfaction(row, rules) && target.unit == "%" &&
               rules.satisfaction.mode != SatisfactionMode::kMetFull) {
      if (rules.satisfaction.mode == SatisfactionMode::kRateTimesWeight) {
        exact = Min(B / Rational(100), Rational(1)) * w;
        out.how = "满意度×分值 = " + FormatPercent(B) + "×" + TrimmedDecimal(w);
      } else {
        Rational steps = (A - B) / rules.satisfaction.step;
        exact = Max(w - steps * rules.satisfaction.deduct, Rational(0));
        out.how = "每降" + TrimmedDecimal(rules.satisfaction.step) + "%扣" +
                  TrimmedDecimal(rules.satisfaction.deduct) + "分：低" + TrimmedDecimal(A - B) +
                  "个百分点";
      }
    } else {
      bool lower = target.op == CompareOp::kLe || target.op == CompareOp::kLt ||
                   (target.op == CompareOp::kEq && B > A);
      if (lower) {
        exact = B.IsZero() ? w : A / B * w;
        out.how = "目标/实际×分值 = " + A.ToString() + "/" + B.ToString() + "×" + TrimmedDecimal(w);
      } else {
        exact = A.IsZero() ? Rational(0) : B / A * w;
        out.how = "实际/目标×分值 = " + B.ToString() + "/" + A.ToString() + "×" + TrimmedDecimal(w);
      }
      if (exact.IsNegative()) exact = 0;
      if (rules.cap_quantitative) exact = Min(exact, w);
      const Rational step = rules.rounding == SelfEvalRounding::kWholeDown ? Rational(1)
                            : rules.rounding == SelfEvalRounding::kTenth   ? Rational(1, 10)
                                                                           : Rational(1, 100);
      const Rational capped = CapMissedStrict(target, exact, w, step);
      if (capped < exact) {
        exact = capped;
        out.how += "；“" + std::string(CompareOpSymbol(target.op)) +
                   "”不含界限值，未达成不得满分，按" + Points(capped) + "计";
      }
    }
  } else {  // qualitative: the band of the attainment; the evaluator's score inside it stands
    size_t i = a == Attainment::kMet ? 0 : a == Attainment::kPartly ? 1 : 2;
    if (!rules.bands.empty()) {
      i = std::min(i, rules.bands.size() - 1);
      if (!row.level.blank()) {  // the level the evaluator chose, when the form prints one
        const SelfEvalBand* chosen = FindBand(rules, row.level.text);
        size_t at_level = chosen ? static_cast<size_t>(chosen - rules.bands.data()) : i;
        if (!chosen)
          Add(f, Severity::kWarning, "selfeval.level_unknown", row.level.where,
              "完成程度" + Quote(row.level.text) + "不是规则（" + rules.id + "）中的档次");
        else if (at_level < i)
          Add(f, Severity::kError, "selfeval.level_above_actual", row.level.where,
              "完成程度选了" + Quote(row.level.text) + "，但实际完成值" + Quote(row.actual.text) +
                  "只够“" + rules.bands[i].level + "”档");
        i = std::max(i, at_level);  // never above what the actual supports
      }
      const SelfEvalBand& band = rules.bands[i];
      lo = band.min_share * w, hi = band.max_share * w;
      banded = true;
      exact = out.claimed ? Max(lo, Min(*out.claimed, hi)) : hi;
      out.how =
          reading.how + "，属“" + band.level + "”档（" + Points(lo) + "～" + Points(hi) + "）";
    }
  }
  out.computed = ApplyRounding(exact, rules.rounding);
  if (a != Attainment::kMet && no_reason)
    Add(f, Severity::kWarning, "selfeval.missed_no_reason", row.reason.where,
        "指标" + name + (a == Attainment::kPartly ? "仅部分达成" : "未达成") + "（指标值" +
            Quote(row.target.text) + "，实际" + Quote(row.actual.text) +
            "），偏差原因为空；请写明原因和改进措施");
  if (!out.claimed) return;
  const Rational c = *out.claimed;
  const bool agrees = banded ? (c >= lo && c <= hi) : ScoreAgrees(c, exact, rules.rounding);
  if (agrees) {
    if (a == Attainment::kMet && c < w && no_reason)
      Add(f, banded ? Severity::kInfo : Severity::kWarning, "selfeval.lost_marks_no_reason", at,
          "指标" + name + "已达成（实际" + Quote(row.actual.text) + "），得分" + Points(c) +
              "低于分值" + Points(w) + "，未说明扣分原因；请补写原因或给满分");
    return;
  }
  std::string both =
      "打印得分" + Points(c) + "，按规则计算为" + Points(*out.computed) + "（" + out.how + "）";
  if (c > exact) {
    if (full && a != Attainment::kMet)
      Add(f, Severity::kError, "selfeval.full_marks_missed", at,
          std::string(a == Attainment::kPartly ? "指标仅部分达成" : "指标未达成") + "（指标值" +
              Quote(row.target.text) + "，实际" + Quote(row.actual.text) + "）却得满分；" + both);
    else
      Add(f, Severity::kError, "selfeval.score_above_rule", at, "得分高于规则：" + both);
  } else if (a == Attainment::kMet && no_reason) {
    Add(f, Severity::kWarning, "selfeval.lost_marks_no_reason", at,
        "指标" + name + "已达成（实际" + Quote(row.actual.text) + "）却扣分且未说明原因：" + both);
  } else {
    Add(f, a == Attainment::kMet ? Severity::kInfo : Severity::kWarning,
        "selfeval.score_below_rule", at, "得分低于规则（自评偏低）：" + both);
  }
}

}  // namespace jixiao::selfeval_internal
