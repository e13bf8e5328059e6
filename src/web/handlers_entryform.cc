// The evaluator's data entry in the browser: the entry workbook's 指标数据, 评价结论, 预算执行
// (年初预算, 调整后预算 = 全年预算数, 实际支出 = 全年执行数, by 资金来源), 资金到位 and 资金划拨
// fields as a form, with the tables the framework scores from named as required (same
// headers, units, drop-down lists and prompts, pre-filled from the case). A save lays the typed
// texts into the workbook's cells as text, exactly as an Excel user types them, and imports that
// workbook through app/ (ImportEntryBook): no parsing or scoring here. Each refusal is shown at its
// field with what was typed kept; a stale version answers 409 keeping it too.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/entry_app.h"
#include "casefile/entry_layout.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "model/table_needs.h"
#include "scorecard_io/scorecard_json.h"
#include "web/case_snapshot.h"
#include "web/entry_places.h"
#include "web/handlers.h"
#include "web/stale_fields.h"

namespace jixiao::web {
namespace {

// The workbook sheets and the model columns (0-based) the form offers; the other columns (names,
// weights, rule help, analysis texts) are shown or kept as the workbook has them.
struct FormSheet {
  const char* prefix;
  const char* sheet;
  std::vector<int> inputs;
  const char* file = nullptr;  // a table's case file: every row an input, blank rows below
};
const std::vector<FormSheet>& FormSheets() {
  // 预算执行: 序号, 项目构成, 项目明细, 资金来源, 年初预算, 调整金额, 调整后预算 (全年预算数),
  // 实际支出 (全年执行数); every row an input, with blank rows below to add lines.
  // 资金到位 (资金来源, 预算金额, 到位金额) and 资金划拨 (事项, 金额, 截止日期, 实际日期): the
  // tables the 资金到位率 and 时效 rules read (trial 3 item 9: no way to fill them in the browser).
  static const std::vector<FormSheet> kSheets = {
      {"m", entry::kMetrics, {1, 2, 3}},
      {"f", entry::kFindings, {4, 5, 6, 11, 12, 9}},  // 分析 last: the widest (trial 5 item 12)
      {"b", entry::kBudget, {0, 1, 2, 3, 4, 5, 6, 7}, "budget.csv"},
      {"g", entry::kFunding, {0, 1, 2}, "funding.csv"},
      {"t", entry::kTransfers, {0, 1, 2, 3}, "transfers.csv"}};
  return kSheets;
}

// Field name of model cell (r, c): prefix_ROW_COL with the workbook's 1-based row and column.
std::string FieldName(const FormSheet& s, int r, int c) {
  return std::string(s.prefix) + "_" + std::to_string(r + 1) + "_" + std::to_string(c + 1);
}

std::string CellText(const doc::Sheet& sheet, int r, int c) {
  const doc::WCell* cell = sheet.At(r, c);
  if (!cell) return "";
  std::string date;  // 资金划拨's dates as typed (2024-06-20), not Excel's day serial
  if (cell->kind == doc::WCell::Kind::kNumber && cell->style == doc::CellStyle::kInputDate &&
      SerialToDate(cell->number, false, false, date))
    return date;
  if (cell->kind == doc::WCell::Kind::kNumber) return DecimalText(cell->number);
  return cell->text;
}

const doc::DataValidation* ValidationAt(const doc::Sheet& sheet, int r, int c) {
  for (const auto& v : sheet.validations)
    if (r >= v.first_row && r <= v.last_row && c >= v.first_col && c <= v.last_col) return &v;
  return nullptr;
}

// "评价结论!F12" -> the form field it names, or "" when the location is not a form field.
std::string FieldOfPlace(const std::string& path) {
  size_t bang = path.find('!');
  if (bang == std::string::npos) return "";
  const std::string sheet = path.substr(0, bang), cell = path.substr(bang + 1);
  int col = 0, row = 0;
  size_t i = 0;
  for (; i < cell.size() && cell[i] >= 'A' && cell[i] <= 'Z'; ++i)
    col = col * 26 + cell[i] - 'A' + 1;
  for (; i < cell.size() && cell[i] >= '0' && cell[i] <= '9' && row < 1000000; ++i)
    row = row * 10 + cell[i] - '0';
  if (i != cell.size() || col == 0 || row < 2) return "";
  for (const auto& s : FormSheets())
    if (sheet == s.sheet)
      for (int c : s.inputs)
        if (c + 1 == col)
          return std::string(s.prefix) + "_" + std::to_string(row) + "_" + std::to_string(col);
  return "";
}

constexpr int kBlankBudgetRows = 3;  // empty table rows offered below the case's lines

bool IsBudget(const FormSheet& s) { return s.file != nullptr; }  // a table: rows added freely

// "预算执行第3行" for a table's row, the indicator or metric name otherwise.
std::string RowLabel(const FormSheet& s, const doc::Sheet& sheet, int r) {
  return IsBudget(s) ? std::string(s.sheet) + "第" + std::to_string(r + 1) + "行"
                     : CellText(sheet, r, 0);
}

// The label a form field shows ("政策知晓率 数值") for a workbook place of the form's sheets, or
// "" when the place is no field of the form.
std::string FieldLabel(const doc::Workbook& model, const std::string& path) {
  const std::string field = FieldOfPlace(path);
  if (field.empty()) return "";
  const int r = std::atoi(field.c_str() + 2) - 1;
  const int c = std::atoi(field.c_str() + field.rfind('_') + 1) - 1;
  for (const auto& s : FormSheets())
    for (const auto& sheet : model.sheets)
      if (s.prefix[0] == field[0] && sheet.name == s.sheet)
        return RowLabel(s, sheet, r) + " " + CellText(sheet, 0, c);
  return "";
}

bool IsInputRow(const doc::Sheet& sheet, const FormSheet& s, int r) {
  if (IsBudget(s)) return true;
  const doc::WCell* first = sheet.At(r, s.inputs.front());
  if (std::string(s.prefix) == "m") return !CellText(sheet, r, 0).empty();
  return first && first->style == doc::CellStyle::kInputText;
}

// The form page: `typed` holds the texts posted (kept on a refusal), `errors` the message per
// field, `others` the refusals located elsewhere.
Response ShowForm(Ctx& ctx, const doc::Workbook& model,
                  const std::map<std::string, std::string>& typed,
                  const std::map<std::string, std::string>& errors,
                  const std::vector<std::string>& others, const std::string& message,
                  int64_t version, int status) {
  const Doc& doc = *ctx.doc;
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(version)},
                      {"message", message}});
  std::vector<std::string> api_fields;
  for (const auto& s : FormSheets()) {
    const doc::Sheet* sheet = nullptr;
    for (const auto& candidate : model.sheets)
      if (candidate.name == s.sheet) sheet = &candidate;
    if (!sheet) continue;
    Data headers = List(), rows = List();
    for (int c : s.inputs) headers.push_back(Object({{"header", CellText(*sheet, 0, c)}}));
    int last = 0;
    for (const auto& [at, cell] : sheet->cells)  // 预算执行: the last line holding text
      if (!IsBudget(s) || !CellText(*sheet, at.first, at.second).empty())
        last = std::max(last, at.first);
    if (IsBudget(s)) {  // the typed rows beyond the case's lines are shown again
      last += kBlankBudgetRows;
      for (const auto& [name, value] : typed)
        if (name[0] == s.prefix[0]) last = std::max(last, std::atoi(name.c_str() + 2) - 1);
    }
    for (int r = 1; r <= last; ++r) {
      if (!IsBudget(s) && CellText(*sheet, r, 0).empty()) continue;
      Data row = Object(
          {{"a", CellText(*sheet, r, 0)},
           {"b", std::string(s.prefix) == "m" ? "" : CellText(*sheet, r, 1)},
           {"c", std::string(s.prefix) == "m" ? CellText(*sheet, r, 4) : CellText(*sheet, r, 2)},
           {"help", std::string(s.prefix) == "m" ? "" : CellText(*sheet, r, 3)}});
      const bool input = IsInputRow(*sheet, s, r);
      row.set("input", input);
      // A 扣分制 row: its deductions are typed on the leaf's 修改扣分 page (trial 3 item 16), which
      // opens before any score (trial 5 item 3).
      if (s.prefix[0] == 'f' && input && StartsWith(CellText(*sheet, r, 3), "扣分制")) {
        row.set("help", std::string("扣分制：每项扣分（扣分和原因）在该指标的"));
        row.set("finding_href",
                "/evaluations/" + doc.id + "/finding/" + UrlEncode(CellText(*sheet, r, 0)));
      }
      Data cells = List();
      for (int c : s.inputs) {
        if (!input) break;
        const std::string name = FieldName(s, r, c);
        auto t = typed.find(name);
        const std::string value = t != typed.end() ? t->second : CellText(*sheet, r, c);
        auto e = errors.find(name);
        // 等级, 满足的要素 and 得分比例 only where the leaf's rule reads them (the workbook puts
        // its list or prompt there), or where something is already typed (trial 3 item 16).
        if (s.prefix[0] == 'f' && (c == 5 || c == 6 || c == 11) && !ValidationAt(*sheet, r, c) &&
            Trim(value).empty() && e == errors.end()) {
          Data absent = Object({});
          absent.set("absent", true);
          cells.push_back(absent);
          continue;
        }
        const std::string label = RowLabel(s, *sheet, r) + " " + CellText(*sheet, 0, c);
        Data cell = Object({{"name", name}, {"value", value}, {"label", label}});
        Data options = List();
        const doc::DataValidation* v = ValidationAt(*sheet, r, c);
        bool listed = v && v->kind == doc::DataValidation::Kind::kList;
        if (listed) {
          options.push_back(Object({{"option", ""}, {"shown", "（空）"}}));
          bool found = value.empty();
          for (const auto& o : v->options) {
            Data option = Object({{"option", o}, {"shown", o}});
            option.set("selected", o == value);
            found = found || o == value;
            options.push_back(option);
          }
          // A value the list does not hold stays selectable, so the refusal shows what was typed.
          if (!found) {
            Data option = Object({{"option", value}, {"shown", value}});
            option.set("selected", true);
            options.push_back(option);
          }
        }
        cell.set("list", listed);
        // 业绩值 and 分析 hold sentences: a box that wraps (trial 5 item 12: “A11业绩值：见…”).
        cell.set("textarea", !listed && s.prefix[0] == 'f' && (c == 4 || c == 9));
        cell.set("analysis", s.prefix[0] == 'f' && c == 9);
        cell.set("options", options);
        if (v && !v->prompt.empty()) cell.set("prompt", v->prompt);  // empty texts are truthy
        if (e != errors.end()) cell.set("error", e->second);
        cells.push_back(cell);
        api_fields.push_back("{\"name\":" + Q(name) +
                             ",\"place\":" + Q(std::string(s.sheet) + "!" + doc::Ref(r, c)) +
                             ",\"label\":" + Q(label) + ",\"value\":" + Q(value) + ",\"error\":" +
                             (e != errors.end() ? Q(e->second) : std::string("null")) + "}");
      }
      row.set("cells", cells);
      rows.push_back(row);
    }
    data.set(std::string(s.prefix) + "_headers", headers);
    data.set(std::string(s.prefix) + "_rows", rows);
  }
  // Which tables the framework scores from (required, with their indicators) and which may stay
  // empty (trial 3 item 9: “可不填” said of a table a rule reads).
  const auto needs = CaseTablesNeeded(ctx.server.CaseDir(doc.id));
  static const std::pair<const char*, const char*> kTables[] = {
      {"budget.csv", entry::kBudget},       {"funding.csv", entry::kFunding},
      {"transfers.csv", entry::kTransfers}, {"history.csv", entry::kHistory},
      {"plan.csv", entry::kPlan},           {"disbursements.csv", entry::kDisbursements},
      {"targets.csv", entry::kTargets}};
  Data needed = List();
  std::string optional, elsewhere;
  for (const auto& [file, sheet] : kTables) {
    auto need = needs.find(file);
    if (need != needs.end())
      needed.push_back(Object({{"sheet", sheet}, {"indicators", IndicatorList(need->second)}}));
    else
      optional += std::string(optional.empty() ? "" : "、") + "“" + sheet + "”";
    bool in_form = false;
    for (const auto& s : FormSheets()) in_form = in_form || (s.file && std::string(s.file) == file);
    if (!in_form) elsewhere += std::string(elsewhere.empty() ? "" : "、") + sheet;
    for (const auto& s : FormSheets())
      if (s.file && std::string(s.file) == file)
        data.set(std::string(s.prefix) + "_need", need != needs.end());
  }
  data.set("needed", needed);
  data.set("optional", optional);
  data.set("has_optional", !optional.empty());
  data.set("other_sheets", elsewhere + "等表格");
  Data other = List();
  for (const auto& o : others) other.push_back(Object({{"text", o}}));
  data.set("others", other);
  data.set("has_others", !others.empty());
  if (ctx.req.api) {
    std::vector<std::string> more;
    for (const auto& o : others) more.push_back(Q(o));
    return Json("{\"id\":" + Q(doc.id) + ",\"version\":" + std::to_string(version) +
                    (message.empty() ? "" : ",\"message\":" + Q(message)) + ",\"fields\":" +
                    JsonArray(api_fields) + ",\"other_errors\":" + JsonArray(more) + "}",
                status);
  }
  return ctx.server.Page(ctx, "entry_form", "在表单中录入：" + doc.title, data, status);
}

std::optional<doc::Workbook> Model(Ctx& ctx, std::vector<std::string>& problems) {
  Diagnostics diags;
  auto model = EntryWorkbookModel(ctx.server.CaseDir(ctx.doc->id), diags);
  if (!model)
    for (const auto& d : diags.items()) problems.push_back(DiagnosticLine(d));
  return model;
}

}  // namespace

Response EntryFormShow(Ctx& ctx) {
  std::vector<std::string> problems;
  auto model = Model(ctx, problems);
  if (!model) return ctx.server.Error(ctx, 422, "无法生成录入表单", problems);
  return ShowForm(ctx, *model, {}, {}, {}, ctx.req.Field("message"), ctx.doc->version, 200);
}
namespace {

// What the versions saved since `opened` changed, named as the pages name it ("" when unknown).
std::string ChangesSince(Ctx& ctx, int64_t opened) {
  auto before = ctx.server.db().GetVersion(ctx.doc->id, opened);
  auto after = ctx.server.db().GetVersion(ctx.doc->id, 0);
  return before && after ? ChangesSentence(CaseChanges(before->content, after->content)) : "";
}
}  // namespace

Response EntryFormSave(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  std::vector<std::string> problems;
  auto model = Model(ctx, problems);
  if (!model) return ctx.server.Error(ctx, 422, "无法生成录入表单", problems);
  std::map<std::string, std::string> typed;
  for (const auto& [key, value] : ctx.req.form)
    if (key.size() > 2 && key[1] == '_' && std::string("mfbgt").find(key[0]) != std::string::npos)
      typed[key] = value.substr(0, 2000);
  int64_t expected = -1;
  try {
    expected = std::stoll(ctx.req.Field("version"));
  } catch (...) {
    return ctx.server.Error(ctx, 422, "请求缺少 version（当前版本号）");
  }
  if (expected != doc.version)
    return ShowForm(ctx, *model, typed, {}, {},
                    "未保存：" + StaleSentence(doc, "评价", "保存为", expected) +
                        ChangesSince(ctx, expected) +
                        "下面保留了您填写的内容；核对后再次保存即以最新版为底保存。",
                    doc.version, 409);
  // The current workbook, read back as an upload is, with the typed texts in its cells.
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  auto bytes = EntryWorkbookBytes(ctx.server.CaseDir(doc.id), diags);
  if (!bytes) return ctx.server.Error(ctx, 422, "无法生成录入表单");
  const std::string path = scratch.path() + "/form.xlsx";
  std::ofstream(path, std::ios::binary).write(bytes->data(), std::streamsize(bytes->size()));
  XlsxWorkbook book = ReadXlsxFile(path);
  book.file = "录入表单";
  for (const auto& s : FormSheets())
    for (auto& sheet : book.sheets) {
      if (sheet.name != s.sheet) continue;
      int last_row = sheet.max_row;  // 预算执行 rows typed below the case's lines are added
      for (const auto& [name, value] : typed)
        if (name[0] == s.prefix[0] && IsBudget(s))
          last_row = std::max(last_row, std::min(std::atoi(name.c_str() + 2), sheet.max_row + 200));
      for (int r = 2; r <= last_row; ++r)
        for (int c : s.inputs) {
          auto t = typed.find(std::string(s.prefix) + "_" + std::to_string(r) + "_" +
                              std::to_string(c + 1));
          if (t == typed.end()) continue;
          if (Trim(t->second).empty()) {
            sheet.cells.erase({r, c + 1});
          } else {
            XlsxCell cell;
            cell.type = XlsxCell::Type::kText;
            cell.text = t->second;
            sheet.cells[{r, c + 1}] = cell;
            sheet.max_col = std::max(sheet.max_col, c + 1);
            sheet.max_row = std::max(sheet.max_row, r);
          }
        }
    }
  std::string summary;
  std::string before = doc.total < 0 ? "未评分" : FormatScore(Score{doc.total}) + " " + doc.grade;
  if (!ImportEntryBook(book, ctx.server.CaseDir(doc.id), diags, summary)) {
    std::map<std::string, std::string> errors;
    std::vector<std::string> others;
    for (const auto& d : diags.items()) {
      if (d.severity != Severity::kError) continue;
      const std::string field = FieldOfPlace(d.where.path);
      if (!field.empty())
        errors[field] += (errors[field].empty() ? "" : "；") + d.message;
      else
        others.push_back(EntryPlace(d.where) + " " + EntryMessage(d.message));
    }
    return ShowForm(ctx, *model, typed, errors, others,
                    "未保存：有 " + std::to_string(errors.size() + others.size()) +
                        " 处填写有误，已在对应位置标出，评价未改动；改好后再保存",
                    expected, 422);
  }
  std::optional<Evaluation> evaluation;
  auto saved = SaveRescoredCase(ctx, expected, "在表单中录入数据", &evaluation);
  if (!saved) return ctx.server.Error(ctx, 409, "该评价刚被他人保存，请刷新后重新填写");
  const std::string& after = *saved;
  ctx.server.Audit(ctx, "evaluation.entry_form", "evaluation:" + doc.id, before, after);
  std::string note = "已保存为第 " + std::to_string(expected + 1) + " 版（" + after + "）。";
  // What was read otherwise than typed (full-width figures) is said, at its field.
  for (const auto& d : diags.items())
    if (d.code == "input.half_width") {
      const std::string label = FieldLabel(*model, d.where.path);
      note += (label.empty() ? EntryPlace(d.where) : "“" + label + "”") + "：" + d.message + "。";
    }
  if (ctx.req.api)
    return Json(
        "{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) +
        ",\"score\":" + (evaluation ? ScorecardJson(evaluation->card) : std::string("null")) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
