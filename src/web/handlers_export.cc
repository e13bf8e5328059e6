// The bureau's exports of its region: compare.xlsx (the workbook of `jixiao compare` over the
// region's scorable evaluations, filtered like the overview) and 复核汇总.xlsx (the review
// workbook of `jixiao selfeval check -o` over the region's 自评表, built from one row per form).
#include <algorithm>

#include "app/compare_app.h"
#include "core/temp_files.h"
#include "render/render.h"
#include "report/compare_report.h"
#include "report/selfeval_review.h"
#include "web/download_names.h"
#include "web/handlers.h"

namespace jixiao::web {

std::vector<report::ReviewSummaryRow> RegionReviewRows(Server& server, const User& user);

Response BureauExport(Ctx& ctx) {
  const std::string& what = ctx.req.params["what"];
  const Request& r = ctx.req;
  // compare.xlsx reads every chosen case folder: no case is written meanwhile.
  auto all_cases = ctx.server.LockAllCases();
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (what == "compare") {
    std::vector<std::string> dirs, names;
    // The region's evaluations and the overview's filters, in SQL (not every region's rows).
    Db::ListFilter f;
    f.kinds = {"evaluation"};
    f.year = r.Field("year"), f.department = r.Field("department"), f.town = r.Field("town");
    f.grade = r.Field("grade");
    std::vector<Doc> matching;
    if (NarrowToReach(*ctx.user, f)) matching = ctx.server.db().MatchingDocs(f);
    for (const auto& d : matching) {
      if (!CanReach(*ctx.user, d) || d.total < 0) continue;
      ctx.server.SyncCase(d.id, d.version);  // saved by another process: its latest here too
      dirs.push_back(ctx.server.CaseDir(d.id));
      // The 案例 column names the evaluation as the pages do (its title), never its folder id.
      std::string name = d.title.empty() ? "评价" : d.title;
      if (std::count(names.begin(), names.end(), name))
        name += "（" + (d.town.empty() ? d.unit : d.town) + "）";
      for (int n = 2; std::count(names.begin(), names.end(), name); ++n)
        name = (d.title.empty() ? "评价" : d.title) + "（" + std::to_string(n) + "）";
      names.push_back(name);
    }
    if (dirs.size() < 2) return ctx.server.Error(ctx, 422, "至少需要两项已评分的评价才能比较");
    Diagnostics diags;
    auto files = CompareCases(dirs, {"xlsx"}, report::DefaultCompareTemplateDir(), diags, &names);
    if (!files || files->empty()) {
      std::vector<std::string> items;
      for (const auto& d : diags.items()) items.push_back(d.message);
      return ctx.server.Error(ctx, 422, "无法生成比较工作簿", items);
    }
    return Download(std::move(files->front().bytes),
                    DownloadName(ctx.user->region, r.Field("year"), "评价比较", ".xlsx"), kXlsx);
  }
  if (what == "review") {
    // Only the summary (not each form's annotated workbook), from one row per form.
    auto rows = RegionReviewRows(ctx.server, *ctx.user);
    if (rows.empty())
      return ctx.server.Error(
          ctx, 422, "本区域还没有已提交的自评表：复核汇总只收单位已提交的表，未提交的草稿不计入");
    return Download(render::ToXlsx(report::BuildReviewSummary(rows)),
                    DownloadName(ctx.user->region, r.Field("year"), "复核汇总", ".xlsx"), kXlsx);
  }
  return ctx.server.Error(ctx, 404, "只能导出 compare（比较工作簿）或 review（复核汇总）");
}

}  // namespace jixiao::web
