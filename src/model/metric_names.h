// Names of the metrics the engine derives from case tables; a rule may name these or metrics the
// framework declares under "metrics" (entered in the case with a source note).
// Contract: the scoring module derives exactly these names; typing one in case.json is reported.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

struct DerivedMetricInfo {
  const char* name;
  const char* unit;
  const char* needs;       // the case file it comes from
  const char* formula;     // shown as evidence
  const char* terms = "";  // what the formula's words are read from, when not the table's columns
};

const std::vector<DerivedMetricInfo>& DerivedMetrics();
const DerivedMetricInfo* FindDerivedMetric(const std::string& name);

}  // namespace jixiao
