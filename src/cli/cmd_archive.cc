// jixiao archive add CASE… | list | show ID | remove ID | export FILE.jsonl | import FILE.jsonl
//   [--archive FILE|postgresql://…] [--year Y] [--region R] [--department D] [--town T]
//   [--framework ID] [--grade G]
#include <algorithm>
#include <cstdio>
#include <fstream>

#include "app/archive_store.h"
#include "app/pipeline.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

namespace {

constexpr size_t kBatch = 200;  // cases per transaction in `archive add`

std::string Points(int64_t hundredths) {
  return std::to_string(hundredths / 100) + "." + std::to_string(100 + hundredths % 100).substr(1);
}

// Cases are scored and written in batches: one transaction per batch, new cases in multi-row
// INSERTs; a case's line is printed once its batch is committed.
int Add(store::Store& db, const std::vector<std::string>& dirs) {
  FrameworkCache cache;
  int failed = 0;
  for (size_t start = 0; start < dirs.size(); start += kBatch) {
    size_t end = std::min(dirs.size(), start + kBatch);
    std::vector<Evaluation> loaded;
    loaded.reserve(end - start);
    for (size_t i = start; i < end; ++i) {
      Diagnostics one;
      auto e = EvaluateCaseDir(dirs[i], one, &cache);
      if (e) {
        loaded.push_back(std::move(*e));
      } else {
        PrintDiagnostics(one);
        ++failed;
      }
    }
    std::vector<const Evaluation*> list;
    for (const auto& e : loaded) list.push_back(&e);
    Diagnostics batch;
    if (!db.BeginBatch(batch)) {
      PrintDiagnostics(batch);
      return 1;
    }
    auto results = AddEvaluations(db, list, "archive", batch);
    if (batch.HasErrors()) {
      db.RollbackBatch();
      PrintDiagnostics(batch);
      std::fprintf(stderr, "本批 %zu 个案例未写入档案库。\n", list.size());
      failed += static_cast<int>(list.size());
      continue;
    }
    if (!db.CommitBatch(batch)) {
      PrintDiagnostics(batch);
      failed += static_cast<int>(list.size());
      continue;
    }
    static const char* const kWhat[] = {"已加入", "未变化", "输入已变化，已更新"};
    for (size_t i = 0; i < list.size(); ++i)
      std::printf("%s %s（%s分，%s）\n", kWhat[static_cast<int>(*results[i])],
                  list[i]->c.id.c_str(), Points(list[i]->card.total.hundredths).c_str(),
                  list[i]->card.grade.c_str());
    std::fflush(stdout);
  }
  Diagnostics stats;
  if (dirs.size() >= 1000 && !db.Analyze(stats)) PrintDiagnostics(stats);  // after a bulk load
  return failed ? 1 : 0;
}

}  // namespace

int RunArchive(const Args& args) {
  const Command& self = FindCommand("archive");
  if (WantsHelp(args)) return Usage(self, false);
  std::string path = DefaultArchiveLocation();
  store::DocumentFilter filter;
  filter.kind = "evaluation";
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    bool value = i + 1 < args.size();
    if (args[i] == "--archive" && value)
      path = args[++i];
    else if (args[i] == "--year" && value)
      filter.year = args[++i];
    else if (args[i] == "--region" && value)
      filter.region = args[++i];
    else if (args[i] == "--town" && value)
      filter.town = args[++i];
    else if (args[i] == "--department" && value)
      filter.department = args[++i];
    else if (args[i] == "--framework" && value)
      filter.framework = args[++i];
    else if (args[i] == "--grade" && value)
      filter.grade = args[++i];
    else
      rest.push_back(args[i]);
  }
  if (rest.empty()) return Usage(self, true);
  std::string verb = rest[0];
  Diagnostics diags;
  auto db = OpenArchive(path, diags);
  if (!db) {
    PrintDiagnostics(diags);
    return 1;
  }
  if (verb == "add" && rest.size() > 1) return Add(*db, {rest.begin() + 1, rest.end()});
  if (verb == "list" && rest.size() == 1) {
    int64_t count = 0;
    db->ForEach(
        filter,
        [&](const store::Document& d) {
          std::printf("%s\t%s\t%s\t%s\t%s\t%s\n", d.id.c_str(), d.fields.year.c_str(),
                      d.fields.town.c_str(), d.fields.project.c_str(),
                      Points(d.fields.results.total).c_str(), d.fields.results.grade.c_str());
          ++count;
          return true;
        },
        diags);
    std::printf("共 %lld 个案例（档案库 %s，结构版本 %d）\n", static_cast<long long>(count),
                db->Location().c_str(), db->SchemaVersion());
    PrintDiagnostics(diags);
    return diags.HasErrors() ? 1 : 0;
  }
  if ((verb == "export" || verb == "import") && rest.size() == 2) {
    bool ok;
    if (verb == "export") {
      std::ofstream out(rest[1], std::ios::binary | std::ios::trunc);
      ok = out && db->Export(out, diags);
      out.close();
      if (ok && !out) {
        diags.Error("archive.export", {rest[1], 0, 0, ""},
                    "写入导出文件失败（磁盘已满或没有写权限）");
        ok = false;
      }
      if (!ok && !diags.HasErrors())
        diags.Error("archive.export", {rest[1], 0, 0, ""}, "无法创建导出文件，请检查目录和写权限");
    } else {
      std::ifstream in(rest[1], std::ios::binary);
      if (!in) diags.Error("archive.import", {rest[1], 0, 0, ""}, "无法读取导入文件，请检查路径");
      ok = in && db->Import(in, rest[1], diags);
    }
    PrintDiagnostics(diags);
    if (ok) std::printf("%s %s\n", verb == "export" ? "已导出到" : "已导入", rest[1].c_str());
    return ok ? 0 : 1;
  }
  if ((verb == "show" || verb == "remove") && rest.size() == 2) {
    auto doc = db->Get(rest[1], diags);
    if (!doc) {
      diags.Error("archive.unknown", {db->Location(), 0, 0, rest[1]},
                  "档案库中没有案例“" + rest[1] + "”");
      PrintDiagnostics(diags);
      return 1;
    }
    if (verb == "show") {
      auto version = db->GetVersion(rest[1], doc->version, diags);
      if (!version) {
        PrintDiagnostics(diags);
        return 1;
      }
      std::printf("%s", version->payload.c_str());
      std::printf("digest %s, added %s, version %lld\n", doc->fields.digest.c_str(),
                  doc->updated_at.c_str(), static_cast<long long>(doc->version));
      return 0;
    }
    if (!db->Remove(rest[1], diags)) {
      PrintDiagnostics(diags);
      return 1;
    }
    std::printf("已删除 %s\n", rest[1].c_str());
    return 0;
  }
  return Usage(self, true);
}

}  // namespace jixiao::cli
