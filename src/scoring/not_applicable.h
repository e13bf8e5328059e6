// Indicators marked 不适用 (finding not_applicable): the framework's weights as the case scores
// them. Contract: pure; the marked leaves get weight 0 and their weight is spread, in hundredths
// by largest remainder, over the applicable leaves of the whole framework ("rescale", 按百分制折算)
// or of their 一级 ("within_level1"); parents are the sums of their children, the total unchanged.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"

namespace jixiao {

// How the weights were moved, in the words a reader checks (issue 23): for each leaf given weight,
// its sum ("D141 服务档案建档率（5分）不适用，按百分制折算：本指标分值 3 × 100 ÷ 95 = 3.1578…，
// 向下取到0.01分为3.15分，…补0.01分为3.16分") and, per scope, the rule and the remainder.
struct NotApplicableNotes {
  std::map<std::string, std::string> leaves;  // by code
  std::vector<std::string> scopes;            // one sentence per scope that moved weight
};

// The reweighted framework; `original` receives each marked leaf's declared weight by code.
// A scope with no applicable leaf left is an error at the finding (nothing to spread onto).
Framework ApplyNotApplicable(const Framework& fw, const Case& c,
                             std::map<std::string, Score>& original, Diagnostics& diags,
                             NotApplicableNotes* notes = nullptr);

}  // namespace jixiao
