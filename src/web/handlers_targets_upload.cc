// The unit's 绩效目标表 list and upload: an .xlsx or .csv file, or rows pasted from Excel with the
// 申报表's header block typed beside them (项目名称, 主管部门, 实施单位, 资金); a re-upload of the
// same project and year is a new version of that table. Read as `jixiao targets check` reads it.
#include <tuple>

#include "app/targets_app.h"
#include "core/csv_field.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "ingest/csv.h"
#include "web/crypto.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/scratch_files.h"
#include "web/targets_versions.h"
#include "web/unit_todo.h"

namespace jixiao::web {

Response TargetsList(Ctx& ctx) {
  Db::ListFilter f;  // what the user reaches, a page of it (the store filters and pages)
  f.kinds = {"targets"};
  std::string problem;
  auto listed = PageInReach(ctx.req, ctx.server.db(), *ctx.user, f, problem);
  if (!listed) return ctx.server.Error(ctx, 422, problem);
  const auto& [paging, mine, count] = *listed;
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& d : mine)
      items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"year\":" + Q(d.year) +
                      ",\"version\":" + std::to_string(d.version) +
                      ",\"updated_at\":" + Q(d.updated_at) + "}");
    return Json("{\"targets\":" + JsonArray(items) + PagingJson(paging, count) + "}");
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
  SetPaging(data, paging, count, "/targets", {});
  SetUnitTodo(ctx, data);  // the unit lands here: what waits for it first (trial 4 item 12)
  return ctx.server.Page(ctx, "targets_list", "绩效目标表", data);
}

// Rows pasted from Excel (cells separated by tabs) or typed as CSV, as a CSV file's bytes.
std::string PastedCsv(const std::string& text) {
  if (text.find('\t') == std::string::npos) return text;
  std::string out, cell;
  auto flush = [&] {
    out += CsvField(cell, /*always_quote=*/true);
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

namespace {

// The 申报表's header block typed beside pasted rows (fields p_name, p_authority, p_unit, p_total,
// p_fiscal, p_other in 万元, p_goal), as the project.json `targets check` reads beside a CSV;
// `field` and `why` name the first field refused.
struct PastedHeader {
  std::string json, field, why;
};

PastedHeader PastedProject(const Request& r, const std::string& unit, const std::string& year) {
  PastedHeader h;
  auto text = [&](const char* key) {
    std::string t = r.Field(key);
    for (auto& c : t)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return Trim(t);
  };
  if (text("p_name").empty()) {
    h.field = "p_name";
    h.why = "粘贴的表格须填写项目名称（在“表头”一栏），申报表和自评表都以它为名";
    return h;
  }
  h.json = "{\"项目名称\":" + Q(text("p_name")) + ",\"年度\":" + year;
  const std::string unit_typed = text("p_unit").empty() ? unit : text("p_unit");
  for (const auto& [key, name] :
       {std::pair<const char*, const char*>{"p_authority", "主管部门"}, {"p_goal", "年度目标"}})
    if (!text(key).empty()) h.json += std::string(",\"") + name + "\":" + Q(text(key));
  if (!unit_typed.empty()) h.json += ",\"实施单位\":" + Q(unit_typed);
  for (const auto& [key, name, label] :
       {std::tuple<const char*, const char*, const char*>{"p_total", "项目资金总额", "资金总额"},
        {"p_fiscal", "其中财政资金", "财政拨款"},
        {"p_other", "其他资金", "其他资金"}}) {
    // The one money reader of every form field (the 自评表 and entry forms): “12万元”,
    // “1,200,000元”, or a bare number in the label's 万元 (webtrial4 item 5).
    if (text(key).empty()) continue;
    std::string code, error;
    auto money = ReadMoneyText(text(key), "万元", &code, &error);
    if (!money || money->fen < 0) {
      h.field = key;
      h.why = std::string(label) + "“" + text(key) + "”：" +
              (money ? std::string("金额不能为负数") : error) +
              "；请写以万元计的数字（如 51.35），或带单位（如 12万元、120000元）";
      return h;
    }
    std::string fraction = std::to_string(money->fen % 1000000);
    fraction = std::string(6 - fraction.size(), '0') + fraction;
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    const std::string figure =
        std::to_string(money->fen / 1000000) + (fraction.empty() ? "" : "." + fraction);
    h.json += std::string(",\"") + name + "\":" + figure;
  }
  h.json += "}";
  return h;
}

// Pasted rows and their header block as the 申报表 workbook `targets render` writes: stored as
// an uploaded 申报表 is, so every version, download and 自评表 keeps the header.
std::optional<std::string> PastedWorkbook(Server& server, const std::string& csv,
                                          const std::string& project_json, Diagnostics& diags) {
  ScratchFolder scratch(server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  WriteBytes(scratch.path() + "/targets.csv", csv);
  WriteBytes(scratch.path() + "/project.json", project_json);
  auto file = LoadTargetTable(scratch.path() + "/targets.csv", diags);
  auto files = file ? RenderTargetTable(*file, {"xlsx"}, diags) : std::nullopt;
  RelocateScratch(diags, scratch.path(), "粘贴的表格");
  if (!files || files->empty()) return std::nullopt;
  return std::move(files->front().bytes);
}

}  // namespace

Response TargetsUpload(Ctx& ctx) {
  const Upload* upload = ctx.req.File("file");
  Upload pasted;
  if ((!upload || upload->bytes.empty()) && !ctx.req.Field("text").empty()) {
    // Typed or pasted into the page's text box: the same reader as an uploaded CSV, with the
    // header block typed beside it (项目名称 required) made into the 申报表 workbook.
    if (std::string why = YearProblem(TypedYear(ctx.req.Field("year"))); !why.empty())
      return ctx.server.Reject(ctx, "year", why, TargetsList);
    PastedHeader header = PastedProject(ctx.req, ctx.user->unit, TypedYear(ctx.req.Field("year")));
    if (!header.field.empty()) return ctx.server.Reject(ctx, header.field, header.why, TargetsList);
    Diagnostics diags;
    auto xlsx = PastedWorkbook(ctx.server, PastedCsv(ctx.req.Field("text")), header.json, diags);
    if (!xlsx) {
      std::vector<std::string> items;
      for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
      return ctx.server.Reject(ctx, "text", "无法读取粘贴的表格，请按下列提示修改后重新提交",
                               TargetsList, items);
    }
    pasted.field = "file";
    pasted.filename = "绩效目标表（粘贴）.xlsx";
    pasted.bytes = std::move(*xlsx);
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
  // “粘贴” marks a pasted table: its page numbers the rows as pasted, not as the 申报表's rows.
  ctx.server.db().AddDoc(doc, content, ctx.user->name, upload == &pasted ? kPastedNote : "上传");
  ctx.server.Audit(ctx, "targets.upload", "targets:" + doc.id, "",
                   doc.title + "（" + std::to_string(upload->bytes.size()) + " 字节）");
  return CreatedReply(ctx, "targets", doc.id);
}

}  // namespace jixiao::web
