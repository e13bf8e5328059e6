#include "scoring/checks.h"

#include <map>

#include "core/format.h"
#include "scoring/metrics.h"

namespace jixiao {
namespace {

void CheckBudget(const Case& c, Diagnostics& diags) {
  if (!c.budget.present) return;
  const std::string& file = c.budget.file;
  for (const auto& line : c.budget.rows) {
    Location at{file, line.line, 0, "序号" + line.seq};
    Money initial = line.Initial();
    if (initial + line.adjustment != line.adjusted) {
      diags.Error("budget.line_sum", at,
                  "年初预算" + FormatYuan(initial) + " + 调整金额" + FormatYuan(line.adjustment) +
                      " = " + FormatYuan(initial + line.adjustment) + "，与调整后预算" +
                      FormatYuan(line.adjusted) + "不符，请核对该行");
    }
    if (line.actual > line.adjusted) {
      diags.Warning(
          "budget.overspend", at,
          "实际支出" + FormatYuan(line.actual) + "超过调整后预算" + FormatYuan(line.adjusted));
    }
    for (const auto& d : line.details) {
      if (!d.unit_price || !d.quantity) continue;
      Rational product = *d.unit_price * *d.quantity;
      if (product != d.initial.ToYuan()) {
        diags.Warning("budget.price_quantity", {file, d.line, 0, d.detail},
                      "单价 × 数量 = " + GroupThousands(product.ToDecimal(2)) + "元，与年初预算" +
                          FormatYuan(d.initial) + "不符");
      }
    }
  }
  BudgetSums s = SumBudget(c);
  if (s.initial + s.adjustment != s.adjusted) {
    diags.Error("budget.total_sum", {file, 0, 0, ""},
                "全部预算行合计：年初" + FormatYuan(s.initial) + " + 调整" +
                    FormatYuan(s.adjustment) + "与调整后" + FormatYuan(s.adjusted) + "不符");
  }
  if (!c.budget_totals) return;
  const BudgetTotals& t = *c.budget_totals;
  const std::pair<const char*, std::pair<Money, Money>> columns[] = {
      {"年初预算", {t.initial, s.initial}},
      {"调整金额", {t.adjustment, s.adjustment}},
      {"调整后预算", {t.adjusted, s.adjusted}},
      {"实际支出", {t.actual, s.actual}}};
  for (const auto& [name, pair] : columns) {
    if (pair.first != pair.second) {
      diags.Error("budget.total_row", {file, t.line, 0, name},
                  std::string("合计行的") + name + "为" + FormatYuan(pair.first) +
                      "，各预算行之和为" + FormatYuan(pair.second) + "，请核对");
    }
  }
}

void CheckFunding(const Case& c, Diagnostics& diags) {
  if (!c.funding.present) return;
  Money budget, received;
  for (const auto& f : c.funding.rows) {
    budget += f.budget;
    received += f.received;
    if (f.received > f.budget) {
      diags.Warning("funding.over_received", {c.funding.file, f.line, 0, f.source},
                    "到位金额" + FormatYuan(f.received) + "超过预算金额" + FormatYuan(f.budget));
    }
  }
  if (c.budget.present && budget != SumBudget(c).adjusted) {
    diags.Warning("funding.budget_total", {c.funding.file, 0, 0, "预算金额"},
                  "各资金来源预算合计" + FormatYuan(budget) + "与调整后预算" +
                      FormatYuan(SumBudget(c).adjusted) + "不符");
  }
}

// History is usually kept in 万元 to 2 decimals; compare the budget at that precision then.
bool SameAtPrecision(Money history, Money budget) {
  if (history.fen % 1000000 == 0 || history.fen % 10000 != 0) return history == budget;
  return Rational(budget.fen, 10000).RoundScaled(0) * 10000 == history.fen;
}

void CheckHistory(const Case& c, Diagnostics& diags) {
  if (!c.history.present || !c.budget.present || c.project.year.empty()) return;
  BudgetSums s = SumBudget(c);
  for (const auto& h : c.history.rows) {
    std::string year = h.year;
    if (!year.empty() && year.find("年") != std::string::npos)
      year = year.substr(0, year.find("年"));
    if (year != c.project.year) continue;
    const std::pair<const char*, std::pair<Money, Money>> columns[] = {
        {"年初预算", {h.initial, s.initial}},
        {"调整后预算", {h.adjusted, s.adjusted}},
        {"实际支出", {h.actual, s.actual}}};
    for (const auto& [name, pair] : columns) {
      if (!SameAtPrecision(pair.first, pair.second)) {
        diags.Warning("history.current_year", {c.history.file, h.line, 0, name},
                      "评价年度的" + std::string(name) + FormatWanYuan(pair.first) + "与预算表的" +
                          FormatYuan(pair.second) + "不符");
      }
    }
  }
}

void CheckFindings(const Framework& fw, const Case& c, Diagnostics& diags) {
  for (const auto& [code, f] : c.findings) {
    const Indicator* node = fw.Find(code);
    if (!node) {
      diags.Error("finding.unknown_code", f.where,
                  "指标体系“" + fw.id + "”中没有编码为“" + code + "”的指标，请检查编码");
    } else if (!node->IsLeaf()) {
      diags.Error("finding.on_parent", f.where,
                  "“" + code + "”有下级指标；扣分与业绩值请写在末级指标上");
    } else if (f.level && node->rule->type != RuleType::kLevels &&
               !(node->rule->type == RuleType::kTarget && node->rule->national_bands)) {
      // (a qualitative target with national bands takes 达成/部分达成/未达成 as its level)
      diags.Warning("finding.level_ignored", f.where,
                    "指标“" + code + "”不按档次评分，level 将被忽略");
    }
  }
  fw.ForEach([&](const Indicator& node) {
    if (!node.IsLeaf() || node.rule->type != RuleType::kDeduction) return;
    auto it = c.findings.find(node.code);
    if (it == c.findings.end() || !it->second.value) {
      diags.Warning("finding.value_missing",
                    {c.dir + "/case.json", 0, 0, "$.findings." + node.code},
                    "指标“" + node.code + " " + node.name + "”没有业绩值（findings." + node.code +
                        ".value），报告中将显示为空");
    }
  });
  const std::pair<const char*, const std::vector<Observation>*> lists[] = {
      {"experiences", &c.experiences}, {"problems", &c.problems}, {"suggestions", &c.suggestions}};
  for (const auto& [key, list] : lists) {
    for (size_t i = 0; i < list->size(); ++i) {
      for (const auto& code : (*list)[i].indicators) {
        if (fw.Find(code)) continue;
        diags.Error(
            "observation.unknown_code",
            {c.dir + "/case.json", 0, 0, std::string("$.") + key + "[" + std::to_string(i) + "]"},
            "关联的指标编码“" + code + "”不在指标体系中");
      }
    }
  }
}

}  // namespace

void CheckCase(const Framework& fw, const Case& c, Diagnostics& diags) {
  CheckBudget(c, diags);
  CheckFunding(c, diags);
  CheckHistory(c, diags);
  CheckFindings(fw, c, diags);
}

namespace {

// The shortfall a leaf measures: its metric, or "执行率" for every way of naming the execution
// rate (a metric or a target row); "" when none.
std::string ShortfallKey(const Rule& rule) {
  static const char* const kExecution[] = {"预算执行率", "资金执行率",     "支出进度",
                                           "资金支出率", "资金支付完成率", "资金支付率",
                                           "资金拨付率", "支付进度"};
  const std::string& name = rule.type == RuleType::kTarget ? rule.target_name : rule.metric;
  if (name.empty()) return "";
  for (const char* k : kExecution)
    if (name.find(k) != std::string::npos) return "执行率";
  return rule.type == RuleType::kTarget ? "" : name;
}

}  // namespace

void CheckShortfallScoredTwice(const Framework& fw, const Scorecard& card, Diagnostics& diags) {
  std::map<std::string, std::vector<const Indicator*>> by_key;
  fw.ForEach([&](const Indicator& node) {
    if (!node.rule) return;
    const IndicatorResult* r = card.Find(node.code);
    std::string key = ShortfallKey(*node.rule);
    if (r && !key.empty() && r->score < r->weight) by_key[key].push_back(&node);
  });
  for (const auto& [key, leaves] : by_key) {
    if (leaves.size() < 2) continue;
    std::string names;
    for (const Indicator* leaf : leaves) {
      const IndicatorResult* r = card.Find(leaf->code);
      names += (names.empty() ? "" : "、") +
               ("“" + leaf->code + " " + leaf->name + "”扣" + FormatScore(r->weight - r->score));
    }
    diags.Warning("score.shortfall_twice", leaves[1]->rule->where,
                  "同一缺口（" + key + "）被扣分" + std::to_string(leaves.size()) + "次：" + names +
                      "；请确认评分标准是否重复计分（如预算执行率与资金支付完成率）");
  }
}

}  // namespace jixiao
