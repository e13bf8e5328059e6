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

std::vector<std::string> AccountRegions(Db& db) {
  std::vector<std::string> names = RegionNames(db);
  if (names.empty()) {
    std::set<std::string> used;
    for (const auto& u : db.Users())
      if (!u.region.empty()) used.insert(u.region);
    names.assign(used.begin(), used.end());
  }
  return names;
}

std::string RegionChoiceProblem(const std::vector<std::string>& allowed,
                                const std::string& region) {
  if (region.empty()) return "请选择所属区域（财政局按区域查看评价）";
  if (allowed.empty() || std::find(allowed.begin(), allowed.end(), region) != allowed.end())
    return "";
  std::string message = "所属区域“" + region + "”尚未登记，财政局将看不到这项评价";
  if (std::string near = NearRegion(allowed, region); !near.empty())
    return message + "：您是否要选“" + near + "”？请从“所属区域”列表中选择";
  return message + "：请从“所属区域”列表中选择；列表中没有的，请管理员先在“区域”页登记";
}

std::string NearRegion(const std::vector<std::string>& allowed, const std::string& region) {
  if (region.empty()) return "";
  for (const auto& name : allowed)
    if (name.find(region) != std::string::npos || region.find(name) != std::string::npos)
      return name;
  return "";
}

std::string AccountRegionProblem(const std::vector<std::string>& allowed,
                                 const std::string& region) {
  if (region.empty() || allowed.empty() ||
      std::find(allowed.begin(), allowed.end(), region) != allowed.end())
    return "";
  const std::string message = "区域“" + region + "”尚未登记（“区域”一栏）";
  if (std::string near = NearRegion(allowed, region); !near.empty())
    return message + "：您是否要选“" + near + "”？请从列表中选择";
  return message + "：请从列表中选择，或先在“区域”页新建";
}

}  // namespace jixiao::web
