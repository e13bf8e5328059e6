// The evaluation page's list of the unit's rows still 待确认 (web/pending_targets.h): shown for as
// long as any remains, with 确认 for the evaluator; confirming one is a new version of the case
// (the list is kept in the case folder), recorded in the audit log.
#include "core/text.h"
#include "web/case_snapshot.h"
#include "web/handlers.h"
#include "web/pending_targets.h"

namespace jixiao::web {

void SetPendingTargetsData(Ctx& ctx, const Doc& doc, Data& data) {
  Data rows = List();
  const auto open = OpenPendingTargets(ctx.server.CaseDir(doc.id));
  for (const auto& p : open)
    rows.push_back(
        Object({{"line", std::to_string(p.line)}, {"indicator", p.indicator}, {"value", p.value}}));
  data.set("pending_targets", rows);
  data.set("has_pending_targets", !open.empty());
  data.set("pending_count", std::to_string(open.size()));
}

std::string PendingTargetsJson(Server& server, const Doc& doc) {
  std::vector<std::string> items;
  for (const auto& p : OpenPendingTargets(server.CaseDir(doc.id)))
    items.push_back("{\"line\":" + std::to_string(p.line) + ",\"indicator\":" + Q(p.indicator) +
                    ",\"value\":" + Q(p.value) + "}");
  return JsonArray(items);
}

// POST /evaluations/{id}/targets/confirm: version (the page's), line (the row's, as listed).
Response EvaluationConfirmTarget(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const std::string dir = ctx.server.CaseDir(doc.id);
  if (*opened != doc.version)
    return EvaluationPage(
        ctx,
        "未确认：" + StaleSentence(doc, "评价", "保存为", *opened) + "请看下面的最新内容后再确认。",
        409);
  const std::string line_text = Trim(ctx.req.Field("line"));
  std::optional<PendingTarget> row;
  for (const auto& p : OpenPendingTargets(dir))
    if (std::to_string(p.line) == line_text) row = p;
  if (!row)
    return ctx.server.Reject(ctx, "line",
                             "未确认：所选的行已确认、已修改或不在待确认之列，请刷新后再看",
                             EvaluationShow);
  ConfirmPendingTarget(dir, row->line, ctx.user->name);
  const std::string what = "“" + row->indicator + "”（指标值 " + row->value + "）";
  const bool saved = ctx.server.db().SaveVersion(doc, *opened, SnapshotCase(dir), ctx.user->name,
                                                 "确认单位待确认的目标：" + what);
  ctx.server.CaseSaved(doc.id, *opened + 1, saved);
  if (!saved) {
    ctx.server.SyncCase(doc.id, ctx.server.db().GetDoc(doc.id)->version);
    return EvaluationPage(ctx, "未确认：该评价刚被他人保存，请刷新后再确认。", 409);
  }
  ctx.server.Audit(ctx, "evaluation.confirm_target", "evaluation:" + doc.id + " 绩效目标" + what,
                   "待确认", "已确认");
  const std::string note = "已确认" + what + "（第 " + std::to_string(*opened + 1) + " 版）";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(*opened + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
