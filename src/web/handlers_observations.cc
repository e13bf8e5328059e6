// The evaluator's 主要经验及做法, 存在问题 and 相关建议 (issue 21/22) as form rows, saved through
// app/observations_app.h (the entry workbook's own reader: one writer), and the 生成初稿 button
// that runs app/draft (`jixiao draft CASE`, never overwriting the evaluator's text). Both save a
// new version with the case folder; a stale save is refused with the typed rows shown again.
#include <map>

#include "app/draft_app.h"
#include "app/observations_app.h"
#include "casefile/scaffold.h"
#include "report/builder.h"
#include "web/case_snapshot.h"
#include "web/entry_places.h"
#include "web/handlers.h"
#include "web/scratch_files.h"

namespace jixiao::web {

namespace {

constexpr size_t kMaxItem = 20 * 1024;
constexpr int kBlankRows = 2;  // empty rows under each list for new items

struct ListInfo {
  const char* key;
  const char* heading;
  std::vector<ObservationEdit> ObservationLists::*list;
};
const ListInfo kLists[3] = {{"experiences", "主要经验及做法", &ObservationLists::experiences},
                            {"problems", "存在问题", &ObservationLists::problems},
                            {"suggestions", "相关建议", &ObservationLists::suggestions}};

std::string Lf(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

std::string FieldName(const char* list, const char* field, size_t i) {
  return std::string(list) + "_" + field + "_" + std::to_string(i);
}

// The rows the form sent: KEY_title_I, KEY_text_I, KEY_codes_I for I = 0, 1, … while present.
ObservationLists Typed(const Request& req) {
  ObservationLists out;
  for (const auto& l : kLists)
    for (size_t i = 0; i < kMaxFields; ++i) {
      if (!req.form.count(FieldName(l.key, "title", i)) &&
          !req.form.count(FieldName(l.key, "text", i)) &&
          !req.form.count(FieldName(l.key, "codes", i)))
        break;
      (out.*l.list)
          .push_back({Lf(req.Field(FieldName(l.key, "title", i))),
                      Lf(req.Field(FieldName(l.key, "text", i))),
                      Lf(req.Field(FieldName(l.key, "codes", i)))});
    }
  return out;
}

// "$.problems[1].indicators" -> the form row's notes key "problems_1".
std::string RowKey(const std::string& path) {
  if (path.rfind("$.", 0) != 0) return "";
  size_t open = path.find('['), close = path.find(']');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return path.substr(2, open - 2) + "_" + path.substr(open + 1, close - open - 1);
}

Response Show(Ctx& ctx, const ObservationLists& lists, const std::string& message,
              const Diagnostics& problems, int status) {
  const Doc& doc = *ctx.doc;
  std::map<std::string, std::vector<std::string>> notes;  // row key -> messages
  std::vector<std::string> loose, json_notes;
  for (const auto& d : problems.items()) {
    std::string key = RowKey(d.where.path);
    std::string field = d.where.path.substr(d.where.path.rfind('.') + 1);
    std::string label = field == "title"        ? "标题："
                        : field == "text"       ? "内容："
                        : field == "indicators" ? "相关指标："
                                                : "";
    if (key.empty())
      loose.push_back(EntryMessage(d.message));
    else
      notes[key].push_back(label + EntryMessage(d.message));
    json_notes.push_back(DiagnosticJson(d));
  }
  if (ctx.req.api) {
    std::string body = "{\"version\":" + std::to_string(doc.version);
    for (const auto& l : kLists) {
      std::vector<std::string> items;
      for (const auto& e : lists.*l.list)
        items.push_back("{\"title\":" + Q(e.title) + ",\"text\":" + Q(e.text) +
                        ",\"indicators\":" + Q(e.indicators) + "}");
      body += ",\"" + std::string(l.key) + "\":" + JsonArray(items);
    }
    if (!json_notes.empty()) body += ",\"diagnostics\":" + JsonArray(json_notes);
    return Json(body + (message.empty() ? "" : ",\"message\":" + Q(message)) + "}", status);
  }
  Data sections = List();
  for (const auto& l : kLists) {
    Data rows = List();
    const auto& items = lists.*l.list;
    for (size_t i = 0; i < items.size() + kBlankRows; ++i) {
      ObservationEdit e = i < items.size() ? items[i] : ObservationEdit{};
      Data row = Object({{"n", std::to_string(i + 1)},
                         {"title_name", FieldName(l.key, "title", i)},
                         {"text_name", FieldName(l.key, "text", i)},
                         {"codes_name", FieldName(l.key, "codes", i)},
                         // Names no outer context has: an empty value falls through to it.
                         {"item_title", e.title},
                         {"item_text", e.text},
                         {"item_codes", e.indicators}});
      Data row_notes = List();
      for (const auto& n : notes[std::string(l.key) + "_" + std::to_string(i)])
        row_notes.push_back(Object({{"message", n}}));
      row.set("has_notes", !notes[std::string(l.key) + "_" + std::to_string(i)].empty());
      row.set("notes", row_notes);
      row.set("new", i >= items.size());
      rows.push_back(row);
    }
    Data s = Object({{"key", l.key}, {"heading", l.heading}});
    s.set("rows", rows);
    sections.push_back(s);
  }
  Data loose_list = List();
  for (const auto& m : loose) loose_list.push_back(Object({{"message", m}}));
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"message", message}});
  data.set("sections", sections);
  data.set("loose", loose_list);
  data.set("has_loose", !loose.empty());
  return ctx.server.Page(ctx, "observations", "经验、问题与建议：" + doc.title, data, status);
}

std::string Summary(const ObservationLists& l) {
  return "经验 " + std::to_string(l.experiences.size()) + " 条、问题 " +
         std::to_string(l.problems.size()) + " 条、建议 " + std::to_string(l.suggestions.size()) +
         " 条";
}

// One line of `jixiao draft`'s account as the page says it: the report's headings, no file names.
std::string DraftLineForPage(std::string line) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at = line.find(from); at != std::string::npos; at = line.find(from, at + to.size()))
      line.replace(at, from.size(), to);
  };
  if (line.find("登记了新的叙述文件") != std::string::npos) return "";
  replace("case.json：$.experiences 写入", "主要经验：写入");
  replace("case.json：$.problems 写入", "存在问题：写入");
  replace("case.json：$.suggestions 写入", "相关建议：写入");
  replace("（需要时加 --force）", "");
  replace("，已在 case.json 中登记", "");
  for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
    if (!heading.empty()) replace("narrative/" + key + ".md", "叙述“" + heading + "”");
  replace("narrative/", "叙述 ");
  return line;
}

}  // namespace

Response ObservationsShow(Ctx& ctx) {
  Diagnostics diags;
  auto lists = ReadObservations(ctx.server.CaseDir(ctx.doc->id), diags);
  if (!lists)
    return Show(ctx, {}, "案例尚不能读取，请先在评价页按核验清单处理后再填写。", diags, 200);
  return Show(ctx, *lists, ctx.req.Field("message"), {}, 200);
}

Response ObservationsSave(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  ObservationLists typed = Typed(ctx.req);
  for (const auto& l : kLists)
    for (const auto& e : typed.*l.list)
      if (e.title.size() + e.text.size() + e.indicators.size() > kMaxItem)
        return ctx.server.Error(ctx, 413, std::string(l.heading) + "中有一条超过 20 KB，请精简");
  if (expected != doc.version)
    return Show(ctx, typed,
                "未保存：" + StaleSentence(doc, "评价", "保存为", expected) +
                    "下面仍是您输入的内容；请对照最新版本（可在新窗口打开本页查看）后再保存。",
                {}, 409);
  std::string dir = ctx.server.CaseDir(doc.id);
  Diagnostics diags;
  auto before = ReadObservations(dir, diags);
  if (!before) return Show(ctx, typed, "未保存：案例尚不能读取。", diags, 422);
  if (!SaveObservations(dir, typed, diags)) {
    ctx.server.SyncCase(doc.id, doc.version);
    return Show(ctx, typed, "未保存：请按各条下的提示修改后再保存。", diags, 422);
  }
  Diagnostics reread;
  auto after = ReadObservations(dir, reread);
  bool saved = ctx.server.db().SaveVersion(doc, expected, SnapshotCase(dir), ctx.user->name,
                                           "修改经验、问题与建议");
  ctx.server.CaseSaved(doc.id, expected + 1, saved);
  if (!saved) {
    ctx.server.SyncCase(doc.id, ctx.server.db().GetDoc(doc.id)->version);
    return Show(ctx, typed,
                "未保存：该评价刚被他人保存。下面仍是您输入的内容，请刷新对照后再保存。", {}, 409);
  }
  ctx.server.Audit(ctx, "evaluation.observations", "evaluation:" + doc.id, Summary(*before),
                   after ? Summary(*after) : "");
  std::string note = "已保存第 " + std::to_string(expected + 1) + " 版（" +
                     (after ? Summary(*after) : std::string("经验、问题与建议")) + "）";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/evaluations/" + doc.id + "/observations?message=" + UrlEncode(note));
}

Response EvaluationDraft(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  const std::string back = ctx.req.Field("back") == "narrative" ? "narrative" : "observations";
  if (expected != doc.version)
    return ctx.server.Error(ctx, 409,
                            "未生成初稿：" + StaleSentence(doc, "评价", "保存为", expected) +
                                "请刷新页面后再点“生成初稿”。");
  std::string dir = ctx.server.CaseDir(doc.id);
  Diagnostics diags;
  auto done = DraftCase(dir, false, diags);
  if (!done) {
    ctx.server.SyncCase(doc.id, doc.version);
    std::string why;
    RelocateInCase(diags, dir);  // no server folder in the reason
    for (const auto& d : diags.items())
      if (d.severity == Severity::kError) {
        std::string place = EntryPlace(d.where);
        why += (why.empty() ? "" : "；") + (place.empty() ? "" : place + "：") +
               EntryMessage(d.message);
      }
    // The page the button was on, again, with the reason at the top.
    return ctx.server.Reject(ctx, "",
                             "未生成初稿：案例尚不能评分，请先按评价页的核验清单补齐。" + why,
                             back == "narrative" ? NarrativeShow : ObservationsShow);
  }
  std::vector<std::string> lines, written;
  for (const auto& raw : *done) {
    std::string line = DraftLineForPage(raw);
    if (line.empty()) continue;
    lines.push_back(line);
    if (line.find("未覆盖") == std::string::npos) written.push_back(line);
  }
  std::string note;
  if (written.empty()) {
    note = "没有需要起草的内容：各节与经验、问题、建议都已有评价人员撰写的内容，未作改动。";
  } else {
    bool saved = ctx.server.db().SaveVersion(doc, expected, SnapshotCase(dir), ctx.user->name,
                                             "生成初稿：" + std::to_string(written.size()) + " 项");
    ctx.server.CaseSaved(doc.id, expected + 1, saved);
    if (!saved) {
      ctx.server.SyncCase(doc.id, ctx.server.db().GetDoc(doc.id)->version);
      return ctx.server.Error(ctx, 409, "未生成初稿：该评价刚被他人保存，请刷新页面后再试。");
    }
    std::string all;
    for (const auto& l : lines) all += l + "\n";
    ctx.server.Audit(ctx, "evaluation.draft", "evaluation:" + doc.id, "", all.substr(0, 4000));
    note = "已生成初稿并保存为第 " + std::to_string(expected + 1) + " 版：";
  }
  for (size_t i = 0; i < lines.size(); ++i) note += (i ? "；" : "") + lines[i];
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& l : lines) items.push_back(Q(l));
    return Json("{\"version\":" + std::to_string(written.empty() ? expected : expected + 1) +
                ",\"drafted\":" + JsonArray(items) + ",\"message\":" + Q(note) + "}");
  }
  return Redirect("/evaluations/" + doc.id + "/" + back + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
