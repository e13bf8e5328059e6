// jixiao archive add CASE… | list | show ID | remove ID   [--archive FILE]
#include <cstdio>

#include "app/pipeline.h"
#include "archive/archive.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"

namespace jixiao::cli {

int RunArchive(const Args& args) {
  const Command& self = FindCommand("archive");
  if (WantsHelp(args)) return Usage(self, false);
  std::string path = archive::DefaultPath();
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--archive" && i + 1 < args.size())
      path = args[++i];
    else
      rest.push_back(args[i]);
  }
  if (rest.empty()) return Usage(self, true);
  std::string verb = rest[0];
  Diagnostics diags;
  auto db = archive::Archive::Open(path, diags);
  if (!db) {
    PrintDiagnostics(diags);
    return 1;
  }
  if (verb == "add" && rest.size() > 1) {
    FrameworkCache cache;
    int failed = 0;
    for (size_t i = 1; i < rest.size(); ++i) {
      Diagnostics one;
      auto e = EvaluateCaseDir(rest[i], one, &cache);
      auto result = e ? db->Add(*e, archive::DigestInputs(*e), one) : std::nullopt;
      if (!result) {
        PrintDiagnostics(one);
        ++failed;
        continue;
      }
      static const char* const kWhat[] = {"已加入", "未变化", "输入已变化，已更新"};
      std::printf("%s %s（%s分，%s）\n", kWhat[static_cast<int>(*result)], e->c.id.c_str(),
                  (std::to_string(e->card.total.hundredths / 100) + "." +
                   std::to_string(100 + e->card.total.hundredths % 100).substr(1))
                      .c_str(),
                  e->card.grade.c_str());
    }
    return failed ? 1 : 0;
  }
  if (verb == "list") {
    auto entries = db->List("", "", diags);
    for (const auto& e : entries)
      std::printf("%s\t%s\t%s\t%s\t%lld.%02lld\t%s\n", e.id.c_str(), e.year.c_str(), e.town.c_str(),
                  e.project.c_str(), static_cast<long long>(e.total.hundredths / 100),
                  static_cast<long long>(e.total.hundredths % 100), e.grade.c_str());
    std::printf("共 %zu 个案例（档案库 %s，结构版本 %d）\n", entries.size(), path.c_str(),
                db->SchemaVersion());
    PrintDiagnostics(diags);
    return diags.HasErrors() ? 1 : 0;
  }
  if ((verb == "show" || verb == "remove") && rest.size() == 2) {
    auto entry = db->Get(rest[1], diags);
    if (!entry) {
      diags.Error("archive.unknown", {path, 0, 0, rest[1]}, "档案库中没有案例“" + rest[1] + "”");
      PrintDiagnostics(diags);
      return 1;
    }
    if (verb == "show") {
      std::printf("%s", entry->scorecard_json.c_str());
      std::printf("digest %s, added %s\n", entry->digest.c_str(), entry->added_at.c_str());
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
