// Versions of a document (绩效目标表, 自评表, evaluation): the list of saves, what changed in each
// (who, when, which field from what to what — the audit log's entries for the document), and
// restoring an earlier version of a table or a form as a new version.
#include "web/change_places.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace {

// The audit action as the page says it ("selfeval.edit 实际完成值" → "填写 实际完成值").
// Long texts (a narrative section) shortened for the table; the full text is in the version.
std::string Clip(const std::string& text) {
  constexpr size_t kMax = 300;
  if (text.size() <= kMax) return text;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "……";
}

}  // namespace

Response EvaluationVersions(Ctx& ctx) {
  std::vector<std::string> items;
  Data list = List();
  for (const auto& v : ctx.server.db().Versions(ctx.doc->id)) {
    items.push_back("{\"version\":" + std::to_string(v.version) + ",\"author\":" + Q(v.author) +
                    ",\"at\":" + Q(v.at) + ",\"note\":" + Q(VersionNote(v.note)) + "}");
    Data row = Object({{"version", std::to_string(v.version)},
                       {"previous", std::to_string(v.version - 1)},
                       {"author", v.author},
                       {"at", BeijingTime(v.at)},
                       {"note", VersionNote(v.note)}});
    row.set("comparable", ctx.doc->kind == "evaluation");
    row.set("restorable", v.version < ctx.doc->version);
    list.push_back(row);
  }
  // What changed, who, when: the audit log's entries for this document, oldest first.
  std::vector<std::string> change_items;
  Data changes = List();
  for (const auto& e : ctx.server.db().ObjectAudit(ctx.doc->kind, ctx.doc->id)) {
    std::string place = e.object.substr(
        e.object.find(' ') == std::string::npos ? e.object.size() : e.object.find(' ') + 1);
    change_items.push_back("{\"at\":" + Q(e.at) + ",\"who\":" + Q(e.who) +
                           ",\"action\":" + Q(e.action) + ",\"place\":" + Q(place) +
                           ",\"before\":" + Q(e.before) + ",\"after\":" + Q(e.after) + "}");
    changes.push_back(
        Object({{"at", BeijingTime(e.at)},
                {"who", e.who},
                {"action", ActionLabel(e.action)},
                {"place", ctx.doc->kind == "evaluation" ? NarrativeFileLabel(place) : place},
                {"before", Clip(e.before)},
                {"after", Clip(e.after)}}));
  }
  if (ctx.req.api)
    return Json("{\"versions\":" + JsonArray(items) + ",\"changes\":" + JsonArray(change_items) +
                "}");
  const std::string& kind = ctx.doc->kind;
  std::string base = (kind == "targets"    ? "/targets/"
                      : kind == "selfeval" ? "/selfevals/"
                                           : "/evaluations/") +
                     ctx.doc->id;
  Data data = Object({{"id", ctx.doc->id},
                      {"title", ctx.doc->title},
                      {"base", base},
                      {"current", std::to_string(ctx.doc->version)}});
  data.set("versions", list);
  data.set("changes", changes);
  data.set("has_changes", !change_items.empty());
  // Each version is whole (a table, a form, or an evaluation's case folder), so any earlier one
  // can be restored by the role that edits it.
  data.set("can_restore", ctx.user->role == (kind == "evaluation" ? "evaluator" : "unit"));
  return ctx.server.Page(ctx, "versions", "版本记录：" + ctx.doc->title, data);
}

Response DocRestore(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  int64_t expected = -1, from = -1;
  try {
    expected = std::stoll(ctx.req.Field("version"));
    from = std::stoll(ctx.req.Field("from"));
  } catch (...) {
    return ctx.server.Error(ctx, 422, "请求缺少 version（当前版本号）或 from（要恢复的版本号）");
  }
  if (from < 1 || from >= doc.version)
    return ctx.server.Error(ctx, 422,
                            "只能恢复第 1 至第 " + std::to_string(doc.version - 1) + " 版");
  if (expected != doc.version || !ctx.server.db().Restore(doc.id, from, expected, ctx.user->name))
    return ctx.server.Error(ctx, 409,
                            "未恢复：该表已由 " + doc.updated_by + " 于 " +
                                BeijingTime(doc.updated_at) + "（北京时间）" + " 保存为第 " +
                                std::to_string(doc.version) + " 版；请刷新版本记录后再恢复");
  ctx.server.Audit(ctx, doc.kind + ".restore", doc.kind + ":" + doc.id,
                   "第 " + std::to_string(expected) + " 版",
                   "恢复为第 " + std::to_string(from) + " 版的内容");
  std::string note = "已把第 " + std::to_string(from) + " 版的内容恢复为第 " +
                     std::to_string(expected + 1) + " 版";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect((doc.kind == "targets" ? "/targets/" : "/selfevals/") + doc.id +
                  "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
