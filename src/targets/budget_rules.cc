// Budget rules: targets against the money and quantities behind them (T15, T16, T17), the header
// block (T18) and totals (T25). Budget rows are matched to targets by shared key terms of their
// names (terms.h), not by equality.
#include "core/format.h"
#include "core/text.h"
#include "targets/rules.h"
#include "targets/terms.h"

namespace jixiao::targets {
namespace {

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// A quantity in the unit's base: "3万人次" -> 30000.
Rational BaseQuantity(const Row& r) {
  return StartsWith(r.unit, "万") && r.unit != "万元" ? r.value.number * Rational(10000)
                                                      : r.value.number;
}

void QuantityRule(Context& c) {
  for (const auto& r : c.rows) {
    if (r.kind != Kind::kQuantity || !r.value.numeric || r.unit == "%") continue;
    const BudgetDetail* best = nullptr;
    double best_score = 0;
    for (const auto& line : c.in.budget->budget.rows)
      for (const auto& d : line.details) {
        if (!d.quantity || d.detail.empty()) continue;
        std::string budget_name = d.detail;
        if (!SameThing(r.name, budget_name)) continue;
        double score = Similarity(r.name, budget_name);
        if (score > best_score) best = &d, best_score = score;
      }
    if (!best || !(BaseQuantity(r) < *best->quantity)) continue;
    std::string unit = StartsWith(r.unit, "万") && r.unit != "万元"
                           ? r.unit.substr(std::string("万").size())
                           : r.unit;
    std::string fixed = "≥" + TrimmedDecimal(*best->quantity) + unit;
    c.Add("T15", Severity::kWarning, r,
          "数量目标" + r.value.text + "低于预算“" + best->detail + "”的数量" +
              TrimmedDecimal(*best->quantity) + "（" + c.in.budget->budget.file + "第" +
              std::to_string(best->line) + "行）",
          fixed, {{"指标值", fixed}});
  }
}

void UnitPriceRules(Context& c) {
  if (c.in.budget) {
    for (const auto& line : c.in.budget->budget.rows)
      for (const auto& d : line.details) {
        if (!d.unit_price || !d.quantity) continue;
        Rational product = *d.unit_price * *d.quantity;
        if (product == d.initial.ToYuan()) continue;
        c.issues.push_back({"T16",
                            Severity::kWarning,
                            d.line,
                            d.detail,
                            "预算明细“" + d.detail + "”单价" + TrimmedDecimal(*d.unit_price) +
                                "元×数量" + TrimmedDecimal(*d.quantity) + "=" +
                                GroupThousands(product.ToDecimal(2)) + "元，与预算金额" +
                                FormatYuan(d.initial) + "不符",
                            "核对单价、数量或金额",
                            c.in.budget->budget.file,
                            {}});
      }
  }
  // A unit cost target (元/株) times the matching quantity target (株) against the total. With
  // several unit costs (元/平方米, 元/亩 …) each is a part: their products add up to the total.
  auto total = c.Total();
  if (!total) return;
  struct Part {
    const Row* cost;
    const Row* quantity;
    Rational yuan;
  };
  std::vector<Part> parts;
  size_t cost_rows = 0;
  for (const auto& r : c.rows) {
    if (r.kind == Kind::kCost && !r.placeholder) ++cost_rows;
    if (r.kind != Kind::kCost || !r.value.numeric || r.unit.find('/') == std::string::npos)
      continue;
    std::string money = r.unit.substr(0, r.unit.find('/')),
                per = r.unit.substr(r.unit.find('/') + 1);
    if (per.empty() || (!money.empty() && money != "元" && money != "万元")) continue;
    const Row* quantity = nullptr;
    int matches = 0;
    for (const auto& q : c.rows)
      if (q.kind == Kind::kQuantity && q.value.numeric && q.unit == per) quantity = &q, ++matches;
    if (matches != 1) continue;
    parts.push_back(
        {&r, quantity,
         r.value.number * quantity->value.number * Rational(money == "万元" ? 10000 : 1)});
  }
  if (parts.empty()) return;
  const Rational funds = total->ToYuan();
  if (parts.size() == 1) {
    const Part& p = parts.front();
    if (p.yuan == funds) return;
    c.Add("T16", Severity::kWarning, *p.cost,
          "单位成本" + p.cost->value.text + "×数量" + p.quantity->value.text + "（第" +
              std::to_string(p.quantity->line) + "行）=" + GroupThousands(p.yuan.ToDecimal(2)) +
              "元，与资金" + FormatYuan(*total) + "不符",
          "核对单位成本、数量或资金总额");
    return;
  }
  Rational sum(0);
  std::string terms;
  for (const auto& p : parts) {
    sum = sum + p.yuan;
    terms += (terms.empty() ? "" : "＋") + p.cost->value.text + "×" + p.quantity->value.text;
  }
  // Below the funds is a defect only when no other cost row could make up the rest.
  if (sum == funds || (sum < funds && cost_rows > parts.size())) return;
  c.Add("T16", Severity::kWarning, *parts.front().cost,
        "各项单位成本×数量合计" + terms + "=" + GroupThousands(sum.ToDecimal(2)) + "元，与资金" +
            FormatYuan(*total) + "不符",
        "核对单位成本、数量或资金总额");
}

void TotalCostRule(Context& c) {
  std::optional<Money> total = c.budget_total;
  if (!total) return;
  for (const auto& r : c.rows) {
    if (r.kind != Kind::kCost || !r.value.numeric || (r.unit != "万元" && r.unit != "元")) continue;
    if (!(Has(r.name, "总") || Has(r.name, "项目成本"))) continue;
    Money target{(r.value.number * Rational(r.unit == "万元" ? 1000000 : 100)).RoundScaled(0)};
    if (target == *total) continue;
    std::string fixed = "≤" + WanYuanText(*total);
    c.Add("T17", Severity::kWarning, r,
          "总成本目标" + r.value.text + (r.value.unit.empty() ? r.unit : "") + "与预算合计" +
              FormatWanYuan(*total) + "不符",
          fixed, {{"指标值", fixed}});
  }
}

void ProjectRules(Context& c) {
  if (!c.in.project || !c.in.project->present) return;
  const TargetProject& p = *c.in.project;
  bool no_goal = Trim(p.overall_goal).empty() && Trim(p.annual_goal).empty();
  bool blank_given = (p.overall_goal_given && Trim(p.overall_goal).empty()) ||
                     (p.annual_goal_given && Trim(p.annual_goal).empty());
  // A goal field left blank is for the unit to fill (warning); a header whose form has no goal
  // field at all (湘西's published 目标表, 石嘴山's 批复表) may be the form's layout: advice.
  if (blank_given)
    c.AddTable("T18", Severity::kWarning, "项目信息", "申报表的总目标或年度目标为空",
               "写明总目标与年度目标：做什么、做多少、何时完成、达到什么效果");
  else if (no_goal)
    c.AddTable("T18", Severity::kInfo, "项目信息", "申报表没有绩效目标",
               "写明总目标与年度目标：做什么、做多少、何时完成、达到什么效果");
  if (p.total_funds && p.fiscal_funds) {
    Money parts = *p.fiscal_funds + p.other_funds.value_or(Money{});
    if (parts != *p.total_funds)
      c.AddTable("T18", Severity::kError, "项目信息",
                 "财政资金" + FormatWanYuan(*p.fiscal_funds) +
                     (p.other_funds ? " + 其他资金" + FormatWanYuan(*p.other_funds) : "") +
                     "≠ 项目资金总额" + FormatWanYuan(*p.total_funds),
                 "核对资金构成：项目资金总额应为" + FormatWanYuan(parts));
  }
}

void BudgetTotalRules(Context& c) {
  if (!c.in.budget) return;
  if (c.in.budget->budget_totals && c.budget_total &&
      c.in.budget->budget_totals->initial != *c.budget_total) {
    const BudgetTotals& t = *c.in.budget->budget_totals;
    c.issues.push_back(
        {"T25",
         Severity::kError,
         t.line,
         "合计",
         "预算合计" + FormatYuan(t.initial) + "与各明细之和" + FormatYuan(*c.budget_total) + "不符",
         "核对合计行或明细金额",
         c.in.budget->budget.file,
         {}});
  }
  if (c.budget_total && c.project_total && *c.budget_total != *c.project_total)
    c.AddTable("T25", Severity::kWarning, "项目资金总额",
               "预算明细合计" + FormatWanYuan(*c.budget_total) + "与申报表项目资金总额" +
                   FormatWanYuan(*c.project_total) + "不符",
               "核对预算明细或项目资金总额");
}

}  // namespace

void BudgetRules(Context& c) {
  if (c.in.budget) QuantityRule(c);
  UnitPriceRules(c);
  TotalCostRule(c);
  ProjectRules(c);
  BudgetTotalRules(c);
}

}  // namespace jixiao::targets
