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

// Spreads the scope's total over its applicable leaves in proportion to their weights.
bool Spread(std::vector<Indicator*>& scope, const Case& c, std::map<std::string, Score>& original,
            Diagnostics& diags) {
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
  // new_i = w_i × total / kept, floored; the remaining hundredths go to the largest remainders.
  std::vector<std::pair<int64_t, size_t>> remainders;
  int64_t given = 0;
  for (size_t i = 0; i < applicable.size(); ++i) {
    const int64_t product = applicable[i]->weight.hundredths * total;
    applicable[i]->weight = Score{product / kept};
    given += product / kept;
    remainders.push_back({product % kept, i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (int64_t k = 0; k < total - given; ++k)
    applicable[remainders[static_cast<size_t>(k)].second]->weight.hundredths += 1;
  for (Indicator* leaf : scope)
    if (Marked(c, leaf->code)) leaf->weight = Score{};
  return true;
}

}  // namespace

Framework ApplyNotApplicable(const Framework& fw, const Case& c,
                             std::map<std::string, Score>& original, Diagnostics& diags) {
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
      Spread(scope, c, original, diags);
    }
  } else {
    std::vector<Indicator*> scope;
    for (auto& top : out.indicators) Leaves(top, scope);
    Spread(scope, c, original, diags);
  }
  for (auto& top : out.indicators) SumUp(top);
  return out;
}

}  // namespace jixiao
