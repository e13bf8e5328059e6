// The report preview inside the evaluation page: the HTML report (app/ RenderReport, format
// html) served inline under a Content-Security-Policy that runs no script, loads nothing from
// elsewhere and is itself a sandbox; only the same origin may frame it (the page's
// <iframe sandbox>). Everything else about the report is app/'s.
#include "app/pipeline.h"
#include "app/report_files.h"
#include "core/temp_files.h"
#include "report/builder.h"
#include "web/handlers.h"

namespace jixiao::web {

Response ReportPreview(Ctx& ctx) {
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(ctx.server.CaseDir(ctx.doc->id), diags);
  if (!evaluation) return ctx.server.Error(ctx, 422, "评价尚不能评分，请先处理核验清单中的错误");
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  auto files = RenderReport(*evaluation, {"html"}, report::DefaultTemplateDir(), diags,
                            {scratch.path(), false});
  if (!files || files->empty()) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "无法生成报告预览", items);
  }
  Response r;
  auto* html = &files->front();
  for (auto& f : *files)
    if (f.name == "report.html") html = &f;
  r.body = std::move(html->bytes);
  r.framed_csp =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
      "frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";
  return r;
}

}  // namespace jixiao::web
