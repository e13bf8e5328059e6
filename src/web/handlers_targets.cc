// The unit's 绩效目标表: upload (.xlsx or .csv), the checker's findings beside the rows, fixes
// accepted one at a time (each a new version), downloads of the table and the 申报表, and the
// year-end 自评表 made from the table. Every call goes through app/targets_app.h and
// app/selfeval_form_app.h, as `jixiao targets check|fix|render` and `selfeval new` do.
#include <algorithm>
#include <fstream>
#include <map>

#include "app/selfeval_app.h"
#include "app/selfeval_form_app.h"
#include "app/targets_app.h"
#include "app/targets_download.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "ingest/selfeval_rules_loader.h"
#include "web/crypto.h"
#include "web/download_names.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/scratch_files.h"
#include "web/selfeval_page.h"
#include "web/stale_fields.h"
#include "web/targets_versions.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace {

const char* TargetSeverityLabel(Severity s) {
  return s == Severity::kError ? "错误" : s == Severity::kWarning ? "警告" : "提示";
}

// What a refused row edit typed: shown again in that row's inputs, the row's editor open.
struct TypedRow {
  int line = 0;
  std::string level3, value;
};

// A pasted table (first version noted “粘贴”) is stored as the 申报表 workbook, its rows below the
// header block (sheet rows 9…): the page numbers them as pasted, 1…n. 0 for uploaded tables.
int PastedOffset(Ctx& ctx, const Doc& doc) {
  auto first = ctx.server.db().GetVersion(doc.id, 1);
  if (!first || first->note != kPastedNote) return 0;
  Diagnostics diags;
  auto file = LoadVersion(ctx.server, doc.id, first->content, diags);
  if (!file || file->targets.rows.empty()) return 0;
  int top = file->targets.rows.front().line;
  for (const auto& r : file->targets.rows) top = std::min(top, r.line);
  return top - 1;
}

// 读表说明 with one line per kind of notice and the rows it concerns named in it (trial 4 item
// 11: 13 lines, most of them the same sentence); a kind met on one row keeps its own line.
std::vector<Data> GroupedNotices(const Diagnostics& notices, const Table<TargetRow>& shown,
                                 int offset) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Diagnostic*>> kinds;
  for (const auto& d : notices.items()) {
    if (!kinds.count(d.code)) order.push_back(d.code);
    kinds[d.code].push_back(&d);
  }
  std::vector<Data> out;
  for (const auto& code : order) {
    const auto& items = kinds[code];
    if (items.size() == 1 || (code != "targets.unit_split" && code != "input.half_width")) {
      for (const Diagnostic* d : items) out.push_back(DiagnosticData(*d));
      continue;
    }
    std::string lines, rows;
    for (const Diagnostic* d : items) {
      lines += (lines.empty() ? "第 " : "、") + std::to_string(d->where.line - offset);
      for (const auto& r : shown.rows)
        if (r.line == d->where.line)
          rows += (rows.empty() ? "" : "；") + ("“" + r.level3 + "” " + r.value + r.unit);
    }
    Data d = DiagnosticData(*items.front());
    d.set("where", lines + " 行（共 " + std::to_string(items.size()) + " 行）");
    d.set("message",
          code == "targets.unit_split"
              ? "指标值含计量单位、计量单位列为空：已把数值与计量单位分开写出（原表未改）：" + rows
              : "指标值有全角字符：已按半角读取（原表未改）：" + rows);
    out.push_back(d);
  }
  return out;
}

// The version note of an accepted suggestion: what changed, never the checker's rule code.
static std::string AcceptedNote(const FixedTable& fixed) {
  if (fixed.changes.empty()) return "采纳建议";
  const auto& c = fixed.changes.front();
  std::string note = "采纳建议：" + c.column + "改为“" + c.after + "”";
  if (fixed.changes.size() > 1) note += "等 " + std::to_string(fixed.changes.size()) + " 处";
  return note;
}

Response ShowTable(Ctx& ctx, const Doc& doc, const std::string& message, int status,
                   const TypedRow& typed = {}) {
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Diagnostics diags;
  auto file = version ? LoadVersion(ctx.server, doc.id, version->content, diags) : std::nullopt;
  if (!file) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "无法读取该绩效目标表", items);
  }
  auto issues = CheckTargetTable(*file, nullptr);
  // Units written inside the 指标值 are shown in 计量单位, as the downloaded 申报表 writes them.
  Diagnostics notices;
  const Table<TargetRow> shown = TargetsWithUnits(file->targets, &notices);
  const TargetProject& p = file->project;
  // In 万元, as the 申报表 writes them (exact: never rounded to 2 decimals).
  auto money = [](const std::optional<Money>& m) {
    return m ? FormatWanYuanExact(*m) : std::string();
  };
  const std::vector<std::pair<const char*, std::string>> project = {
      {"项目名称", p.name},
      {"主管部门", p.authority},
      {"实施单位", p.unit},
      {"资金总额", money(p.total_funds)},
      {"财政拨款", money(p.fiscal_funds)},
      {"其他资金", money(p.other_funds)},
      {"年度目标", p.annual_goal}};
  if (ctx.req.api) {
    std::vector<std::string> rows, fields, notes;
    for (const auto& [label, value] : project) fields.push_back(Q(label) + ":" + Q(value));
    for (const auto& d : notices.items()) notes.push_back(Q(DiagnosticLine(d)));
    for (const auto& r : shown.rows)
      rows.push_back("{\"line\":" + std::to_string(r.line) + ",\"一级\":" + Q(r.level1) +
                     ",\"二级\":" + Q(r.level2) + ",\"三级\":" + Q(r.level3) +
                     ",\"指标值\":" + Q(r.value) + ",\"计量单位\":" + Q(r.unit) +
                     ",\"待确认\":" + (r.pending ? "true" : "false") + "}");
    std::vector<std::string> fixable;
    for (size_t i = 0; i < issues.size(); ++i)
      if (!issues[i].fixes.empty()) fixable.push_back(std::to_string(i));
    return Json(
        "{\"id\":" + Q(doc.id) + ",\"title\":" + Q(doc.title) +
            ",\"version\":" + std::to_string(doc.version) + ",\"rows\":" + JsonArray(rows) +
            ",\"issues\":" + TargetIssuesJson(issues) + ",\"fixable\":" + JsonArray(fixable) +
            ",\"project\":{" +
            [&] {
              std::string joined;
              for (const auto& f : fields) joined += (joined.empty() ? "" : ",") + f;
              return joined;
            }() +
            "},\"notices\":" + JsonArray(notes) +
            (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
        status);
  }
  Data rows = List(), general = List();
  bool any_general = false;
  auto issue_data = [&](size_t i) {
    const auto& x = issues[i];
    const targets::RuleInfo* rule = targets::FindRule(x.rule);
    Data d = Object({{"index", std::to_string(i)},
                     {"severity", TargetSeverityLabel(x.severity)},
                     {"severity_class", SeverityName(x.severity)},
                     {"rule", x.rule},
                     {"rule_name", rule ? rule->name : ""},
                     {"principle", rule ? rule->principle : ""},
                     {"message", x.message},
                     {"suggestion", x.suggestion}});
    d.set("fixable", !x.fixes.empty());
    if (auto group = MissingGroupOf(x)) {  // 添加一行 under the 一级 the table lacks
      Data level2s = List();
      for (const auto& l2 : group->level2s) level2s.push_back(Object({{"name", l2}}));
      d.set("addable", true);
      d.set("add_level1", group->level1);
      d.set("add_level2s", level2s);
    }
    return d;
  };
  const int pasted_offset = PastedOffset(ctx, doc);
  for (size_t k = 0; k < shown.rows.size(); ++k) {
    const TargetRow& r = shown.rows[k];
    Data row = Object({{"line", std::to_string(r.line)},
                       {"shown_line", std::to_string(r.line - pasted_offset)},
                       {"level1", r.level1},
                       {"level2", r.level2},
                       {"level3", r.level3},
                       {"shown_value", r.value},
                       {"value", file->targets.rows[k].value},  // as written, for the edit form
                       // not repeated when the value as written already ends with it
                       {"unit", EndsWith(r.value, r.unit) ? std::string() : r.unit}});
    if (typed.line == r.line) {
      row.set("level3", typed.level3);
      row.set("value", typed.value);
      row.set("open", true);
    }
    row.set("pending", r.pending);
    Data found = List();
    for (size_t i = 0; i < issues.size(); ++i)
      if (issues[i].row == r.line && issues[i].file.empty()) found.push_back(issue_data(i));
    row.set("issues", found);
    rows.push_back(row);
  }
  for (size_t i = 0; i < issues.size(); ++i) {
    bool placed = false;
    for (const auto& r : file->targets.rows)
      placed = placed || (issues[i].row == r.line && issues[i].file.empty());
    if (!placed) {
      general.push_back(issue_data(i));
      any_general = true;
    }
  }
  Data data = Object({{"csv_note", CleanTargetCsvForDownload(FixTargetTable(*file, {}).csv).Note()},
                      {"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"updated_at", BeijingTime(doc.updated_at)},
                      {"updated_by", doc.updated_by},
                      {"message", message},
                      {"issue_count", std::to_string(issues.size())},
                      {"row_count", std::to_string(file->targets.rows.size())}});
  data.set("rows", rows);
  Data project_data = List(), notice_data = List();
  for (const auto& [label, value] : project)
    if (!value.empty()) project_data.push_back(Object({{"label", label}, {"value", value}}));
  for (auto& d : GroupedNotices(notices, shown, pasted_offset)) notice_data.push_back(d);
  data.set("has_project", !project_data.is_empty_list());
  data.set("project", project_data);
  data.set("has_notices", !notice_data.is_empty_list());
  data.set("notices", notice_data);
  data.set("general", general);
  data.set("has_general", any_general);
  data.set("can_fix", ctx.user->role == "unit");
  Data rule_sets = List();  // uploaded 自评 rule sets offered beside the national one
  for (const auto& u : UploadedSets(ctx.server.db(), "selfeval-rules"))
    if (!u.disabled())
      rule_sets.push_back(Object({{"id", kUploadPrefix + u.doc.id},
                                  {"title", u.doc.title + "（" + u.set_id + "，第 " +
                                                std::to_string(u.doc.version) + " 版）"}}));
  data.set("has_rule_sets", !rule_sets.is_empty_list());
  data.set("rule_sets", rule_sets);
  return ctx.server.Page(ctx, "targets_show", "绩效目标表：" + doc.title, data, status);
}

}  // namespace

Response TargetsShow(Ctx& ctx) { return ShowTable(ctx, *ctx.doc, ctx.req.Field("message"), 200); }
namespace {

// The rows the versions saved since `opened` changed ("" when a version cannot be read).
std::string TableChangesSince(Ctx& ctx, int64_t opened) {
  auto before = ctx.server.db().GetVersion(ctx.doc->id, opened);
  auto after = ctx.server.db().GetVersion(ctx.doc->id, 0);
  Diagnostics ignored;
  auto a = before ? LoadVersion(ctx.server, ctx.doc->id, before->content, ignored) : std::nullopt;
  auto b = after ? LoadVersion(ctx.server, ctx.doc->id, after->content, ignored) : std::nullopt;
  return a && b ? ChangesSentence(TargetRowChanges(a->targets.rows, b->targets.rows)) : "";
}
}  // namespace

Response TargetsFix(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  int64_t expected = 0;
  size_t index = 0;
  try {
    expected = std::stoll(ctx.req.Field("version"));
    index = std::stoul(ctx.req.Field("issue"));
  } catch (...) {
    return ctx.server.Error(ctx, 422, "请求缺少 version（版本号）或 issue（问题序号）");
  }
  if (expected != doc.version)
    return ShowTable(ctx, doc,
                     "未采纳：" + StaleSentence(doc, "表", "修改为", expected) +
                         TableChangesSince(ctx, expected) + "下面是最新内容，请确认后再采纳。",
                     409);
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Diagnostics diags;
  auto file = LoadVersion(ctx.server, doc.id, version->content, diags);
  if (!file) return ctx.server.Error(ctx, 422, "无法读取该绩效目标表");
  auto issues = CheckTargetTable(*file, nullptr);
  if (index >= issues.size() || issues[index].fixes.empty())
    return ShowTable(ctx, doc, "这条问题没有可自动采纳的修改，请按建议手工修改后重新上传。", 422);
  FixedTable fixed = FixTargetTable(*file, {issues[index]});
  if (!ctx.server.db().SaveVersion(doc, expected, PackEdited(*file, fixed), ctx.user->name,
                                   AcceptedNote(fixed)))
    return ctx.server.Error(ctx, 409, "该表刚被他人修改，请刷新后再采纳");
  for (const auto& c : fixed.changes)
    ctx.server.Audit(ctx, "targets.fix " + c.rule,
                     "targets:" + doc.id + " 第" + std::to_string(c.line) + "行 " + c.column,
                     c.before, c.after);
  std::string note = "已采纳：" + std::to_string(fixed.changes.size()) + " 处修改（标记“待确认”）";
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"changes\":" +
                std::to_string(fixed.changes.size()) + ",\"message\":" + Q(note) + "}");
  return Redirect("/targets/" + doc.id + "?message=" + UrlEncode(note));
}

Response TargetsRow(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  const Request& r = ctx.req;
  TargetRowEdit edit;
  const std::string action = r.Field("action");
  edit.kind = action == "delete"      ? TargetRowEdit::Kind::kDelete
              : action == "add"       ? TargetRowEdit::Kind::kInsertAfter
              : action == "add_group" ? TargetRowEdit::Kind::kAddToGroup
                                      : TargetRowEdit::Kind::kSet;
  const bool add_group = edit.kind == TargetRowEdit::Kind::kAddToGroup;
  edit.level1 = Trim(r.Field("level1"));
  edit.level2 = Trim(r.Field("level2"));
  edit.level3 = Trim(r.Field("level3"));
  edit.value = Trim(r.Field("value"));
  int64_t expected = 0;
  try {
    expected = std::stoll(r.Field("version"));
    edit.line = add_group ? 0 : std::stoi(r.Field("line"));
  } catch (...) {
    return ctx.server.Error(ctx, 422, "请求缺少 version（版本号）或 line（行号）");
  }
  const std::string typed = edit.kind == TargetRowEdit::Kind::kDelete
                                ? ""
                                : "您填写的是：三级指标“" + edit.level3 + "”，指标值“" +
                                      edit.value + "”，请在最新内容上重新填写。";
  const TypedRow kept = edit.kind == TargetRowEdit::Kind::kDelete  // refilled on a refusal
                            ? TypedRow{}
                            : TypedRow{edit.line, edit.level3, edit.value};
  if (expected != doc.version)
    return ShowTable(ctx, doc,
                     "未保存：" + StaleSentence(doc, "表", "修改为", expected) +
                         TableChangesSince(ctx, expected) + typed,
                     409, kept);
  const std::string where =
      add_group ? "新添的“" + edit.level1 + "”行" : "第" + std::to_string(edit.line) + "行";
  if (edit.kind != TargetRowEdit::Kind::kDelete && (edit.level3.empty() || edit.value.empty()))
    return ShowTable(ctx, doc,
                     "未保存：" + where +
                         "的“三级指标”和“指标值”都要填写（指标值如 ≥95%、≤30天、及时）。" + typed,
                     422, kept);
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Diagnostics diags;
  auto file = LoadVersion(ctx.server, doc.id, version->content, diags);
  if (!file) return ctx.server.Error(ctx, 422, "无法读取该绩效目标表");
  bool known = false;
  for (const auto& row : file->grid.rows) known = known || row.line == edit.line;
  if (add_group) {  // only a group a current whole-table finding says is missing
    known = false;
    for (const auto& issue : CheckTargetTable(*file, nullptr))
      if (auto group = MissingGroupOf(issue); group && group->level1 == edit.level1)
        for (const auto& l2 : group->level2s) known = known || l2 == edit.level2;
    if (!known)
      return ShowTable(ctx, doc,
                       "未保存：本表已不缺“" + edit.level1 + "/" + edit.level2 +
                           "”类指标（可能刚被添加），请在下表中对应的行修改。",
                       422);
  } else if (!known) {
    return ShowTable(ctx, doc, "未保存：表中没有第" + std::to_string(edit.line) + "行", 422);
  }
  FixedTable edited = EditTargetTable(*file, {edit});
  const char* what = edit.kind == TargetRowEdit::Kind::kDelete        ? "删除"
                     : edit.kind == TargetRowEdit::Kind::kInsertAfter ? "其后添加一行"
                                                                      : "修改";
  std::string summary =
      add_group ? "添加一行“" + edit.level1 + "/" + edit.level2 + "/" + edit.level3 + "”"
                : "第" + std::to_string(edit.line) + "行" + what;
  if (!ctx.server.db().SaveVersion(doc, expected, PackEdited(*file, edited), ctx.user->name,
                                   summary))
    return ctx.server.Error(ctx, 409, "该表刚被他人修改，请刷新后再保存");
  for (const auto& c : edited.changes)
    ctx.server.Audit(ctx, "targets.edit " + c.rule,
                     "targets:" + doc.id + " 第" + std::to_string(c.line) + "行 " + c.column,
                     c.before, c.after);
  std::string note =
      "已保存为第 " + std::to_string(expected + 1) + " 版：" + summary + "，已重新检查";
  if (r.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/targets/" + doc.id + "?message=" + UrlEncode(note));
}

Response TargetsDownload(Ctx& ctx) {
  const std::string& format = ctx.req.params["format"];
  if (format != "csv" && format != "xlsx" && format != "docx")
    return ctx.server.Error(ctx, 404, "只能下载 csv、xlsx 或 docx");
  auto version = ctx.server.db().GetVersion(ctx.doc->id, 0);
  Diagnostics diags;
  auto file = LoadVersion(ctx.server, ctx.doc->id, version->content, diags);
  if (!file) return ctx.server.Error(ctx, 422, "无法读取该绩效目标表");
  const Doc& doc = *ctx.doc;  // files named by the project and year, the CSV without markers
  if (format == "csv")
    return Download(CleanTargetCsvForDownload(FixTargetTable(*file, {}).csv).csv,
                    DownloadName(doc.title, doc.year, "绩效目标表", ".csv"),
                    "text/csv; charset=utf-8");
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  auto files = RenderTargetTable(*file, {format}, diags);
  if (!files || files->empty()) return ctx.server.Error(ctx, 500, "生成申报表失败");
  return Download(
      std::move(files->front().bytes), DownloadName(doc.title, doc.year, "申报表", "." + format),
      format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                       : "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

Response TargetsNewSelfEval(Ctx& ctx) {
  std::optional<std::string> xlsx;
  std::string rules_json;
  Diagnostics diags;
  {
    // The stored version as the page shows it: rows numbered as the unit's sheet, and the
    // uploaded 申报表's header block (项目资金 → 全年预算数) even after a fix saved it as CSV.
    auto version = ctx.server.db().GetVersion(ctx.doc->id, 0);
    auto table =
        version ? LoadVersion(ctx.server, ctx.doc->id, version->content, diags) : std::nullopt;
    if (!table) return ctx.server.Error(ctx, 422, "无法读取该绩效目标表");
    ScratchFolder scratch(ctx.server.options().data_dir);
    temp::SetScratchDir(scratch.path());
    // The national rules, or a rule set the admin uploaded (kept with the form).
    std::optional<SelfEvalRules> rules;
    if (const std::string chosen = ctx.req.Field("rules"); !chosen.empty()) {
      auto json = UploadedJson(ctx.server.db(), "selfeval-rules", chosen);
      if (!json)
        return ctx.server.Reject(ctx, "rules", "所选的自评规则不存在或已停用：请重新选择",
                                 TargetsShow);
      rules = ParseSelfEvalRules("自评规则.json", *json, diags);
      if (!rules) return ctx.server.Error(ctx, 422, "所选的自评规则无法读取，请联系管理员");
      rules_json = *json;
    } else {
      rules = ResolveSelfEvalRules("", diags);
    }
    if (!rules) return ctx.server.Error(ctx, 500, "找不到自评表规则 selfeval-national");
    // What the page knows fills the form's 年度, 项目名称 and 单位 where the table says nothing.
    xlsx = NewSelfEvalForm(*table, "绩效目标表", *rules, diags,
                           {"", "", ctx.doc->year, ctx.doc->title, ctx.doc->unit});
  }
  if (!xlsx) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Reject(ctx, "", "无法由该绩效目标表生成自评表，请按下列提示修改本表",
                             TargetsShow, items);
  }
  ctx.server.Audit(ctx, "selfeval.new", "targets:" + ctx.doc->id, "", ctx.doc->title);
  return CreateSelfEvalFromWorkbook(ctx, *xlsx, SelfEvalTitleFromTargets(ctx.doc->title),
                                    ctx.doc->year, rules_json);
}

}  // namespace jixiao::web
