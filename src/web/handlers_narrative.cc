// The evaluator's narrative sections (narrative/*.md of the case) in text boxes, with the hygiene
// lint of `jixiao validate` shown beside each; a save is a new version, refused when stale with
// the typed text shown again. Sections are listed in the report's order under its headings; a
// section the report template has but the case has no file for gets a box too (saving text there
// writes narrative/KEY.md and names it in case.json). File names come from the case folder or
// the report template, never from the request.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "app/narrative_check.h"
#include "app/pipeline.h"
#include "casefile/case_files.h"
#include "casefile/scaffold.h"
#include "core/text.h"
#include "ingest/json.h"
#include "report/builder.h"
#include "web/case_snapshot.h"
#include "web/crypto.h"
#include "web/entry_places.h"
#include "web/handlers.h"
#include "web/scratch_files.h"
#include "web/section_text.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxNarrative = 200 * 1024;

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string Name(const std::string& path) { return fs::path(path).filename().string(); }

// A section as the page lists it: its file in narrative/ and the report's heading above it.
struct Section {
  std::string key, file, path, heading;
  bool exists = true;
};

// The case's narrative files in the report's order (its template's [[narrative:KEY]]), then any
// file the report does not print, by name; a template section without a file is listed too.
std::vector<Section> Sections(const std::string& dir) {
  std::vector<std::string> files = NarrativeFiles(dir);
  std::vector<Section> out;
  std::vector<bool> used(files.size(), false);
  std::map<std::string, int> times;  // the report prints some headings over two sections
  for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir())) {
    Section s{key, key + ".md", dir + "/narrative/" + key + ".md", heading.empty() ? key : heading};
    if (++times[s.heading] > 1) s.heading += "（续）";
    s.exists = false;
    for (size_t i = 0; i < files.size(); ++i)
      if (!used[i] && Name(files[i]) == s.file) used[i] = s.exists = true;
    out.push_back(s);
  }
  for (size_t i = 0; i < files.size(); ++i)
    if (!used[i]) {
      std::string name = Name(files[i]);
      out.push_back({name.substr(0, name.size() - 3), name, files[i], name, true});
    }
  return out;
}

// case.json names narrative/FILE for section KEY (a section written for the first time here).
void RegisterSection(const std::string& dir, const std::string& key, const std::string& file) {
  const std::string path = dir + "/case.json";
  JsonValue root = ParseJson(path, ReadText(path));
  JsonValue narrative = root.Find("narrative") ? *root.Find("narrative") : JsonObject();
  if (narrative.Find(key)) return;
  JsonSet(narrative, key, JsonString(file));
  JsonSet(root, "narrative", std::move(narrative));
  std::string temp = dir + "/.jixiao-web-" + RandomHex(8) + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary);
    out << JsonText(root);
  }
  fs::rename(temp, path);
}

// A section still holding the 【待填写】 stub or a 【待补充：…】 line is not 未发现问题: each such
// line is named, since the report prints it and 定稿 refuses it.
void MarkStubs(const std::vector<Section>& sections, Diagnostics& lint) {
  for (const auto& sec : sections) {
    if (!sec.exists) continue;
    std::string text = ReadText(sec.path);
    int line = 1;
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find('\n', at);
      std::string row = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
      for (const char* mark : {kStubMark, "【待补充"})
        if (size_t m = row.find(mark); m != std::string::npos) {
          size_t close = row.find("】", m);
          std::string shown = row.substr(m, close == std::string::npos ? 30 : close + 3 - m);
          lint.Warning("narrative.stub", {sec.path, line, 0, ""},
                       "本节第" + std::to_string(line) + "行仍是“" + shown +
                           "”：报告会原样印出，定稿前须写明内容并删去该标记");
          break;
        }
      if (end == std::string::npos) break;
      at = end + 1;
      ++line;
    }
  }
}

// The form's text for `file`, CRLF turned into LF as browsers send it.
std::string Typed(const Request& req, const std::string& file) {
  std::string text = req.Field("n_" + file), out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

// The lint of the case in `dir` (its narrative, stubs, figures against the data), located by
// section file name.
Diagnostics Lint(const std::string& dir) {
  Diagnostics lint;
  LintCaseNarrative(dir, nullptr, lint);
  MarkStubs(Sections(dir), lint);
  Diagnostics scoring;  // a case that cannot be scored yet says so on the evaluation page
  if (auto evaluation = EvaluateCaseDir(dir, scoring)) LintNarrativeFigures(*evaluation, lint);
  RelocateInCase(lint, dir);
  return lint;
}

// The lint of the texts this request typed (a refused save shows them, trial 3 item 12: not the
// stored ones'): the case copied to a scratch folder with the typed sections written in it.
Diagnostics LintTyped(Ctx& ctx, const std::string& dir) {
  ScratchFolder scratch(ctx.server.options().data_dir);
  const std::string copy = scratch.path() + "/case";
  std::error_code ec;
  fs::copy(dir, copy, fs::copy_options::recursive, ec);
  if (ec) return Lint(dir);
  fs::create_directories(copy + "/narrative", ec);
  for (const auto& sec : Sections(copy)) {
    if (!ctx.req.form.count("n_" + sec.file)) continue;
    const std::string typed = Typed(ctx.req, sec.file);
    if (!sec.exists && Trim(typed).empty()) continue;
    if (!sec.exists) RegisterSection(copy, sec.key, sec.file);
    std::ofstream(copy + "/narrative/" + sec.file, std::ios::binary) << typed;
  }
  return Lint(copy);
}

// `theirs`: on a stale save, the latest saved text of each section changed on both sides (file ->
// text), shown beside the typed one (trial 5 item 5: the refusal only said to open a new window).
Response Show(Ctx& ctx, const std::string& message, int status, bool from_request,
              const std::map<std::string, std::string>& theirs = {}) {
  const Doc& doc = *ctx.doc;
  std::string dir = ctx.server.CaseDir(doc.id);
  const Diagnostics lint = from_request ? LintTyped(ctx, dir) : Lint(dir);
  std::vector<Section> sections_found = Sections(dir);
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& sec : sections_found) {
      std::vector<std::string> notes;
      for (const auto& d : lint.items())
        if (Name(d.where.file) == sec.file) notes.push_back(DiagnosticJson(d));
      auto other = theirs.find(sec.file);
      items.push_back(
          "{\"file\":" + Q(sec.file) + ",\"heading\":" + Q(sec.heading) +
          (other != theirs.end() ? ",\"saved_text\":" + Q(other->second) : std::string()) +
          ",\"exists\":" + (sec.exists ? "true" : "false") + ",\"text\":" +
          Q(from_request ? Typed(ctx.req, sec.file) : (sec.exists ? ReadText(sec.path) : "")) +
          ",\"lint\":" + JsonArray(notes) + "}");
    }
    return Json("{\"version\":" + std::to_string(doc.version) + ",\"sections\":" +
                    JsonArray(items) + (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
                status);
  }
  // Each section under its heading in the report (立项背景), in the report's order.
  Data sections = List();
  for (const auto& sec : sections_found) {
    Data notes = List();
    bool any = false;
    for (const auto& d : lint.items())
      if (Name(d.where.file) == sec.file) {
        Diagnostic shown = d;
        shown.where.file = sec.heading;
        shown.message = EntryMessage(d.message);  // the page's words, not the CLI's
        notes.push_back(DiagnosticData(shown));
        any = true;
      }
    Data s = Object({{"file", sec.file},
                     {"key", sec.key},
                     {"heading", sec.heading},
                     {"text", from_request ? Typed(ctx.req, sec.file)
                                           : (sec.exists ? ReadText(sec.path) : "")}});
    s.set("missing", !sec.exists);
    auto other = theirs.find(sec.file);
    s.set("has_theirs", other != theirs.end());
    if (other != theirs.end()) s.set("theirs", other->second);
    s.set("lint", notes);
    s.set("has_lint", any);
    sections.push_back(s);
  }
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"message", message}});
  data.set("sections", sections);
  data.set("can_edit", ctx.user->role == "evaluator");
  return ctx.server.Page(ctx, "narrative", "叙述：" + doc.title, data, status);
}

// The headings of the sections this request changes (against version `opened`) that were also
// changed between `opened` and the latest version; every typed section when `opened` is unknown.
// `untouched`: the sections sent as they were at `opened` (not to be written over the latest).
std::vector<std::string> SectionsChangedSince(Ctx& ctx, const std::string& dir, int64_t opened,
                                              std::set<std::string>& untouched) {
  auto then = ctx.server.db().GetVersion(ctx.doc->id, opened);
  std::vector<std::string> both;
  for (const auto& sec : Sections(dir)) {
    if (!ctx.req.form.count("n_" + sec.file)) continue;
    const std::string now = sec.exists ? ReadText(sec.path) : "";
    std::optional<std::string> before;
    if (then) before = SnapshotFile(then->content, "narrative/" + sec.file);
    const std::string typed = Typed(ctx.req, sec.file);
    if (before && !SectionTextChanged(*before, typed)) untouched.insert(sec.file);
    if (!before || (SectionTextChanged(*before, typed) && SectionTextChanged(*before, now) &&
                    SectionTextChanged(now, typed)))
      both.push_back(sec.heading);
  }
  return both;
}

}  // namespace

Response NarrativeShow(Ctx& ctx) { return Show(ctx, ctx.req.Field("message"), 200, false); }

Response NarrativeSave(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  int64_t expected = *opened;
  std::string dir = ctx.server.CaseDir(doc.id);
  std::set<std::string> untouched;
  if (expected != doc.version) {
    // Saved since the page was opened (the entry form in another tab, trial 3 item 12): the
    // sections typed here are saved on the latest version unless one of them was changed there
    // too; then the refusal names those sections, and nothing typed is lost.
    std::string both;
    const auto changed_there = SectionsChangedSince(ctx, dir, expected, untouched);
    for (const auto& heading : changed_there) both += (both.empty() ? "" : "”“") + heading;
    std::map<std::string, std::string> theirs;  // those sections as the latest version holds them
    auto latest = ctx.server.db().GetVersion(doc.id, 0);
    for (const auto& sec : Sections(dir))
      if (latest &&
          std::find(changed_there.begin(), changed_there.end(), sec.heading) != changed_there.end())
        theirs[sec.file] = SnapshotFile(latest->content, "narrative/" + sec.file).value_or("");
    if (!both.empty())
      return Show(ctx,
                  "未保存：" + StaleSentence(doc, "评价", "保存为", expected) + "其中“" + both +
                      "”也被改过。下面仍是您输入的内容，每节旁列出了第 " +
                      std::to_string(doc.version) + " 版（" + doc.updated_by +
                      "）保存的文字；请对照后再保存。",
                  409, true, theirs);
    expected = doc.version;
  }
  std::map<std::string, std::pair<std::string, std::string>> changed;  // file -> before, after
  std::vector<std::pair<std::string, std::string>> added;  // key, file: first written here
  for (const auto& sec : Sections(dir)) {
    const std::string& name = sec.file;
    if (!ctx.req.form.count("n_" + name) || untouched.count(name)) continue;
    std::string after = Typed(ctx.req, name);
    if (after.size() > kMaxNarrative)
      return Show(
          ctx, "未保存：“" + sec.heading + "”超过 200 KB，请精简后再保存（下面仍是您输入的内容）",
          413, true);
    if (!sec.exists && Trim(after).empty()) continue;
    std::string before = sec.exists ? ReadText(sec.path) : "";
    if (SectionTextChanged(before, after)) changed[name] = {before, after};
    if (!sec.exists) added.push_back({sec.key, name});
  }
  if (changed.empty())
    return Redirect("/evaluations/" + doc.id + "/narrative?message=" + UrlEncode("没有改动"));
  // The sections are written, then the whole case is saved as the new version; when that save
  // is refused the folder is brought back to the store's version at the next request.
  std::error_code ec;
  fs::create_directories(dir + "/narrative", ec);
  for (const auto& [key, file] : added) RegisterSection(dir, key, file);
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
