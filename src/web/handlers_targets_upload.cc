// The unit's 绩效目标表 list and upload: an .xlsx or .csv file, or rows pasted from Excel with the
// 申报表's header block typed beside them (项目名称, 主管部门, 实施单位, 资金); a re-upload of the
// same project and year is a new version of that table. Read as `jixiao targets check` reads it.
#include "app/targets_app.h"
#include "core/text.h"
#include "web/crypto.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/targets_versions.h"

namespace jixiao::web {

Response TargetsList(Ctx& ctx) {
  std::string problem;
  auto paging = ParsePaging(ctx.req, problem);
  if (!paging) return ctx.server.Error(ctx, 422, problem);
  Db::ListFilter f;  // what the user reaches, a page of it (the store filters and pages)
  f.kinds = {"targets"};
  std::vector<Doc> mine;
  int64_t count = 0;
  if (NarrowToReach(*ctx.user, f)) {
    count = ctx.server.db().CountDocs(f);
    mine = ctx.server.db().DocsPage(f, paging->per_page, paging->offset());
  }
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& d : mine)
      items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"year\":" + Q(d.year) +
                      ",\"version\":" + std::to_string(d.version) +
                      ",\"updated_at\":" + Q(d.updated_at) + "}");
    return Json("{\"targets\":" + JsonArray(items) + PagingJson(*paging, count) + "}");
  }
  Data list = List();
  for (const auto& d : mine) {
    Data row = Object({{"id", d.id},
                       {"title", d.title},
                       {"year", d.year},
                       {"version", std::to_string(d.version)},
                       {"updated_at", BeijingTime(d.updated_at)}});
    row.set("selected", ctx.rejected && ctx.req.Field("into") == d.id);
    list.push_back(row);
  }
  Data data;
  data.set("into_new", ctx.rejected && ctx.req.Field("into") == "new");
  data.set("tables", list);
  data.set("has_tables", !mine.empty());
  SetPaging(data, *paging, count, "/targets", {});
  return ctx.server.Page(ctx, "targets_list", "绩效目标表", data);
}

// Rows pasted from Excel (cells separated by tabs) or typed as CSV, as a CSV file's bytes.
std::string PastedCsv(const std::string& text) {
  if (text.find('\t') == std::string::npos) return text;
  std::string out, cell;
  auto flush = [&] {
    std::string quoted = "\"";
    for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += quoted + "\"";
    cell.clear();
  };
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\t') {
      flush();
      out += ',';
    } else if (c == '\n') {
      flush();
      out += '\n';
    } else {
      cell += c;
    }
  }
  if (!cell.empty()) flush();
  return out;
}

Response TargetsUpload(Ctx& ctx) {
  const Upload* upload = ctx.req.File("file");
  Upload pasted;
  if ((!upload || upload->bytes.empty()) && !ctx.req.Field("text").empty()) {
    // Typed or pasted into the page's text box: the same reader as an uploaded CSV.
    pasted.field = "file";
    pasted.filename = "绩效目标表（粘贴）.csv";
    pasted.bytes = PastedCsv(ctx.req.Field("text"));
    upload = &pasted;
  }
  if (!upload || upload->bytes.empty())
    return ctx.server.Reject(
        ctx, "file", "请选择要上传的绩效目标表（.xlsx 或 .csv 文件），或把表格粘贴在文本框中",
        TargetsList);
  if (std::string why = YearProblem(TypedYear(ctx.req.Field("year"))); !why.empty())
    return ctx.server.Reject(ctx, "year", why + "；文件须重新选择", TargetsList);
  std::string lower = upload->filename;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string format = lower.size() > 5 && lower.substr(lower.size() - 5) == ".xlsx"  ? "xlsx"
                       : lower.size() > 4 && lower.substr(lower.size() - 4) == ".csv" ? "csv"
                                                                                      : "";
  if (format.empty())
    return ctx.server.Reject(ctx, "file", "只接受 .xlsx 或 .csv 格式的绩效目标表", TargetsList);
  std::string content = Pack(format, upload->bytes);
  Diagnostics diags;
  std::optional<TargetFile> file = LoadVersion(ctx.server, "", content, diags);
  if (!file) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Reject(ctx, "file", "无法读取上传的绩效目标表，请按下列提示修改后重新上传",
                             TargetsList, items);
  }
  Doc doc;
  doc.id = RandomHex(12);
  doc.kind = "targets";
  doc.title = ctx.req.Field("title");
  if (doc.title.empty()) doc.title = file->project.name;
  const bool named = !doc.title.empty();  // by the unit or the table, not a file's name
  if (doc.title.empty() && !upload->filename.empty()) {
    // The uploaded file's name without folder and extension, as the user knows it.
    std::string base = upload->filename.substr(upload->filename.find_last_of("/\\") + 1);
    doc.title = base.substr(0, base.rfind('.')).substr(0, 200);
    // A file name with no Chinese in it (targets.csv) says little: say what it is, then the file.
    bool ascii = true;
    for (unsigned char c : doc.title) ascii = ascii && c < 0x80;
    if (ascii) doc.title = "绩效目标表（文件 " + base.substr(0, 200) + "）";
  }
  if (doc.title.empty()) doc.title = "绩效目标表";
  doc.unit = ctx.user->unit;
  doc.region = ctx.user->region;
  doc.year = TypedYear(ctx.req.Field("year"));
  doc.owner = ctx.user->id;
  // A re-upload of the same project and year is a new version of that table (or of the table the
  // unit chose in 保存为), not a second table; 保存为 新表 keeps them apart.
  const std::string into = ctx.req.Field("into");
  std::optional<Doc> existing;
  if (into != "new" && (named || !into.empty())) {
    Db::ListFilter f;
    f.kinds = {"targets"};
    if (into.empty()) f.year = doc.year;
    if (NarrowToReach(*ctx.user, f))
      for (const auto& d : ctx.server.db().DocsPage(f, 1000, 0))
        if (into.empty() ? d.title == doc.title : d.id == into) {
          existing = d;
          break;
        }
    if (!into.empty() && !existing)
      return ctx.server.Reject(
          ctx, "into", "所选的表不存在或不属于本单位：请重新选择；文件须重新选择", TargetsList);
  }
  if (existing) {
    const std::string note =
        "重新上传" + (upload->filename.empty() ? std::string() : "（" + upload->filename + "）");
    if (!ctx.server.db().SaveVersion(*existing, existing->version, content, ctx.user->name, note))
      return ctx.server.Error(ctx, 409, "该表刚被他人修改，请刷新后再上传");
    ctx.server.Audit(ctx, "targets.upload", "targets:" + existing->id,
                     "第 " + std::to_string(existing->version) + " 版",
                     "第 " + std::to_string(existing->version + 1) + " 版（重新上传，" +
                         std::to_string(upload->bytes.size()) + " 字节）");
    const std::string message = "已保存为《" + existing->title + "》（" + existing->year +
                                "年）的第 " + std::to_string(existing->version + 1) +
                                " 版（重新上传；要另建一张表，上传时“保存为”选“新表”）";
    if (ctx.req.api)
      return Json("{\"id\":" + Q(existing->id) +
                  ",\"version\":" + std::to_string(existing->version + 1) +
                  ",\"new_version\":true,\"location\":" + Q("/api/v1/targets/" + existing->id) +
                  ",\"message\":" + Q(message) + "}");
    return Redirect("/targets/" + existing->id + "?message=" + UrlEncode(message));
  }
  ctx.server.db().AddDoc(doc, content, ctx.user->name, "上传");
  ctx.server.Audit(ctx, "targets.upload", "targets:" + doc.id, "",
                   doc.title + "（" + std::to_string(upload->bytes.size()) + " 字节）");
  return CreatedReply(ctx, "targets", doc.id);
}

}  // namespace jixiao::web
