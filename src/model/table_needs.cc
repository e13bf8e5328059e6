// Which case tables a framework's indicators score from; see the header.
#include "model/table_needs.h"

#include "model/metric_names.h"

namespace jixiao {

std::map<std::string, std::vector<std::string>> TablesNeeded(const Framework& framework) {
  std::map<std::string, std::vector<std::string>> needs;
  framework.ForEach([&](const Indicator& leaf) {
    if (!leaf.IsLeaf() || !leaf.rule) return;
    std::string file;
    if (leaf.rule->type == RuleType::kTimeliness)
      file = "transfers.csv";
    else if (leaf.rule->type == RuleType::kTarget)
      file = "targets.csv";  // the 绩效目标 row's 实际值
    else if (const DerivedMetricInfo* info = FindDerivedMetric(leaf.rule->metric))
      file = info->needs;
    if (!file.empty()) needs[file].push_back(leaf.code + " " + leaf.name);
  });
  return needs;
}

std::string IndicatorList(const std::vector<std::string>& indicators, size_t shown) {
  std::string out;
  for (size_t i = 0; i < indicators.size() && i < shown; ++i)
    out += (out.empty() ? "" : "、") + indicators[i];
  if (indicators.size() > shown) out += "等" + std::to_string(indicators.size()) + "项";
  return out;
}

}  // namespace jixiao
