// An evaluation's indicator explanation (--explain as the page shows it) and its downloads
// (report DOCX/MD/HTML, scoring XLSX), rendered from the scored case folder through app/.
#include <map>

#include "app/pipeline.h"
#include "app/report_files.h"
#include "app/score_explain.h"
#include "core/temp_files.h"
#include "report/builder.h"
#include "web/entry_places.h"
#include "web/handlers.h"
#include "web/scratch_files.h"

namespace jixiao::web {

Response EvaluationExplain(Ctx& ctx) {
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(ctx.server.CaseDir(ctx.doc->id), diags);
  std::optional<std::string> text;
  if (evaluation) text = ExplainScorecard(evaluation->card, ctx.req.params["code"]);
  if (!text) return ctx.server.Error(ctx, 404, "找不到该指标，或评价尚不能评分");
  std::string dir = ctx.server.CaseDir(ctx.doc->id) + "/";
  for (size_t at; (at = text->find(dir)) != std::string::npos;) text->erase(at, dir.size());
  *text = ExplainForPage(*text);
  if (ctx.req.api)
    return Json("{\"code\":" + Q(ctx.req.params["code"]) + ",\"text\":" + Q(*text) + "}");
  Data data = Object({{"id", ctx.doc->id},
                      {"title", ctx.doc->title},
                      {"code", ctx.req.params["code"]},
                      {"text", *text}});
  return ctx.server.Page(ctx, "explain", "得分说明 " + ctx.req.params["code"], data);
}

Response EvaluationDownload(Ctx& ctx) {
  const std::string& format = ctx.req.params["format"];
  static const std::map<std::string, std::pair<const char*, const char*>> kTypes = {
      {"docx",
       {"report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}},
      {"xlsx",
       {"scoring.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
      {"md", {"report.md", "text/markdown; charset=utf-8"}},
      {"html", {"report.html", "application/octet-stream"}}};
  auto type = kTypes.find(format);
  if (type == kTypes.end())
    return ctx.server.Error(
        ctx, 404, "只能直接下载 docx、xlsx、md、html；PDF 请在评价页点“生成 PDF”（后台任务）");
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(ctx.server.CaseDir(ctx.doc->id), diags);
  if (!evaluation) return ctx.server.Error(ctx, 422, "评价尚不能评分，请先处理核验清单中的错误");
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  // The workbook's 数据核查 names the pages the user fills in, never the server's case folder.
  auto files =
      RenderReport(*evaluation, {format}, report::DefaultTemplateDir(), diags,
                   {scratch.path(), false}, WorkbookPlaces(ctx.server.CaseDir(ctx.doc->id)));
  if (!files || files->empty()) {
    RelocateInCase(diags, scratch.path());
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "无法生成 " + format, items);
  }
  // Saved under the evaluation's name and what the file is, in Chinese (评价报告.docx,
  // 评分表.xlsx).
  static const std::map<std::string, std::string> kShown = {{"docx", "评价报告.docx"},
                                                            {"xlsx", "评分表.xlsx"},
                                                            {"md", "评价报告.md"},
                                                            {"html", "评价报告.html"}};
  for (auto& f : *files)
    if (f.name == type->second.first)
      return Download(std::move(f.bytes), ctx.doc->title + "-" + kShown.at(format),
                      type->second.second);
  return Download(std::move(files->front().bytes), files->front().name, type->second.second);
}

}  // namespace jixiao::web
