// An evaluation's versions as whole case folders (web/case_snapshot): compare two versions field
// by field (which file, which JSON field, CSV row or text line; from what to what; who saved each
// version and when) and restore an earlier one as a new version, scored again and audit-logged.
// A restore from a stale page is refused (409) naming who saved since.
#include "core/format.h"
#include "web/case_snapshot.h"
#include "web/change_places.h"
#include "web/handlers.h"

namespace jixiao::web {

namespace {

int64_t Number(const std::string& text, int64_t fallback) {
  try {
    return text.empty() ? fallback : std::stoll(text);
  } catch (...) {
    return -1;
  }
}

std::string Stale(const Doc& doc, int64_t expected) {
  return "未恢复：该评价已由 " + doc.updated_by + " 于 " + BeijingTime(doc.updated_at) +
         "（北京时间）保存为第 " + std::to_string(doc.version) + " 版（您打开的是第 " +
         std::to_string(expected) + " 版）；请刷新版本记录后再恢复";
}

}  // namespace

Response EvaluationCompare(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  int64_t to = Number(ctx.req.Field("to"), doc.version);
  int64_t from = Number(ctx.req.Field("from"), to - 1);
  if (to < 1 || to > doc.version || from < 0 || from > doc.version)
    return ctx.server.Error(ctx, 422,
                            "版本号应在第 1 至第 " + std::to_string(doc.version) +
                                " 版之间（from 为 0 时列出该版的全部内容）");
  auto a = from ? ctx.server.db().GetVersion(doc.id, from) : std::optional<Version>(Version{});
  auto b = ctx.server.db().GetVersion(doc.id, to);
  if (!a || !b) return ctx.server.Error(ctx, 404, "找不到该版本");
  auto changes = DiffCaseSnapshots(a->content, b->content);
  std::vector<std::string> items;
  Data list = List();
  for (const auto& c : changes) {
    items.push_back("{\"place\":" + Q(c.place) + ",\"before\":" + Q(c.before) +
                    ",\"after\":" + Q(c.after) + "}");
    // An empty JSON list or object (a list the folder did not have yet) said as people would.
    auto shown = [](const std::string& v) { return v == "[]" || v == "{}" ? "（空）" : v; };
    list.push_back(Object(
        {{"place", ChangePlace(c.place)}, {"before", shown(c.before)}, {"after", shown(c.after)}}));
  }
  auto side = [](const Version& v) {
    return "{\"version\":" + std::to_string(v.version) + ",\"author\":" + Q(v.author) +
           ",\"at\":" + Q(v.at) + ",\"note\":" + Q(v.note) + "}";
  };
  if (ctx.req.api)
    return Json("{\"from\":" + (from ? side(*a) : std::string("null")) + ",\"to\":" + side(*b) +
                ",\"changes\":" + JsonArray(items) + "}");
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"from", std::to_string(from)},
                      {"from_author", a->author},
                      {"from_at", BeijingTime(a->at)},
                      {"from_note", a->note},
                      {"to", std::to_string(to)},
                      {"to_author", b->author},
                      {"to_at", BeijingTime(b->at)},
                      {"to_note", b->note},
                      {"count", std::to_string(changes.size())}});
  data.set("has_from", from > 0);
  data.set("changes", list);
  data.set("has_changes", !changes.empty());
  return ctx.server.Page(ctx, "version_compare", "版本比较：" + doc.title, data);
}

Response EvaluationRestore(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  int64_t expected = Number(ctx.req.Field("version"), -1);
  int64_t from = Number(ctx.req.Field("from"), -1);
  if (expected < 0 || from < 0)
    return ctx.server.Error(ctx, 422, "请求缺少 version（当前版本号）或 from（要恢复的版本号）");
  if (expected != doc.version) return ctx.server.Error(ctx, 409, Stale(doc, expected));
  if (from < 1 || from >= doc.version)
    return ctx.server.Error(ctx, 422,
                            "只能恢复第 1 至第 " + std::to_string(doc.version - 1) + " 版");
  auto old = ctx.server.db().GetVersion(doc.id, from);
  std::string dir = ctx.server.CaseDir(doc.id), error;
  if (!old || !RestoreCase(old->content, dir, error))
    return ctx.server.Error(ctx, 422, old ? error : "找不到第 " + std::to_string(from) + " 版");
  std::string note = "恢复为第 " + std::to_string(from) + " 版的内容";
  auto saved = SaveRescoredCase(ctx, expected, note);
  if (!saved) {
    auto now = ctx.server.db().GetDoc(doc.id);
    ctx.server.SyncCase(doc.id, now->version);
    return ctx.server.Error(ctx, 409, Stale(*now, expected));
  }
  auto shown = [](const Doc& d) {
    return d.total < 0 ? std::string("未评分") : FormatScore(Score{d.total}) + " " + d.grade;
  };
  ctx.server.Audit(ctx, "evaluation.restore", "evaluation:" + doc.id,
                   "第 " + std::to_string(expected) + " 版（" + shown(doc) + "）",
                   note + "（" + *saved + "）");
  std::string message = "已把第 " + std::to_string(from) + " 版的内容恢复为第 " +
                        std::to_string(expected + 1) + " 版";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(message) +
                "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(message));
}

}  // namespace jixiao::web
