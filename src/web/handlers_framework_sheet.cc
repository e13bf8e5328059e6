// The framework workbook (指标体系表) of a shipped or uploaded framework, as an .xlsx download
// (casefile/framework_sheet.h): the admin's template for building a framework in Excel and
// uploading it on /admin/frameworks. Shipped ones are named by id (only ids in the shipped list
// reach a file), uploaded ones by their document id.
#include "app/framework_book.h"
#include "casefile/frameworks.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "web/handlers.h"
#include "web/server.h"
#include "web/uploads.h"

namespace jixiao::web {

Response FrameworkSheet(Ctx& ctx) {
  const std::string name = ctx.req.params["upload"];
  std::optional<std::string> json;
  std::string id = name;
  for (const auto& shipped : ShippedFrameworkIds())
    if (shipped == name && name.rfind("selfeval-", 0) != 0)
      if (auto file = FindShippedFramework(shipped)) json = ReadFileBytes(*file);
  if (!json) {
    auto doc = ctx.server.db().GetDoc(name);
    if (doc && doc->kind == "framework")
      if (auto version = ctx.server.db().GetVersion(doc->id, 0)) json = version->content;
    if (doc) id = doc->title;
  }
  if (!json) return ctx.server.Error(ctx, 404, "没有这个指标体系（自评规则没有 Excel 表）");
  // libxlsxwriter's files go to this request's own folder (removed on return), as elsewhere.
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  auto bytes = FrameworkWorkbookBytes(id + ".json", *json, diags);
  if (!bytes) return ctx.server.Error(ctx, 500, "这个指标体系无法写成 Excel 表，请联系管理员");
  return Download(std::move(*bytes), id + "-指标体系表.xlsx",
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace jixiao::web
