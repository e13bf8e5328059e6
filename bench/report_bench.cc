// Benchmark: renders the example case's report in DOCX, HTML and Markdown RUNS times in memory
// (scoring once) and prints the median per report, per format and for all three together.
// Usage: report_bench [CASE] [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "app/report_files.h"
#include "report/builder.h"

using Clock = std::chrono::steady_clock;

static double MedianMs(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2] * 1000;
}

int main(int argc, char** argv) {
  // build/bench/ is not where the run-time lookup looks: name the source tree (a dev tool).
  setenv("JIXIAO_HOME", JIXIAO_SOURCE_DIR, 0);
  std::string dir = argc > 1 ? argv[1] : std::string(JIXIAO_SOURCE_DIR) + "/data/cases/maqiao-2024";
  int runs = argc > 2 ? std::atoi(argv[2]) : 50;
  jixiao::Diagnostics diags;
  auto evaluation = jixiao::EvaluateCaseDir(dir, diags);
  if (!evaluation) return 1;
  std::string templates = jixiao::report::DefaultTemplateDir();
  for (std::vector<std::string> formats :
       {std::vector<std::string>{"docx", "html", "md"}, {"docx"}, {"html"}, {"md"}}) {
    std::vector<double> times;
    size_t bytes = 0;
    for (int i = 0; i < runs; ++i) {
      auto start = Clock::now();
      auto files = jixiao::RenderReport(*evaluation, formats, templates, diags);
      times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
      bytes = 0;
      for (const auto& f : *files) bytes += f.bytes.size();
    }
    std::string label;
    for (const auto& f : formats) label += (label.empty() ? "" : "+") + f;
    std::printf("%-14s median %.2f ms over %d runs (%zu bytes)\n", label.c_str(), MedianMs(times),
                runs, bytes);
  }
  return 0;
}
