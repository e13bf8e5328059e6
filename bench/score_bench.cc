// Benchmark: generate N synthetic cases, then (1) load + score each from disk and (2) score the
// loaded cases again in memory. Prints cases per second for both, median of several runs.
// Usage: score_bench N [RUNS] [DIR]   (DIR defaults to a fresh folder under /tmp)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "case_generator.h"
#include "scoring/score.h"

using Clock = std::chrono::steady_clock;

static double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

int main(int argc, char** argv) {
  int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::string dir = argc > 3 ? argv[3] : "/tmp/jixiao-bench-cases";
  std::string framework = std::string(JIXIAO_SOURCE_DIR) + "/indicators/national-2020.json";
  std::system(("rm -rf '" + dir + "'").c_str());
  auto paths = jixiao::bench::GenerateCases(dir, framework, count, 20261122u);
  std::vector<double> disk, memory;
  std::vector<jixiao::Evaluation> loaded;
  long long checksum = 0;
  for (int run = 0; run < runs; ++run) {
    loaded.clear();
    jixiao::FrameworkCache cache;
    auto start = Clock::now();
    for (const auto& path : paths) {
      jixiao::Diagnostics diags;
      auto evaluation = jixiao::EvaluateCaseDir(path, diags, &cache);
      if (!evaluation) {
        for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
        return 1;
      }
      loaded.push_back(std::move(*evaluation));
    }
    disk.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    start = Clock::now();
    for (const auto& e : loaded) {
      jixiao::Diagnostics diags;
      checksum += jixiao::ScoreCase(*e.framework, e.c, diags).total.hundredths;
    }
    memory.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::map<std::string, int> grades;
  for (const auto& e : loaded) ++grades[e.card.grade];
  std::printf("cases: %d, runs: %d\n", count, runs);
  std::printf("load + score from disk: median %.3f s, %.0f cases/s\n", Median(disk),
              count / Median(disk));
  std::printf("score in memory:        median %.3f s, %.0f cases/s\n", Median(memory),
              count / Median(memory));
  std::printf("grades:");
  for (const auto& [grade, n] : grades) std::printf(" %s %d", grade.c_str(), n);
  std::printf("  (checksum %lld)\n", checksum);
  return 0;
}
