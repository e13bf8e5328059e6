#include "scoring/not_applicable.h"

#include <algorithm>
#include <vector>

#include "core/format.h"

namespace jixiao {
namespace {

void Leaves(Indicator& node, std::vector<Indicator*>& out) {
  if (node.IsLeaf()) {
    out.push_back(&node);
    return;
  }
  for (auto& child : node.children) Leaves(child, out);
}

Score SumUp(Indicator& node) {
  if (node.IsLeaf()) return node.weight;
  Score sum;
  for (auto& child : node.children) sum += SumUp(child);
  node.weight = sum;
  return sum;
}

bool Marked(const Case& c, const std::string& code) {
  auto it = c.findings.find(code);
  return it != c.findings.end() && it->second.not_applicable;
}

// "A11 立项依据充分性（3分）、D141 …（5分）": the marked leaves of a scope with their weights.
std::string MarkedList(const std::vector<Indicator*>& scope, const Case& c) {
  std::string out;
  for (const Indicator* leaf : scope)
    if (Marked(c, leaf->code))
      out += (out.empty() ? "" : "、") + leaf->code + " " + leaf->name + "（" +
             FormatScore(leaf->weight) + "）";
  return out;
}

// Spreads the scope's total over its applicable leaves in proportion to their weights. `how`
// names the scope's rule ("按百分制折算", "在一级指标“…”内按分值比例调剂").
bool Spread(std::vector<Indicator*>& scope, const Case& c, std::map<std::string, Score>& original,
            Diagnostics& diags, const std::string& how, NotApplicableNotes* notes) {
  int64_t total = 0, kept = 0;
  std::vector<Indicator*> applicable;
  for (Indicator* leaf : scope) {
    total += leaf->weight.hundredths;
    if (Marked(c, leaf->code)) {
      original[leaf->code] = leaf->weight;
    } else {
      kept += leaf->weight.hundredths;
      applicable.push_back(leaf);
    }
  }
  if (applicable.size() == scope.size()) return true;
  if (kept == 0) {
    const Indicator* first = scope.front();
    diags.Error("finding.not_applicable", c.findings.at(first->code).where,
                "指标“" + first->code +
                    "”所在范围内的指标都标为不适用，分值无处折算：请至少保留一个适用的指标");
    return false;
  }
  const std::string marked = MarkedList(scope, c);
  // new_i = w_i × total / kept, floored; the remaining hundredths go to the largest remainders.
  std::vector<std::pair<int64_t, size_t>> remainders;
  std::vector<Score> declared;
  int64_t given = 0;
  for (size_t i = 0; i < applicable.size(); ++i) {
    declared.push_back(applicable[i]->weight);
    const int64_t product = applicable[i]->weight.hundredths * total;
    applicable[i]->weight = Score{product / kept};
    given += product / kept;
    remainders.push_back({product % kept, i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  const int64_t spare = total - given;
  std::vector<bool> topped(applicable.size(), false);
  std::vector<int64_t> remainder(applicable.size());
  for (const auto& [rest, i] : remainders) remainder[i] = rest;
  const int64_t last_topped = spare > 0 ? remainders[static_cast<size_t>(spare - 1)].first : -1;
  for (int64_t k = 0; k < spare; ++k) {
    applicable[remainders[static_cast<size_t>(k)].second]->weight.hundredths += 1;
    topped[remainders[static_cast<size_t>(k)].second] = true;
  }
  for (Indicator* leaf : scope)
    if (Marked(c, leaf->code)) leaf->weight = Score{};
  if (!notes) return true;
  const Score whole{total}, left{kept};
  const std::string rule = spare == 0 ? std::string()
                                      : "各指标折算后先向下取到0.01分，合计比" +
                                            FormatScore(whole) + "少" + std::to_string(spare) +
                                            "个0.01分，依次补给舍去尾数最大的指标（尾数相同的，"
                                            "按指标顺序在前的先补）";
  notes->scopes.push_back(marked + "不适用，" + how + "：其余适用指标分值合计" + FormatScore(left) +
                          "，各乘以 " + FormatScoreNumber(whole) + " ÷ " + FormatScoreNumber(left) +
                          (rule.empty() ? "" : "；" + rule) + "，合计仍为" + FormatScore(whole) +
                          "。");
  for (size_t i = 0; i < applicable.size(); ++i) {
    const Rational exact = declared[i].ToRational() * whole.ToRational() / left.ToRational();
    std::string text = marked + "不适用，" + how + "：本指标分值 " +
                       FormatScoreNumber(declared[i]) + " × " + FormatScoreNumber(whole) + " ÷ " +
                       FormatScoreNumber(left) + " = " + FormatExactDecimal(exact);
    if ((exact * Rational(100)).den() != 1) {
      const Score floored{applicable[i]->weight.hundredths - (topped[i] ? 1 : 0)};
      text += "，向下取到0.01分为" + FormatScore(floored);
      if (topped[i])
        text += "；舍去的尾数较大，按最大余数补0.01分，为" + FormatScore(applicable[i]->weight);
      else if (remainder[i] == last_topped)
        text += "（舍去的尾数与补到的指标相同，按指标顺序在后，未补0.01分）";
      else if (spare > 0)
        text += "（舍去的尾数较小，未补0.01分）";
    } else {
      text += "分";
    }
    notes->leaves[applicable[i]->code] = text + "。";
  }
  return true;
}

}  // namespace

Framework ApplyNotApplicable(const Framework& fw, const Case& c,
                             std::map<std::string, Score>& original, Diagnostics& diags,
                             NotApplicableNotes* notes) {
  Framework out = fw;
  bool any = false;
  for (const auto& [code, f] : c.findings) any = any || f.not_applicable;
  if (!any) return out;
  for (const auto& [code, f] : c.findings)
    if (f.not_applicable && (!fw.Find(code) || !fw.Find(code)->IsLeaf()))
      diags.Error("finding.not_applicable", f.where,
                  "“" + code + "”不是末级指标，不能标为不适用：请在其下级指标上标注");
  if (fw.not_applicable_within_level1) {
    for (auto& top : out.indicators) {
      std::vector<Indicator*> scope;
      Leaves(top, scope);
      Spread(scope, c, original, diags,
             "在一级指标“" + top.code + " " + top.name + "”内按分值比例调剂", notes);
    }
  } else {
    std::vector<Indicator*> scope;
    for (auto& top : out.indicators) Leaves(top, scope);
    Spread(
        scope, c, original, diags,
        fw.total.hundredths == 10000 ? "按百分制折算" : "按总分" + FormatScore(fw.total) + "折算",
        notes);
  }
  for (auto& top : out.indicators) SumUp(top);
  return out;
}

}  // namespace jixiao
