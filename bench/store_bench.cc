// Benchmark for issue 20: loads N evaluations into a store (SQLite file or PostgreSQL URL) in
// batches of 1,000 (multi-row INSERTs of 200), as `archive add` writes them (indexed results,
// indicator rows, scorecard payload), then times one filtered ranking query (a year and a region,
// about N/52 rows) as serve would run it. The N evaluations are 40 generated, scored cases repeated
// over 4 years, 13 regions and 50 towns under new ids. With a third argument `selfeval` it then
// loads N 自评表 documents (kind selfeval: claimed and computed totals, 8 indicator rows, a small
// payload) the same way and times the 复核 gap list (largest |自评分 − 复核分| first: the worst 100
// of all, and all of one year and region). Usage: store_bench LOCATION N [selfeval]   (LOCATION
// must be a new, empty store). `store_bench LOCATION N views` times only the dashboard view (and
// each of its queries) on a store loaded before with selfeval.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/archive_store.h"
#include "app/pipeline.h"
#include "case_generator.h"
#include "scorecard_io/scorecard_json.h"

using Clock = std::chrono::steady_clock;

// This process's CPU time (user + system), in ms: on SQLite all of a query's work, on PostgreSQL
// only the client's (the server's is its own process).
static double CpuMs() {
  rusage r{};
  getrusage(RUSAGE_SELF, &r);
  return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
         (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

static void Print(const jixiao::Diagnostics& diags) {
  for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
}

// The bureau's dashboard page as one view (see its comment inside), timed.
static void Dashboard(jixiao::store::Store& store, bool with_selfeval, jixiao::Diagnostics& diags) {
  auto* db = &store;
  // The bureau's dashboard page as one view: the ranking of a year and region (the first 50
  // rows), the 一级 rates by region for the year (the 一级 matrix), the year's grade counts and,
  // with the self-evaluations, the 复核 gap list's worst 50. 20 views; p50 and p95 of the view and
  // of each of its queries.
  std::vector<double> times;
  size_t cells = 0;
  jixiao::store::DocumentFilter f;
  f.kind = "evaluation";
  f.year = "2023";
  f.region = "区03";
  f.order = jixiao::store::DocumentFilter::Order::kTotalDesc;
  const char* kParts[] = {"ranking 50", "一级 by region", "grade counts", "gap list 50"};
  std::vector<double> part_times[4], cpu_times;
  for (int run = 0; run < 20; ++run) {
    double cpu = CpuMs();
    auto t = Clock::now(), mark = t;
    auto lap = [&](int part) {
      auto now = Clock::now();
      part_times[part].push_back(std::chrono::duration<double, std::milli>(now - mark).count());
      mark = now;
    };
    cells = 0;
    jixiao::store::DocumentFilter page = f;
    page.limit = 50;
    db->ForEach(
        page, [&](const jixiao::store::Document&) { return ++cells, true; }, diags);
    lap(0);
    jixiao::store::DocumentFilter year;
    year.kind = "evaluation";
    year.year = "2023";
    if (auto rates = db->RatesBy(year, "region", 1, diags)) cells += rates->size();
    lap(1);
    cells += db->GradeCounts(year, diags).size();
    lap(2);
    if (with_selfeval) {
      jixiao::store::DocumentFilter gaps;
      gaps.kind = "selfeval";
      gaps.order = jixiao::store::DocumentFilter::Order::kGapDesc;
      gaps.limit = 50;
      db->ForEach(
          gaps, [&](const jixiao::store::Document&) { return ++cells, true; }, diags);
      lap(3);
    }
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
    cpu_times.push_back(CpuMs() - cpu);
  }
  auto p = [](std::vector<double>& v, int pct) {
    std::sort(v.begin(), v.end());
    return v[v.size() * pct / 100];
  };
  for (int part = 0; part < 4; ++part)
    if (!part_times[part].empty())
      std::printf("  dashboard part %s: p50 %.1f ms, p95 %.1f ms\n", kParts[part],
                  p(part_times[part], 50), p(part_times[part], 95));
  std::printf(
      "dashboard view (ranking 50, 一级 by region, grades%s): %zu rows, p50 %.1f ms, p95 "
      "%.1f ms\n",
      with_selfeval ? ", gap list 50" : "", cells, p(times, 50), p(times, 95));
  std::printf("dashboard view CPU of this process: p50 %.1f ms, p95 %.1f ms\n", p(cpu_times, 50),
              p(cpu_times, 95));
}

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_bench LOCATION N\n");
    return 2;
  }
  std::string location = argv[1];
  int count = std::atoi(argv[2]);
  if (argc > 3 && std::string(argv[3]) == "views") {  // a store loaded before, with selfeval
    jixiao::Diagnostics diags;
    auto db = jixiao::store::Store::Open(location, diags);
    if (!db) return Print(diags), 1;
    Dashboard(*db, true, diags);
    Print(diags);
    return diags.HasErrors() ? 1 : 0;
  }
  std::string dir = "/tmp/jixiao-store-bench-cases";
  std::system(("rm -rf '" + dir + "'").c_str());
  auto paths = jixiao::bench::GenerateCases(
      dir, std::string(JIXIAO_SOURCE_DIR) + "/indicators/national-2020.json", 40, 20261207u);
  std::vector<jixiao::Evaluation> base;
  std::vector<std::string> payloads;
  jixiao::FrameworkCache cache;
  for (const auto& p : paths) {
    jixiao::Diagnostics diags;
    auto e = jixiao::EvaluateCaseDir(p, diags, &cache);
    if (!e) return Print(diags), 1;
    payloads.push_back(jixiao::ScorecardJson(e->card));
    base.push_back(std::move(*e));
  }
  jixiao::Diagnostics diags;
  auto db = jixiao::store::Store::Open(location, diags);
  if (!db) return Print(diags), 1;
  auto start = Clock::now();
  std::vector<jixiao::store::NewDocument> chunk;
  for (int i = 0; i < count; ++i) {
    if (i % 1000 == 0 && !db->BeginBatch(diags)) return Print(diags), 1;
    const auto& e = base[static_cast<size_t>(i) % base.size()];
    auto fields = jixiao::EvaluationFields(e, "bench-" + std::to_string(i));
    char id[32], region[16], town[16];
    std::snprintf(id, sizeof id, "bench-%06d", i);
    std::snprintf(region, sizeof region, "区%02d", i % 13);
    std::snprintf(town, sizeof town, "镇%02d", i % 50);
    fields.year = std::to_string(2021 + i % 4);
    fields.region = region;
    fields.town = town;
    chunk.push_back({id, std::move(fields), payloads[static_cast<size_t>(i) % base.size()]});
    bool last = i % 1000 == 999 || i + 1 == count;
    if (chunk.size() == 200 || last) {
      auto existing = db->CreateMany(chunk, "bench", diags);
      if (!existing || !existing->empty()) return Print(diags), 1;
      chunk.clear();
    }
    if (last && !db->CommitBatch(diags)) return Print(diags), 1;
  }
  if (!db->Analyze(diags)) return Print(diags), 1;  // as `archive add` does after 1,000 cases
  double load = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("load %d evaluations: %.2f s, %.0f evaluations/s\n", count, load, count / load);
  jixiao::store::DocumentFilter f;
  f.kind = "evaluation";
  f.year = "2023";
  f.region = "区03";
  f.order = jixiao::store::DocumentFilter::Order::kTotalDesc;
  std::vector<double> times;
  size_t rows = 0;
  for (int run = 0; run < 7; ++run) {
    rows = 0;
    auto t = Clock::now();
    db->ForEach(
        f, [&](const jixiao::store::Document&) { return ++rows, true; }, diags);
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(times.begin(), times.end());
  std::printf("ranking query (year 2023, region 区03, by total): %zu rows, median %.1f ms\n", rows,
              times[times.size() / 2]);
  if (argc > 3 && std::string(argv[3]) == "selfeval") {
    auto t0 = Clock::now();
    for (int i = 0; i < count; ++i) {
      if (i % 1000 == 0 && !db->BeginBatch(diags)) return Print(diags), 1;
      jixiao::store::DocumentFields fields;
      char id[32], region[16], town[16];
      std::snprintf(id, sizeof id, "self-%06d", i);
      std::snprintf(region, sizeof region, "区%02d", i % 13);
      std::snprintf(town, sizeof town, "镇%02d", i % 50);
      fields.kind = "selfeval";
      fields.unit = std::string("单位") + std::to_string(i % 400);
      fields.region = region;
      fields.town = town;
      fields.year = std::to_string(2021 + i % 4);
      fields.project = "项目支出绩效自评表";
      int64_t computed = 6000 + (i * 7919) % 4000;  // hundredths
      int64_t gap = (i % 5 == 0) ? (i * 31) % 1500 : 0;
      fields.results.claimed_total = computed + gap;
      fields.results.computed_total = computed;
      fields.results.findings = gap ? 1 + i % 3 : 0;
      fields.result_json = "{\"findings\":[]}";
      for (int k = 0; k < 8; ++k)
        fields.indicators.push_back({"S" + std::to_string(k + 1), 2,
                                     "自评指标" + std::to_string(k + 1), 1000, 1000 - (i + k) % 300,
                                     true, -1});
      chunk.push_back({id, std::move(fields), std::string(600, ' ')});
      bool last = i % 1000 == 999 || i + 1 == count;
      if (chunk.size() == 200 || last) {
        auto existing = db->CreateMany(chunk, "bench", diags);
        if (!existing || !existing->empty()) return Print(diags), 1;
        chunk.clear();
      }
      if (last && !db->CommitBatch(diags)) return Print(diags), 1;
    }
    if (!db->Analyze(diags)) return Print(diags), 1;
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    std::printf("load %d self-evaluations: %.2f s, %.0f/s\n", count, secs, count / secs);
    for (int filtered = 0; filtered < 2; ++filtered) {
      jixiao::store::DocumentFilter g;
      g.kind = "selfeval";
      g.order = jixiao::store::DocumentFilter::Order::kGapDesc;
      if (filtered) {
        g.year = "2023";
        g.region = "区03";
      } else {
        g.limit = 100;
      }
      times.clear();
      for (int run = 0; run < 7; ++run) {
        rows = 0;
        auto t = Clock::now();
        db->ForEach(
            g, [&](const jixiao::store::Document&) { return ++rows, true; }, diags);
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
      }
      std::sort(times.begin(), times.end());
      std::printf("复核 gap list (%s): %zu rows, median %.1f ms\n",
                  filtered ? "year 2023, region 区03" : "worst 100 of all", rows,
                  times[times.size() / 2]);
    }
  }
  Dashboard(*db, argc > 3 && std::string(argv[3]) == "selfeval", diags);
  Print(diags);
  return diags.HasErrors() ? 1 : 0;
}
