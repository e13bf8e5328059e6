// Synthetic case directories for benchmarks: N towns × projects scored on national-2020, with
// varied budgets, late transfers, survey rates and findings, so every rule type is exercised.
// Contract: deterministic for a given seed; writes only under `out_dir`; returns the case paths.
#pragma once

#include <string>
#include <vector>

namespace jixiao::bench {

std::vector<std::string> GenerateCases(const std::string& out_dir,
                                       const std::string& framework_path, int count, unsigned seed);

}  // namespace jixiao::bench
