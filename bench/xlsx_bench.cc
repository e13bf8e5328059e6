// Benchmark: writes the scoring workbook of N generated cases (load + score + build + xlsx bytes
// + file write), sequentially. Prints wall time and the median per workbook; run it under
// `/usr/bin/time -v` for peak memory. Usage: xlsx_bench [N] [DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "app/report_files.h"
#include "case_generator.h"
#include "report/builder.h"

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  // build/bench/ is not where the run-time lookup looks: name the source tree (a dev tool).
  setenv("JIXIAO_HOME", JIXIAO_SOURCE_DIR, 0);
  int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  std::string dir = argc > 2 ? argv[2] : "/tmp/jixiao-xlsx-bench";
  std::system(("rm -rf '" + dir + "'").c_str());
  auto paths = jixiao::bench::GenerateCases(
      dir + "/cases", std::string(JIXIAO_SOURCE_DIR) + "/indicators/national-2020.json", count, 7u);
  std::system(("mkdir -p '" + dir + "/out'").c_str());
  jixiao::FrameworkCache cache;
  std::vector<double> each;
  auto start = Clock::now();
  size_t bytes = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    auto t0 = Clock::now();
    jixiao::Diagnostics diags;
    auto evaluation = jixiao::EvaluateCaseDir(paths[i], diags, &cache);
    if (!evaluation) return 1;
    auto files =
        jixiao::RenderReport(*evaluation, {"xlsx"}, jixiao::report::DefaultTemplateDir(), diags);
    if (!files) return 1;
    std::ofstream(dir + "/out/scoring-" + std::to_string(i) + ".xlsx", std::ios::binary)
        << files->front().bytes;
    bytes += files->front().bytes.size();
    each.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  double wall = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(each.begin(), each.end());
  std::printf("%d workbooks in %.2f s (%.0f per second), median %.2f ms each, %zu KB written\n",
              count, wall, count / wall, each[each.size() / 2] * 1000, bytes / 1024);
  return 0;
}
