// Benchmark seed for `jixiao serve` at a bureau's scale (issue 20): fills an existing serve store
// (SQLite file or PostgreSQL URL, made by `jixiao user add`) with N scored evaluations as the web
// application saves them — 40 generated, scored cases repeated under new ids over 20 regions
// (区00…区19), 4 years, 50 towns and 10 departments, with their scorecard, full marks and 一级
// rows — and N/5 自评表 (half of them 提交) in the same regions, in batches of 1,000. The
// 自评表 hold 600 bytes that are no form (unreadable: 复核汇总 says so) unless $SERVE_SEED_FORM
// names a CSV form folder (form.csv, budget.csv, summary.csv, project.csv), then each holds that
// form, as an upload saves it, so 复核汇总 reads and checks every one.
// Usage: serve_seed LOCATION N OWNER_ID
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/archive_store.h"
#include "app/pipeline.h"
#include "case_generator.h"
#include "core/text.h"
#include "scorecard_io/scorecard_json.h"

namespace {

void Print(const jixiao::Diagnostics& diags) {
  for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
}

// Loads `docs` in batches of 1,000 (multi-row INSERTs of 200); false on failure.
bool Load(jixiao::store::Store& db, std::vector<jixiao::store::NewDocument>& docs,
          jixiao::Diagnostics& diags) {
  for (size_t at = 0; at < docs.size(); at += 1000) {
    if (!db.BeginBatch(diags)) return false;
    for (size_t k = at; k < docs.size() && k < at + 1000; k += 200) {
      std::vector<jixiao::store::NewDocument> chunk(
          docs.begin() + static_cast<long>(k),
          docs.begin() + static_cast<long>(std::min(docs.size(), k + 200)));
      auto existing = db.CreateMany(chunk, "bench", diags);
      if (!existing || !existing->empty()) return false;
    }
    if (!db.CommitBatch(diags)) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: serve_seed LOCATION N OWNER_ID\n");
    return 2;
  }
  const std::string location = argv[1], owner = argv[3];
  const int count = std::atoi(argv[2]);
  const std::string dir = "/tmp/jixiao-serve-seed-cases";
  std::system(("rm -rf '" + dir + "'").c_str());
  auto paths = jixiao::bench::GenerateCases(
      dir, std::string(JIXIAO_SOURCE_DIR) + "/indicators/national-2020.json", 40, 20261207u);
  std::vector<jixiao::Evaluation> base;
  jixiao::FrameworkCache cache;
  for (const auto& p : paths) {
    jixiao::Diagnostics diags;
    auto e = jixiao::EvaluateCaseDir(p, diags, &cache);
    if (!e) return Print(diags), 1;
    base.push_back(std::move(*e));
  }
  jixiao::Diagnostics diags;
  auto db = jixiao::store::Store::Open(location, diags);
  if (!db) return Print(diags), 1;
  std::vector<jixiao::store::NewDocument> docs;
  for (int i = 0; i < count; ++i) {
    const auto& e = base[static_cast<size_t>(i) % base.size()];
    auto fields = jixiao::EvaluationFields(e, "");
    std::vector<jixiao::store::IndicatorResult> first_level;  // what serve keeps: the 一级 rows
    for (const auto& ind : fields.indicators)
      if (ind.level == 1) first_level.push_back({ind.code, 1, ind.name, ind.weight, ind.score});
    fields.indicators = first_level;
    fields.result_json = jixiao::ScorecardJson(e.card);
    fields.owner = owner;
    char id[32], region[16], town[16], department[24];
    std::snprintf(id, sizeof id, "%024d", i);
    std::snprintf(region, sizeof region, "区%02d", i % 20);
    std::snprintf(town, sizeof town, "镇%02d", i % 50);
    std::snprintf(department, sizeof department, "部门%d", i % 10);
    fields.region = region, fields.town = town, fields.department = department;
    fields.year = std::to_string(2021 + i % 4);
    fields.unit = std::string(town) + "受理中心";
    fields.project = "评价项目" + std::to_string(i);
    docs.push_back(
        {id, std::move(fields), "评分\n" + jixiao::store::ToBase64(std::string(300, 'x'))});
  }
  if (!Load(*db, docs, diags)) return Print(diags), 1;
  docs.clear();
  std::string form = std::string(600, 'y');
  if (const char* folder = std::getenv("SERVE_SEED_FORM")) {
    form.clear();  // the web's packed parts (web/selfeval_parts): "NAME SIZE\n" then the bytes
    for (const char* part : {"form", "budget", "summary", "project"})
      if (auto bytes = jixiao::ReadFileBytes(std::string(folder) + "/" + part + ".csv"))
        form += std::string(part) + " " + std::to_string(bytes->size()) + "\n" + *bytes;
  }
  for (int i = 0; i < count / 5; ++i) {
    jixiao::store::DocumentFields f;
    char id[32], region[16];
    std::snprintf(id, sizeof id, "s%023d", i);
    std::snprintf(region, sizeof region, "区%02d", i % 20);
    f.kind = "selfeval", f.owner = owner, f.region = region;
    f.unit = "单位" + std::to_string(i % 400), f.year = std::to_string(2021 + i % 4);
    f.project = "项目支出绩效自评表" + std::to_string(i);
    const int64_t computed = 6000 + (i * 7919) % 4000;
    f.results.computed_total = computed;
    f.results.claimed_total = i % 7 ? computed + (i * 31) % 1500 : -1;
    f.results.row_total = i % 7 ? -1 : computed + (i * 17) % 900;
    f.results.findings = i % 3;
    // A 提交 form names who submitted it (复核汇总 takes submitted forms only).
    const std::string parts = i % 2 && form.size() != 600 ? form + "submitted 5\nbench" : form;
    docs.push_back(
        {id, f, std::string(i % 2 ? "提交" : "填写") + "\n" + jixiao::store::ToBase64(parts)});
  }
  if (!Load(*db, docs, diags) || !db->Analyze(diags)) return Print(diags), 1;
  std::printf("seeded %d evaluations and %d 自评表 over 20 regions\n", count, count / 5);
  return 0;
}
