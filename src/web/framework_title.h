// The title of a framework `jixiao new --targets` derived from a unit's 绩效目标表 for one
// evaluation (id "<case>-framework", kept as <case>/<case>-framework.json in that evaluation's
// folder), so the bureau's ranking note names it as stored, not as 未登记的指标体系.
// Contract: the id is checked (24 lowercase hex digits, then -framework) before any path is made.
#pragma once

#include <functional>
#include <string>

namespace jixiao::web {

// "" when the id is not such a framework or its file cannot be read.
std::string DerivedFrameworkTitle(const std::string& framework_id,
                                  const std::function<std::string(const std::string&)>& case_dir);

}  // namespace jixiao::web
