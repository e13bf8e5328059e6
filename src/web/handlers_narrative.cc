// The evaluator's narrative sections (narrative/*.md of the case) in text boxes, with the hygiene
// lint of `jixiao validate` shown beside each; a save is a new version, refused when stale with
// the typed text shown again. Only files that already exist in the case are written (their names
// come from the case folder, never from the request).
#include <filesystem>
#include <fstream>
#include <map>

#include "app/narrative_check.h"
#include "casefile/scaffold.h"
#include "report/builder.h"
#include "web/case_snapshot.h"
#include "web/crypto.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxNarrative = 200 * 1024;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string Name(const std::string& path) { return fs::path(path).filename().string(); }

// The form's text for `file`, CRLF turned into LF as browsers send it.
std::string Typed(const Request& req, const std::string& file) {
  std::string text = req.Field("n_" + file), out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

Response Show(Ctx& ctx, const std::string& message, int status, bool from_request) {
  const Doc& doc = *ctx.doc;
  std::string dir = ctx.server.CaseDir(doc.id);
  Diagnostics lint;
  LintCaseNarrative(dir, nullptr, lint);
  std::vector<std::string> files = NarrativeFiles(dir);
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& f : files) {
      std::vector<std::string> notes;
      for (const auto& d : lint.items())
        if (Name(d.where.file) == Name(f)) notes.push_back(DiagnosticJson(d));
      items.push_back("{\"file\":" + Q(Name(f)) + ",\"text\":" + Q(ReadText(f)) +
                      ",\"lint\":" + JsonArray(notes) + "}");
    }
    return Json("{\"version\":" + std::to_string(doc.version) + ",\"sections\":" +
                    JsonArray(items) + (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
                status);
  }
  // Each section under its heading in the report (立项背景), not its file name.
  std::map<std::string, std::string> headings;
  for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
    headings[key + ".md"] = heading;
  Data sections = List();
  for (const auto& f : files) {
    Data notes = List();
    bool any = false;
    for (const auto& d : lint.items())
      if (Name(d.where.file) == Name(f)) {
        Diagnostic shown = d;
        shown.where.file = Name(f);
        notes.push_back(DiagnosticData(shown));
        any = true;
      }
    Data s = Object(
        {{"file", Name(f)},
         {"heading",
          headings.count(Name(f)) && !headings[Name(f)].empty() ? headings[Name(f)] : Name(f)},
         {"text", from_request ? Typed(ctx.req, Name(f)) : ReadText(f)}});
    s.set("lint", notes);
    s.set("has_lint", any);
    sections.push_back(s);
  }
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"message", message}});
  data.set("sections", sections);
  return ctx.server.Page(ctx, "narrative", "叙述：" + doc.title, data, status);
}

}  // namespace

Response NarrativeShow(Ctx& ctx) { return Show(ctx, ctx.req.Field("message"), 200, false); }

Response NarrativeSave(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  std::string dir = ctx.server.CaseDir(doc.id);
  if (expected != doc.version)
    return Show(ctx,
                "未保存：" + StaleSentence(doc, "评价", "保存为", expected) +
                    "下面仍是您输入的内容；请对照最新版本（可在新窗口打开本页查看）后再保存。",
                409, true);
  std::map<std::string, std::pair<std::string, std::string>> changed;  // file -> before, after
  for (const auto& f : NarrativeFiles(dir)) {
    std::string name = Name(f);
    if (!ctx.req.form.count("n_" + name)) continue;
    std::string after = Typed(ctx.req, name);
    if (after.size() > kMaxNarrative)
      return ctx.server.Error(ctx, 413, name + " 超过 200 KB，请精简后再保存");
    std::string before = ReadText(f);
    if (after != before) changed[name] = {before, after};
  }
  if (changed.empty())
    return Redirect("/evaluations/" + doc.id + "/narrative?message=" + UrlEncode("没有改动"));
  // The sections are written, then the whole case is saved as the new version; when that save
  // is refused the folder is brought back to the store's version at the next request.
  for (const auto& [name, texts] : changed) {
    std::string target = dir + "/narrative/" + name;
    std::string temp = dir + "/narrative/.jixiao-web-" + RandomHex(8) + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary);
      out << texts.second;
    }
    fs::rename(temp, target);
  }
  bool saved = ctx.server.db().SaveVersion(doc, expected, SnapshotCase(dir), ctx.user->name,
                                           "修改叙述：" + std::to_string(changed.size()) + " 节");
  ctx.server.CaseSaved(doc.id, expected + 1, saved);
  if (!saved) {
    ctx.server.SyncCase(doc.id, ctx.server.db().GetDoc(doc.id)->version);
    return Show(ctx, "未保存：该评价刚被他人保存。下面仍是您输入的内容，请刷新对照后再保存。", 409,
                true);
  }
  for (const auto& [name, texts] : changed)
    ctx.server.Audit(ctx, "evaluation.narrative", "evaluation:" + doc.id + " " + name,
                     texts.first.substr(0, 4000), texts.second.substr(0, 4000));
  std::string note = "已保存第 " + std::to_string(expected + 1) + " 版（" +
                     std::to_string(changed.size()) + " 节叙述）";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/evaluations/" + doc.id + "/narrative?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
