// The admin's regions, uploaded frameworks and 自评 rule sets (the catalog in web/uploads.h).
// Regions: list, register, rename (accounts and documents follow the new name). Frameworks and
// rule sets: the shipped ones listed read-only; an upload is checked by the CLI's loaders
// (ingest/framework_loader.h, ingest/selfeval_rules_loader.h) and stored only when valid, as a new
// version when its id was uploaded before; an upload can be disabled (and enabled again). Every
// change is audit-logged.
#include <fstream>

#include "casefile/frameworks.h"
#include "core/text.h"
#include "ingest/framework_loader.h"
#include "ingest/framework_workbook.h"
#include "ingest/selfeval_rules_loader.h"
#include "web/crypto.h"
#include "web/handlers.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace {

constexpr size_t kMaxRegionChars = 50;

size_t Chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A region name as typed, or a Chinese reason it cannot be one.
std::string RegionProblem(Db& db, const std::string& name) {
  if (name.empty()) return "请填写区域名称（如“闵行区”）";
  if (Chars(name) > kMaxRegionChars)
    return "区域名称不超过 " + std::to_string(kMaxRegionChars) + " 个字";
  if (name.find_first_of("\r\n\t") != std::string::npos) return "区域名称不能含换行或制表符";
  for (const auto& n : RegionNames(db))
    if (n == name) return "区域“" + name + "”已存在";
  return "";
}

const char* KindLabel(const std::string& kind) {
  return kind == "framework" ? "指标体系" : "自评规则";
}

}  // namespace

Response RegionsPage(Ctx& ctx) {
  auto users = ctx.server.db().Users();
  std::vector<std::string> items;
  Data list = List();
  // A refused rename (RegionRename) shows its typed name and message in that region's row.
  const bool renaming = ctx.rejected && ctx.rejected->field == "rename";
  for (const auto& d : ctx.server.db().Docs("region")) {
    int64_t accounts = 0;
    for (const auto& u : users) accounts += u.region == d.title;
    items.push_back("{\"id\":" + Q(d.id) + ",\"name\":" + Q(d.title) + ",\"version\":" +
                    std::to_string(d.version) + ",\"accounts\":" + std::to_string(accounts) + "}");
    Data row = Object({{"id", d.id},
                       {"name", d.title},
                       {"version", std::to_string(d.version)},
                       {"accounts", std::to_string(accounts)},
                       {"updated", d.updated_by + " " + BeijingTime(d.updated_at)}});
    // Set on every row: an empty value keeps the page-level error_rename out of other rows.
    const bool refused = renaming && ctx.req.params["region"] == d.id;
    row.set("typed_rename", refused ? ctx.req.Field("name") : "");
    row.set("error_rename", refused ? ctx.rejected->message : "");
    list.push_back(row);
  }
  if (ctx.req.api) return Json("{\"regions\":" + JsonArray(items) + "}");
  // Regions accounts name that were never registered (accounts made before regions existed).
  Data unregistered = List();
  auto names = RegionNames(ctx.server.db());
  std::vector<std::string> seen;
  for (const auto& u : users)
    if (!u.region.empty() && std::find(names.begin(), names.end(), u.region) == names.end() &&
        std::find(seen.begin(), seen.end(), u.region) == seen.end()) {
      seen.push_back(u.region);
      unregistered.push_back(Object({{"name", u.region}}));
    }
  Data data;
  data.set("regions", list);
  data.set("has_regions", !items.empty());
  data.set("unregistered", unregistered);
  data.set("has_unregistered", !seen.empty());
  data.set("renaming", renaming);
  if (!ctx.req.Field("message").empty()) data.set("message", ctx.req.Field("message"));
  return ctx.server.Page(ctx, "admin_regions", "区域", data);
}

Response RegionCreate(Ctx& ctx) {
  const std::string name = Trim(ctx.req.Field("name"));
  if (std::string why = RegionProblem(ctx.server.db(), name); !why.empty())
    return ctx.server.Reject(ctx, "name", "区域未新建：" + why, RegionsPage);
  Doc doc;
  doc.id = RandomHex(12);
  doc.kind = "region";
  doc.title = name;
  doc.owner = ctx.user->id;
  ctx.server.db().AddDoc(doc, name, ctx.user->name, "新建区域");
  ctx.server.Audit(ctx, "region.add", "region:" + doc.id, "", name);
  if (ctx.req.api)
    return Json("{\"id\":" + Q(doc.id) + ",\"name\":" + Q(name) + ",\"version\":1}", 201);
  return Redirect("/admin/regions?message=" + UrlEncode("已新建区域 " + name));
}

Response RegionRename(Ctx& ctx) {
  auto doc = ctx.server.db().GetDoc(ctx.req.params["region"]);
  if (!doc || doc->kind != "region") return ctx.server.Error(ctx, 404, "没有这个区域");
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const std::string name = Trim(ctx.req.Field("name"));
  if (std::string why = RegionProblem(ctx.server.db(), name); !why.empty())
    return ctx.server.Reject(ctx, ctx.req.api ? "name" : "rename",
                             "区域“" + doc->title + "”未改名：" + why, RegionsPage);
  if (*opened != doc->version)
    return ctx.server.Error(
        ctx, 409,
        "未改名：" + StaleSentence(*doc, "区域", "改为", *opened) + "请刷新区域页后再改。",
        {"您填写的新名称：" + name});
  Doc renamed = *doc;
  renamed.title = name;
  if (!ctx.server.db().SaveVersion(renamed, *opened, name, ctx.user->name, "改名为 " + name))
    return ctx.server.Error(ctx, 409, "未改名：该区域刚被他人修改，请刷新后再改。");
  auto [accounts, documents] = ctx.server.db().RenameRegion(doc->title, name);
  ctx.server.Audit(ctx, "region.rename", "region:" + doc->id, doc->title,
                   name + "（账号 " + std::to_string(accounts) + " 个，文档 " +
                       std::to_string(documents) + " 份随之改名）");
  std::string note = "已把区域“" + doc->title + "”改名为“" + name + "”：账号 " +
                     std::to_string(accounts) + " 个、文档 " + std::to_string(documents) +
                     " 份随之改名";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(*opened + 1) +
                ",\"accounts\":" + std::to_string(accounts) +
                ",\"documents\":" + std::to_string(documents) + ",\"message\":" + Q(note) + "}");
  return Redirect("/admin/regions?message=" + UrlEncode(note));
}

Response FrameworksAdmin(Ctx& ctx) {
  Data shipped = List(), uploaded = List();
  std::vector<std::string> items;
  for (const auto& id : ShippedFrameworkIds()) {
    bool rules = id.rfind("selfeval-", 0) == 0;
    std::string title = id;
    if (auto file = FindShippedFramework(id)) {
      Diagnostics ignored;
      if (rules) {
        if (auto r = LoadSelfEvalRules(*file, ignored)) title = r->title;
      } else if (auto fw = LoadFramework(*file, ignored)) {
        title = fw->title;
      }
    }
    items.push_back("{\"id\":" + Q(id) + ",\"title\":" + Q(title) + ",\"kind\":" +
                    Q(rules ? "selfeval-rules" : "framework") + ",\"shipped\":true}");
    Data row = Object({{"id", id}, {"title", title}, {"kind", rules ? "自评规则" : "指标体系"}});
    row.set("sheet", !rules);  // the 指标体系表 download (rule sets have none)
    shipped.push_back(row);
  }
  for (const char* kind : {"framework", "selfeval-rules"})
    for (const auto& u : UploadedSets(ctx.server.db(), kind)) {
      items.push_back("{\"id\":" + Q(kUploadPrefix + u.doc.id) + ",\"set_id\":" + Q(u.set_id) +
                      ",\"title\":" + Q(u.doc.title) + ",\"kind\":" + Q(kind) +
                      ",\"shipped\":false,\"version\":" + std::to_string(u.doc.version) +
                      ",\"disabled\":" + (u.disabled() ? "true" : "false") + "}");
      Data row = Object({{"doc", u.doc.id},
                         {"id", u.set_id},
                         {"title", u.doc.title},
                         {"kind", KindLabel(kind)},
                         {"version", std::to_string(u.doc.version)},
                         {"updated", u.doc.updated_by + " " + BeijingTime(u.doc.updated_at)},
                         {"state", u.disabled() ? "已停用" : "可用"}});
      row.set("disabled", u.disabled());
      row.set("sheet", std::string(kind) == "framework");
      uploaded.push_back(row);
    }
  if (ctx.req.api) return Json("{\"frameworks\":" + JsonArray(items) + "}");
  Data data;
  data.set("shipped", shipped);
  data.set("uploaded", uploaded);
  data.set("has_uploaded", !uploaded.is_empty_list());
  if (!ctx.req.Field("message").empty()) data.set("message", ctx.req.Field("message"));
  return ctx.server.Page(ctx, "admin_frameworks", "指标体系与自评规则", data);
}

Response FrameworkUpload(Ctx& ctx) {
  const std::string kind =
      ctx.req.Field("kind") == "selfeval-rules" ? "selfeval-rules" : "framework";
  const Upload* upload = ctx.req.File("file");
  if (!upload || upload->bytes.empty())
    return ctx.server.Reject(ctx, "file",
                             std::string("请选择") + KindLabel(kind) +
                                 (kind == "framework" ? "的 Excel 或 JSON 文件" : "的 JSON 文件"),
                             FrameworksAdmin);
  std::string shown =
      upload->filename.empty() ? "上传的文件.json" : upload->filename.substr(0, 200);
  std::string id, title;
  std::string stored = upload->bytes;  // what is saved: the JSON (read from a workbook if one)
  Diagnostics diags;
  std::vector<std::string> problems;
  {
    ScratchFolder scratch(ctx.server.options().data_dir);
    // A framework workbook (指标体系表 .xlsx, a zip) is read into the framework's JSON text, which
    // is what is stored: every later reader of the upload stays the JSON loader.
    const bool workbook = kind == "framework" && upload->bytes.rfind("PK", 0) == 0;
    std::string path = scratch.path() + (workbook ? "/upload.xlsx" : "/upload.json");
    {
      std::ofstream out(path, std::ios::binary);
      out.write(upload->bytes.data(), static_cast<std::streamsize>(upload->bytes.size()));
    }
    if (workbook) {
      std::string json;
      if (auto fw = ReadFrameworkWorkbook(path, shown, diags, &json)) {
        id = fw->id, title = fw->title;
        stored = std::move(json);
      }
    } else if (kind == "framework") {
      if (auto fw = LoadFramework(path, diags)) id = fw->id, title = fw->title;
    } else if (auto rules = LoadSelfEvalRules(path, diags)) {
      id = rules->id, title = rules->title;
    }
    problems = LocatedLines(diags, path, shown);
  }
  if (diags.HasErrors() || id.empty()) {
    if (problems.empty()) problems.push_back(shown + "：没有 id，请在 JSON 顶层写 \"id\"");
    return ctx.server.Reject(
        ctx, "file",
        std::string("未保存：") + KindLabel(kind) + "有错误，请按下列位置修改后重新上传",
        FrameworksAdmin, problems);
  }
  for (const auto& shipped : ShippedFrameworkIds())
    if (shipped == id)
      return ctx.server.Reject(ctx, "file",
                               "未保存：id “" + id + "”与随附的" + KindLabel(kind) + "相同；请在 " +
                                   shown + " 的 id 中换一个名字后重新上传",
                               FrameworksAdmin);
  if (title.empty()) title = id;
  std::string meta = "{\"id\":" + Q(id) + ",\"kind\":" + Q(kind) + "}";
  std::optional<UploadedSet> before;
  for (auto& u : UploadedSets(ctx.server.db(), kind))
    if (u.set_id == id) before = u;
  Doc doc;
  int64_t version = 1;
  if (before) {
    doc = before->doc;
    doc.title = title, doc.scorecard_json = meta;
    if (!ctx.server.db().SaveVersion(doc, doc.version, stored, ctx.user->name, "重新上传"))
      return ctx.server.Error(ctx, 409, "未保存：该项刚被他人修改，请刷新后重新上传");
    version = doc.version + 1;
  } else {
    doc.id = RandomHex(12);
    doc.kind = kind, doc.title = title, doc.scorecard_json = meta, doc.owner = ctx.user->id;
    ctx.server.db().AddDoc(doc, stored, ctx.user->name, "上传");
  }
  ctx.server.Audit(ctx, kind + ".upload", kind + ":" + doc.id,
                   before ? "第 " + std::to_string(version - 1) + " 版" : "",
                   id + " " + title + "（第 " + std::to_string(version) + " 版，" +
                       std::to_string(upload->bytes.size()) + " 字节）");
  std::string note = std::string("已保存") + KindLabel(kind) + "“" + title + "”（" + id + "，第 " +
                     std::to_string(version) + " 版）";
  if (ctx.req.api)
    return Json("{\"id\":" + Q(kUploadPrefix + doc.id) + ",\"set_id\":" + Q(id) +
                    ",\"version\":" + std::to_string(version) + ",\"message\":" + Q(note) + "}",
                before ? 200 : 201);
  return Redirect("/admin/frameworks?message=" + UrlEncode(note));
}

Response FrameworkDisable(Ctx& ctx) {
  auto doc = ctx.server.db().GetDoc(ctx.req.params["upload"]);
  if (!doc || (doc->kind != "framework" && doc->kind != "selfeval-rules"))
    return ctx.server.Error(ctx, 404, "没有这个上传的指标体系或自评规则");
  const bool disable = ctx.req.Field("disabled") != "0";
  if ((doc->grade == kDisabled) == disable)
    return Redirect("/admin/frameworks?message=" + UrlEncode("没有改动"));
  auto version = ctx.server.db().GetVersion(doc->id, 0);
  Doc changed = *doc;
  changed.grade = disable ? kDisabled : "";
  if (!version || !ctx.server.db().SaveVersion(changed, doc->version, version->content,
                                               ctx.user->name, disable ? "停用" : "启用"))
    return ctx.server.Error(ctx, 409, "未改动：该项刚被他人修改，请刷新后再试");
  ctx.server.Audit(ctx, doc->kind + (disable ? ".disable" : ".enable"), doc->kind + ":" + doc->id,
                   disable ? "可用" : "已停用", disable ? "已停用" : "可用");
  std::string note = std::string(disable ? "已停用" : "已启用") + "“" + doc->title + "”" +
                     (disable ? "：新建评价或自评表时不再列出，已用它的评价不受影响" : "");
  if (ctx.req.api)
    return Json("{\"disabled\":" + std::string(disable ? "true" : "false") +
                ",\"message\":" + Q(note) + "}");
  return Redirect("/admin/frameworks?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
