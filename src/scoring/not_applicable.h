// Indicators marked 不适用 (finding not_applicable): the framework's weights as the case scores
// them. Contract: pure; the marked leaves get weight 0 and their weight is spread, in hundredths
// by largest remainder, over the applicable leaves of the whole framework ("rescale", 按百分制折算)
// or of their 一级 ("within_level1"); parents are the sums of their children, the total unchanged.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"

namespace jixiao {

// The reweighted framework; `original` receives each marked leaf's declared weight by code.
// A scope with no applicable leaf left is an error at the finding (nothing to spread onto).
Framework ApplyNotApplicable(const Framework& fw, const Case& c,
                             std::map<std::string, Score>& original, Diagnostics& diags);

}  // namespace jixiao
