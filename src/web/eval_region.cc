#include "web/eval_region.h"

#include <algorithm>
#include <set>

#include "web/uploads.h"

namespace jixiao::web {

std::vector<std::string> EvaluationRegions(Db& db) {
  std::set<std::string> names;
  for (const auto& n : RegionNames(db)) names.insert(n);
  for (const auto& u : db.Users())
    if (!u.region.empty()) names.insert(u.region);
  return {names.begin(), names.end()};
}

std::string RegionChoiceProblem(const std::vector<std::string>& allowed,
                                const std::string& region) {
  if (region.empty()) return "请选择所属区域（财政局按区域查看评价）";
  if (allowed.empty() || std::find(allowed.begin(), allowed.end(), region) != allowed.end())
    return "";
  std::string message = "所属区域“" + region + "”尚未登记，财政局将看不到这项评价";
  // A near miss: a registered name that contains what was typed (阆中市 in 南充市阆中市).
  for (const auto& name : allowed)
    if (name.find(region) != std::string::npos || region.find(name) != std::string::npos)
      return message + "：您是否要选“" + name + "”？请从“所属区域”列表中选择";
  return message + "：请从“所属区域”列表中选择；列表中没有的，请管理员先在“区域”页登记";
}

}  // namespace jixiao::web
