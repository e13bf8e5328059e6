// jixiao report CASE… [-o DIR] [--formats docx,html,md,xlsx] [--templates DIR]  (several:
// DIR/<case>/, all cores) jixiao survey CASE [-o DIR] [--formats docx,html,md] [--templates DIR]
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <thread>

#include "app/cover_check.h"
#include "app/pipeline.h"
#include "app/report_files.h"
#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/guard.h"
#include "core/resources.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "report/builder.h"

namespace jixiao::cli {

namespace {

int Run(const Args& args, const Command& self, bool survey) {
  if (WantsHelp(args)) return Usage(self, false);
  std::vector<std::string> dirs;
  std::string out_dir = "out", templates = report::DefaultTemplateDir();
  std::vector<std::string> formats = {"docx", "html", "md", "xlsx"};
  if (survey) formats = {"docx", "html", "md"};
  bool toc_pages = true, final_report = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_value = i + 1 < args.size();
    if ((a == "-o" || a == "--output") && has_value) {
      out_dir = args[++i];
    } else if (a == "--formats" && has_value) {
      formats = SplitList(args[++i]);
      if (!FormatsGiven(formats)) return Usage(self, true);
    } else if (a == "--templates" && has_value) {
      templates = args[++i];
    } else if (a == "--outline" && has_value) {
      // A shipped outline is a template set beside templates/report: national-2020 follows the
      // 参考提纲 of 财预〔2020〕10号; "shanghai" (the default) the published 马桥镇 report.
      std::string outline = args[++i];
      std::string base = report::DefaultTemplateDir();
      std::string dir = outline == "shanghai" || outline == "report"
                            ? base
                            : base.substr(0, base.find_last_of('/')) + "/" + outline;
      if (outline.find('/') != std::string::npos || !IsRegularFile(dir + "/sections.txt")) {
        std::fprintf(stderr, "未知的报告提纲“%s”：可用 shanghai（默认）、national-2020。\n",
                     outline.c_str());
        return 2;
      }
      templates = dir;
    } else if (a == "--final" && !survey) {
      final_report = true;  // refuse while any 【待补充】 remains
    } else if (a == "--no-toc-pages") {
      toc_pages = false;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "未知选项或缺少参数值：“%s”。\n", a.c_str());
      return Usage(self, true);
    } else {
      dirs.push_back(a);
    }
  }
  if (dirs.empty()) return Usage(self, true);
  // The shipped templates, unless --templates/--outline named others: when missing, one located
  // error naming every place looked at (core/resources.h), before any case is read.
  if (templates == report::DefaultTemplateDir() && !IsRegularFile(templates + "/sections.txt")) {
    Diagnostics missing;
    missing.Error("template.missing", {templates + "/sections.txt", 0, 0, ""},
                  ResourceMissingMessage(LocateResource("templates")));
    PrintDiagnostics(missing);
    return 1;
  }
  // Several cases: each goes to out_dir/<id as a safe file name>; two cases may not share one.
  std::vector<std::string> targets(dirs.size(), out_dir);
  if (dirs.size() > 1) {
    std::map<std::string, size_t> owner;
    Diagnostics clashes;
    for (size_t i = 0; i < dirs.size(); ++i) {
      std::string id = CaseIdOf(dirs[i]), name = SafeFileName(id);
      targets[i] = out_dir + "/" + name;
      auto [it, fresh] = owner.emplace(name, i);
      if (!fresh)
        clashes.Error("report.duplicate_id", {dirs[i] + "/case.json", 0, 0, "$.id"},
                      "案例编号“" + id + "”与 " + dirs[it->second] + " 的输出目录“" + name +
                          "”重复：请在 case.json 的 id 中给每个案例不同的编号");
    }
    if (clashes.HasErrors()) {
      PrintDiagnostics(clashes);
      return 1;
    }
  }
  {
    Diagnostics prepare;
    if (!PrepareOutputDir(out_dir, prepare)) {
      PrintDiagnostics(prepare);
      return 1;
    }
    temp::SetScratchDir(out_dir);  // the xlsx writer's temporaries stay in the output folder
  }
  // One case: files go to out_dir. Several: each to out_dir/<case>, on every core.
  std::mutex print;
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  auto work = [&] {
    FrameworkCache cache;
    for (size_t i; (i = next++) < dirs.size();) {
      Diagnostics diags;
      auto evaluation = EvaluateCaseDir(dirs[i], diags, &cache);
      const std::string& target = targets[i];
      std::optional<std::vector<OutputFile>> files;
      if (evaluation) {
        Guarded(dirs[i] + "/case.json", diags, [&] {
          // Page numbers need a LibreOffice layout per report: on for one case, off for a batch.
          OfficeOptions office{target, toc_pages && dirs.size() == 1};
          files = survey ? RenderSurveyAppendix(*evaluation, formats, templates, diags, office)
                         : RenderReport(*evaluation, formats, templates, diags, office);
        });
      }
      if (files && final_report) CheckCoverSigned(evaluation->c, diags);
      if (files && final_report && !FinalReportReady(dirs[i], diags)) files.reset();
      bool ok = files && WriteFilesAtomically(target, *files, diags);
      std::lock_guard<std::mutex> lock(print);
      PrintDiagnostics(diags);
      if (!ok) {
        ++failed;
        continue;
      }
      for (const auto& f : *files) std::printf("%s/%s\n", target.c_str(), f.name.c_str());
    }
  };
  size_t threads = std::min<size_t>(dirs.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return failed ? 1 : 0;
}

}  // namespace

int RunReport(const Args& args) { return Run(args, FindCommand("report"), false); }
int RunSurvey(const Args& args) {
  if (!args.empty() && args[0] == "import")
    return RunSurveyImport(Args(args.begin() + 1, args.end()));
  return Run(args, FindCommand("survey"), true);
}

}  // namespace jixiao::cli
