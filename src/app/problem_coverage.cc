#include "app/problem_coverage.h"

#include <algorithm>
#include <vector>

#include "core/format.h"

namespace jixiao {

void CheckProblemsCoverLosses(const Evaluation& e, Diagnostics& diags) {
  Score lost, explained;
  std::vector<const IndicatorResult*> unexplained;
  for (const auto& r : e.card.indicators) {
    if (!r.leaf || r.Lost().hundredths <= 0) continue;
    lost = lost + r.Lost();
    bool covered = false;
    for (const auto& problem : e.c.problems)
      for (const auto& code : problem.indicators)
        covered = covered || (!code.empty() && r.code.rfind(code, 0) == 0);
    if (covered)
      explained = explained + r.Lost();
    else
      unexplained.push_back(&r);
  }
  if (lost.hundredths == 0 || unexplained.empty()) return;
  std::stable_sort(unexplained.begin(), unexplained.end(),
                   [](const IndicatorResult* a, const IndicatorResult* b) {
                     return a->Lost().hundredths > b->Lost().hundredths;
                   });
  // A reviewer asks about more than a third of the lost points left unexplained, and about the
  // largest single deduction whatever the share (reader7: 7.74 of 13.68 explained, D11's 2.5 not).
  int64_t largest = 0;
  for (const auto& r : e.card.indicators)
    if (r.leaf) largest = std::max(largest, r.Lost().hundredths);
  bool largest_unexplained = unexplained.front()->Lost().hundredths == largest;
  if (explained.hundredths * 3 >= lost.hundredths * 2 && !largest_unexplained) return;
  std::string names;
  for (const auto* r : unexplained)
    names += (names.empty() ? "" : "、") + r->code + " " + r->name + "（扣" +
             FormatScore(r->Lost()) + "）";
  diags.Warning("case.problems_coverage", {e.c.dir + "/case.json", 0, 0, "$.problems"},
                "存在问题只说明了共扣" + FormatScore(lost) + "中的" + FormatScore(explained) +
                    "，未说明的扣分指标：" + names +
                    "。请在录入工作簿“经验问题建议”表补写这些扣分反映的问题（类别选“问题”，"
                    "“相关指标”填指标编码），或在 case.json 的 problems 中补写并在该问题的 "
                    "indicators 中列出指标编号");
}

}  // namespace jixiao
