// The only place that chains ingest -> scoring (and later report -> render) for one case.
// Contract: returns nullopt when any error was reported to `diags`; on success the evaluation
// holds the framework, the case and a scorecard that passed every error-level check.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/evaluation.h"
#include "scoring/scorecard.h"

namespace jixiao {

// Finds the framework a case names: a path relative to the case directory (ends in .json), or an
// id looked up as ID.json in the case directory, then in indicators/ of the case directory and its
// ancestors, then among the shipped frameworks (casefile/frameworks.h: $JIXIAO_INDICATORS, beside
// the executable, the installed share folder, the source tree).
std::optional<std::string> FindFrameworkFile(const Case& c);

// Frameworks loaded once per batch, keyed by file path. Not thread-safe.
class FrameworkCache {
 public:
  std::shared_ptr<const Framework> Load(const std::string& file, Diagnostics& diags);

 private:
  std::map<std::string, std::shared_ptr<const Framework>> loaded_;
};

// Loads, checks and scores one case directory; pass a cache when scoring many cases.
std::optional<Evaluation> EvaluateCaseDir(const std::string& dir, Diagnostics& diags,
                                          FrameworkCache* cache = nullptr);

// What `validate` does with one path: a framework file (.json), a case directory, or a CSV table.
void ValidatePath(const std::string& path, Diagnostics& diags);

}  // namespace jixiao
