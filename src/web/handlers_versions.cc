// Versions of a document (绩效目标表, 自评表, evaluation): the list of saves, what changed in each
// (who, when, which field from what to what — the audit log's entries for the document), and
// restoring an earlier version of a table or a form as a new version.
#include <algorithm>

#include "web/case_snapshot.h"
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

// A value as the history shows it: an empty list or object is nothing, not "[]"/"{}".
std::string Shown(const std::string& text) {
  return text == "[]" || text == "{}" ? std::string() : Clip(text);
}

// An evaluation's saved changes, version by version (trial 3 item 13: the audit log's entries
// said “未评分 → 未评分” for an entry-form save): each field, table row, narrative line, survey
// file or picture that differs from the version before, named as the pages name it. The newest
// kVersionsDiffed versions, each with at most kChangesShown rows (the compare page has them all).
Data VersionChanges(Ctx& ctx, std::vector<std::string>& api) {
  constexpr size_t kVersionsDiffed = 50, kChangesShown = 40;
  auto versions = ctx.server.db().Versions(ctx.doc->id);
  std::sort(versions.begin(), versions.end(),
            [](const Version& a, const Version& b) { return a.version > b.version; });
  if (versions.size() > kVersionsDiffed) versions.resize(kVersionsDiffed);
  Data out = List();
  for (const auto& v : versions) {
    auto now = ctx.server.db().GetVersion(ctx.doc->id, v.version);
    auto before = v.version > 1 ? ctx.server.db().GetVersion(ctx.doc->id, v.version - 1)
                                : std::optional<Version>();
    if (!now || !IsCaseSnapshot(now->content)) continue;  // saved before schema 6: no snapshot
    Data rows = List();
    size_t count = 0;
    for (const auto& c :
         before ? DiffCaseSnapshots(before->content, now->content) : std::vector<CaseChange>()) {
      const std::string was = Shown(c.before), is = Shown(c.after);
      const std::string place = ChangePlace(c.place);
      // An empty table's header appearing or going (a form save drops empty tables): no data.
      const bool header = place.size() > 6 && place.compare(place.size() - 6, 6, "表头") == 0;
      if (was == is || (header && (was.empty() || is.empty()))) continue;
      if (++count > kChangesShown) continue;
      rows.push_back(Object({{"place", place}, {"before", was}, {"after", is}}));
      api.push_back("{\"version\":" + std::to_string(v.version) + ",\"place\":" + Q(place) +
                    ",\"before\":" + Q(was) + ",\"after\":" + Q(is) + "}");
    }
    Data item = Object({{"version", std::to_string(v.version)},
                        {"previous", std::to_string(v.version - 1)},
                        {"author", v.author},
                        {"at", BeijingTime(v.at)},
                        {"note", v.note}});
    item.set("rows", rows);
    item.set("has_rows", count > 0);
    item.set("first", v.version == 1);
    if (count > kChangesShown)
      item.set("more", "另有 " + std::to_string(count - kChangesShown) + " 处");
    out.push_back(item);
  }
  return out;
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
  std::vector<std::string> field_items;
  const bool evaluation = ctx.doc->kind == "evaluation";
  Data by_version = evaluation ? VersionChanges(ctx, field_items) : List();
  if (ctx.req.api)
    return Json("{\"versions\":" + JsonArray(items) + ",\"changes\":" + JsonArray(change_items) +
                (evaluation ? ",\"fields\":" + JsonArray(field_items) : std::string()) + "}");
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
  data.set("by_version", by_version);
  data.set("evaluation", evaluation);
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
