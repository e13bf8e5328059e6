// The unit's 自评表: upload form.csv (with budget/summary/project CSVs when it has them) or the
// form as .xlsx (any layout `jixiao selfeval check FORM.xlsx` reads), or start from the unit's own
// 绩效目标表 (`selfeval new`); see each row's printed and recomputed score with the 复核 findings,
// type 实际完成值 / 得分 / 偏差原因 and the budget block (refused figures marked at their field,
// the input shown again) and watch the score update (each save a version), 提交 the form (a flag
// kept with a new version, dropped by a later edit, shown to the bureau), download the 复核
// workbook, the filled form (.xlsx) and the 自评报告 (.docx) as `selfeval score` makes them (the
// bureau's 复核 list of these forms is in handlers_bureau.cc, the upload in
// handlers_selfeval_upload.cc). Every call goes through
// app/selfeval_app.h, app/selfeval_workbook_check.h and app/selfeval_form_app.h, as the CLI does.
#include <algorithm>

#include "app/selfeval_app.h"
#include "app/selfeval_form_app.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "report/selfeval_review.h"
#include "web/handlers.h"
#include "web/review_state.h"
#include "web/selfeval_load.h"
#include "web/selfeval_page.h"
#include "web/selfeval_parts.h"
#include "web/selfeval_rows.h"
#include "web/selfeval_rules_choice.h"
#include "web/stale_fields.h"

namespace jixiao::web {
namespace {

constexpr size_t kMaxEdits = 2000;

std::string OneLine(std::string s) {
  for (auto& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// A text area's value as typed: its line breaks kept (a browser's CRLF read as one break), other
// control characters dropped.
std::string Lines(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += '\n';
    } else if (c == '\n' || c == '\t' || static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  return out;
}

std::string Points(const std::optional<Rational>& r) { return r ? FormatPoints(*r) : ""; }

Response Show(Ctx& ctx, const Doc& doc, const std::string& message, int status,
              const Typed& typed = {}) {
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Loaded l = Load(ctx.server.options().data_dir, version->content, doc.title);
  const SelfEvalResult& r = l.check.result;
  const int64_t row_total = report::ReviewFiguresOf(r).row_total;
  const FillProgress progress = ProgressOf(*l.check.form, r, l.parts.count("submitted") > 0);
  const std::string state = progress.State();
  if (ctx.req.api)
    return Json(
        "{\"id\":" + Q(doc.id) + ",\"version\":" + std::to_string(doc.version) + ",\"submitted\":" +
            (l.parts.count("submitted") ? "true" : "false") + ",\"progress\":" + progress.Json() +
            ",\"row_total\":" + (row_total < 0 ? "null" : FormatScoreNumber(Score{row_total})) +
            ",\"rules\":" + Q(SelfEvalRulesName(*RulesOf(r, l.parts))) + ",\"review\":" +
            ReviewStateJson(CurrentState(ctx.server, doc)) + ",\"result\":" + SelfEvalJson(r) +
            (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
        status);
  Data rows = List(), general = List(), reading = List();
  for (const auto& d : l.check.reading.items()) reading.push_back(DiagnosticData(d));
  for (const auto& d : r.findings) general.push_back(FindingData(d));
  for (const auto& d : r.budget.findings) general.push_back(FindingData(d));
  std::map<size_t, ShownRow> shown;  // numbered 1…n without template rows; 一级/二级 groups
  for (const ShownRow& x : ShownRows(*l.check.form)) shown[x.index] = x;
  for (const auto& row : r.rows) {
    const SelfEvalRow& src = l.check.form->rows[row.index];
    const ShownRow& place = shown[row.index];
    Data findings = List();
    for (const auto& d : row.findings)
      if (progress.Shows(row.index, d)) findings.push_back(FindingData(d));
    const bool waiting = progress.Waiting(row.index);
    Data d = Object(
        {{"index", std::to_string(row.index)},
         // the form's own numbering (the sheet's row, 14… on a generated form, is
         // nothing the unit has seen), the sheet row kept as a tooltip
         {"line", std::to_string(place.number)},
         {"level1", place.level1},
         {"level2", place.level2},
         {"level1_span", std::to_string(place.level1_span)},
         {"level2_span", std::to_string(place.level2_span)},
         {"sheet_line", std::to_string(row.line)},
         {"indicator", row.indicator},
         {"target", src.target.text},
         {"actual", typed.Value("a_" + std::to_string(row.index), src.actual.text)},
         {"actual_note", WidthNote(typed.Value("a_" + std::to_string(row.index), src.actual.text))},
         {"score_note", WidthNote(typed.Value("s_" + std::to_string(row.index), src.score.text))},
         {"score", typed.Value("s_" + std::to_string(row.index), src.score.text)},
         {"reason", typed.Value("r_" + std::to_string(row.index), src.reason.text)},
         {"error", typed.Error("row_" + std::to_string(row.index))},
         {"weight", Points(row.weight)},
         {"computed", waiting ? "待填写" : Points(row.computed)},
         {"how", waiting ? "" : row.how}});
    d.set("findings", findings);
    d.set("level1_first", place.level1_span > 0);
    d.set("level2_first", place.level2_span > 0);
    rows.push_back(d);
  }
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"version", std::to_string(doc.version)},
                      {"updated_at", BeijingTime(doc.updated_at)},
                      {"updated_by", doc.updated_by},
                      {"message", message},
                      {"claimed", Points(r.claimed_total)},
                      {"computed", state == "blank" ? "待填写" : Points(r.computed_total)},
                      {"progress", state == "partial" ? progress.Note()
                                   : r.computed_total && *r.computed_total > Rational(100)
                                       ? "超过满分100分：不作复核分、不评等级，见复核意见"
                                       : ""},
                      {"grade", state == "complete" ? r.computed_grade : ""},
                      {"goal", l.check.form->goal.text},
                      {"goal_actual", typed.Value("goal_actual", l.check.form->goal_actual.text)},
                      {"total_value", typed.Value("total", l.check.form->total.text)},
                      {"total_error", typed.Error("total")},
                      {"total_note", WidthNote(typed.Value("total", l.check.form->total.text))},
                      {"rules_name", SelfEvalRulesName(*RulesOf(r, l.parts))},
                      {"count", std::to_string(progress.ShownCount(r))},
                      {"row_total", row_total < 0 ? "" : FormatScore(Score{row_total})}});
  SetReviewData(ctx, doc, data);
  // 通过 over 错误 findings needs a 说明 (handlers_review.cc); the page says so, and after.
  const size_t errors = r.Count(Severity::kError);
  // Set only when there are errors: kainjow reads "" as true in {{#review_errors}} (trial 3
  // item 4: “本表仍有 条错误” on a form with none).
  if (errors) data.set("review_errors", std::to_string(errors));
  data.set("rows", rows);
  data.set("budget", BudgetData(l.check, typed));
  data.set("general", general);
  data.set("reading", reading);
  data.set("can_edit", ctx.user->role == "unit");
  // The rule set in force preselected: the one kept with the form, else the one its block weights
  // fit (app/selfeval_rules_fit, as `selfeval check` chooses), else the national rules.
  data.set("rule_choices",
           SelfEvalRuleChoices(ctx.server.db(),
                               ctx.rejected
                                   ? ctx.req.Field("rules")
                                   : SelfEvalRuleChoiceOf(ctx.server.db(), RulesOf(r, l.parts)->id),
                               false));
  // The flag is cleared by any later edit, so when present it is the current version's.
  data.set("submitted", l.parts.count("submitted") > 0);
  // "麻风病防治 自评表" is its own heading: never "自评表：… 自评表" (trial 3 item 21).
  return ctx.server.Page(ctx, "selfeval_show",
                         EndsWith(doc.title, "自评表") ? doc.title : "自评表：" + doc.title, data,
                         status);
}

}  // namespace

size_t SelfEvalErrorCount(Server& server, const Doc& doc) {
  auto version = server.db().GetVersion(doc.id, 0);
  if (!version) return 0;
  return Load(server.options().data_dir, version->content, doc.title)
      .check.result.Count(Severity::kError);
}

Response SelfEvalShow(Ctx& ctx) { return Show(ctx, *ctx.doc, ctx.req.Field("message"), 200); }
Response SelfEvalPage(Ctx& ctx, const std::string& message, int status) {
  return Show(ctx, *ctx.doc, message, status);
}

namespace {
// The preview's answer: 复核分 and each row's 复核得分 with the accepted edits applied; the refused
// fields with their reasons (they do not count).
Response PreviewJson(Ctx& ctx, std::map<std::string, std::string> parts, const std::string& edits,
                     const std::map<std::string, std::string>& errors) {
  parts["edits"] = edits;
  std::vector<std::pair<std::string, std::string>> list(parts.begin(), parts.end());
  const Loaded l = Load(ctx.server.options().data_dir, PackParts(list), ctx.doc->title);
  const SelfEvalResult& r = l.check.result;
  return Json(PreviewResultJson(r, ProgressOf(*l.check.form, r), errors, WidthNotes(ctx.req.form)));
}

// A save from a page opened at an older version: refused, the fields the unit changed shown as
// typed (the rest at the newer version), and each field the newer version changed named with
// both values (issue 21: "nothing typed is lost", the message names what changed).
Response StaleSave(Ctx& ctx, const Doc& doc, int64_t opened_version) {
  const std::string& dir = ctx.server.options().data_dir;
  auto opened = ctx.server.db().GetVersion(doc.id, opened_version);
  auto newer = ctx.server.db().GetVersion(doc.id, 0);
  Typed typed;
  std::vector<std::string> changes;
  if (opened && newer) {
    Loaded was = Load(dir, opened->content, doc.title), now = Load(dir, newer->content, doc.title);
    if (was.check.form && now.check.form &&
        was.check.form->rows.size() == now.check.form->rows.size()) {
      std::vector<std::pair<std::string, std::string>> labels;
      std::map<std::string, std::string> before, after, sent;
      SelfEvalFields(*was.check.form, &labels, &before);
      SelfEvalFields(*now.check.form, nullptr, &after);
      for (const auto& [key, value] : ctx.req.form)
        sent[key] =
            (key.rfind("a_", 0) == 0 || key.rfind("r_", 0) == 0 ? Lines(value) : OneLine(value))
                .substr(0, 2000);
      StaleMerge merge = MergeStale(labels, before, after, sent);
      typed.values = merge.kept;
      changes = merge.changes;
    }
  }
  std::string message = "未保存：" + StaleSentence(doc, "自评表", "保存为", opened_version);
  message += ChangesSentence(changes, changes.size());
  message += typed.values.empty()
                 ? "下面是最新内容，请核对后再保存。"
                 : "下面保留了您填写的 " + std::to_string(typed.values.size()) +
                       " 处内容（其余为最新内容）；核对后再次保存即以最新版为底保存。";
  return Show(ctx, doc, message, 409, typed);
}

// A save (a new version), or with `preview` the score the typed form would get: nothing saved or
// audited, answered as JSON for the page's script (the 复核分 updating as the unit types).
Response EditOrPreview(Ctx& ctx, bool preview) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  if (expected != doc.version && !preview) return StaleSave(ctx, doc, expected);
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Loaded l = Load(ctx.server.options().data_dir, version->content, doc.title);
  if (!l.check.form) return ctx.server.Error(ctx, 422, "无法读取自评表");
  std::string edits = l.parts["edits"];
  std::vector<std::string> audit;
  const std::string money_unit = RulesOf(l.check.result, l.parts)->budget.money_unit;
  Typed typed_in;
  for (const auto& [key, value] : ctx.req.form)  // 实际完成值 and 偏差原因 keep their lines
    typed_in.values[key] =
        (key.rfind("a_", 0) == 0 || key.rfind("r_", 0) == 0 || key == "goal_actual"
             ? Lines(value)
             : OneLine(value))
            .substr(0, 2000);
  static const std::pair<const char*, const char*> kFields[] = {
      {"a_", "实际完成值"}, {"s_", "得分"}, {"r_", "偏差原因"}};
  for (size_t i = 0; i < l.check.form->rows.size(); ++i) {
    const SelfEvalRow& row = l.check.form->rows[i];
    for (const auto& [prefix, field] : kFields) {
      std::string key = prefix + std::to_string(i);
      if (!ctx.req.form.count(key)) continue;
      std::string typed = Trim(typed_in.values[key]);
      const std::string& before = prefix[0] == 'a'   ? row.actual.text
                                  : prefix[0] == 's' ? row.score.text
                                                     : row.reason.text;
      if (typed == before) continue;
      SelfEvaluation probe = *l.check.form;
      std::string why;
      if (!EditSelfEval(probe, i, field, typed, &why)) {
        typed_in.errors["row_" + std::to_string(i)] =
            "第" + std::to_string(ShownNumber(*l.check.form, i)) + "行“" + row.indicator() + "” " +
            field + "：" + why;
        continue;
      }
      edits += EditLine(i, field, typed);
      if (!preview)
        ctx.server.Audit(ctx, std::string("selfeval.edit ") + field,
                         "selfeval:" + doc.id + " 第" +
                             std::to_string(ShownNumber(*l.check.form, i)) + "行 " +
                             row.indicator(),
                         before, typed);
      audit.push_back(field);
    }
  }
  // The form's own printed 总分 (checked against its cells, shown beside the computed score).
  if (ctx.req.form.count("total")) {
    const std::string typed = Trim(typed_in.values["total"]);
    const std::string before = l.check.form->total.text;
    SelfEvaluation probe = *l.check.form;
    std::string why;
    if (typed != before && !EditSelfEval(probe, 0, "总分", typed, &why)) {
      typed_in.errors["total"] = "表上总分：" + why;
    } else if (typed != before) {
      edits += EditLine(0, "总分", typed);
      if (!preview)
        ctx.server.Audit(ctx, "selfeval.edit 总分", "selfeval:" + doc.id + " 表上总分", before,
                         typed);
      audit.push_back("总分");
    }
  }
  // The 年度总体目标's 实际完成情况 (webtrial4 item 3: warned about, now typed here).
  if (ctx.req.form.count("goal_actual")) {
    const std::string typed = Trim(typed_in.values["goal_actual"]);
    const std::string before = l.check.form->goal_actual.text;
    if (typed != before) {
      edits += EditLine(0, "总体目标实际完成情况", typed);
      if (!preview)
        ctx.server.Audit(ctx, "selfeval.edit 总体目标实际完成情况",
                         "selfeval:" + doc.id + " 年度总体目标", before, typed);
      audit.push_back("总体目标实际完成情况");
    }
  }
  for (const auto& in : kBudgetInputs) {
    if (!ctx.req.form.count(in.key)) continue;
    const std::string& typed = typed_in.values[in.key];
    std::string before = BudgetText(l.check.form->budget, in.key);
    if (typed == before) continue;
    SelfEvaluation probe = *l.check.form;
    std::string why;
    if (!EditSelfEval(probe, 0, in.field, typed, &why, money_unit)) {
      typed_in.errors[in.key] = why;
      continue;
    }
    edits += EditLine(0, in.field, typed);
    if (!preview)
      ctx.server.Audit(ctx, std::string("selfeval.edit ") + in.field,
                       "selfeval:" + doc.id + " 预算执行", before, typed);
    audit.push_back(in.field);
  }
  if (preview) return PreviewJson(ctx, l.parts, edits, typed_in.errors);
  if (!typed_in.errors.empty()) {
    std::string all;
    for (const auto& [key, why] : typed_in.errors) all += (all.empty() ? "" : "；") + why;
    if (ctx.req.api) return ctx.server.Error(ctx, 422, "未保存：" + all);
    return Show(ctx, doc, "未保存：请按标出的位置修改后再保存（" + all + "）", 422, typed_in);
  }
  if (audit.empty()) return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode("没有改动"));
  if (audit.size() > kMaxEdits) return ctx.server.Error(ctx, 413, "一次改动过多");
  auto parts = l.parts;
  parts["edits"] = edits;
  parts.erase("submitted");  // changed after 提交: the unit submits again
  std::vector<std::pair<std::string, std::string>> list(parts.begin(), parts.end());
  std::string content = PackParts(list);
  Doc updated = doc;
  RecordSelfEvalFigures(updated, Load(ctx.server.options().data_dir, content, doc.title).check);
  if (!ctx.server.db().SaveVersion(updated, expected, content, ctx.user->name,
                                   "填写 " + std::to_string(audit.size()) + " 处"))
    return Show(ctx, doc, "未保存：该自评表刚被他人保存，请刷新后重新填写。", 409);
  std::string note = "已保存第 " + std::to_string(expected + 1) + " 版：复核分 " +
                     FormatScore(Score{updated.computed});
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace

Response SelfEvalEdit(Ctx& ctx) { return EditOrPreview(ctx, false); }
Response SelfEvalPreview(Ctx& ctx) { return EditOrPreview(ctx, true); }

Response SelfEvalSubmit(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto version = ctx.server.db().GetVersion(doc.id, 0);
  Loaded l = Load(ctx.server.options().data_dir, version->content, doc.title);
  std::string note = "已提交第 " + std::to_string(doc.version) + " 版";
  if (!l.parts.count("submitted")) {
    auto parts = l.parts;
    parts["submitted"] = ctx.user->name;
    std::vector<std::pair<std::string, std::string>> list(parts.begin(), parts.end());
    Doc updated = doc;
    if (!ctx.server.db().SaveVersion(updated, doc.version, PackParts(list), ctx.user->name,
                                     kSubmitNote))
      return Show(ctx, doc, "未提交：该自评表刚被他人保存，请核对后再提交。", 409);
    note = "已提交（第 " + std::to_string(doc.version + 1) + " 版）：复核分 " +
           FormatScore(Score{doc.computed});
    // The rows left blank are now listed, each unfilled field at its row.
    if (l.check.form)
      if (size_t n = ProgressOf(*l.check.form, l.check.result).unfilled.size())
        note += "。尚有 " + std::to_string(n) + " 行未填实际完成值和得分，按0分计，见各行复核意见";
    ctx.server.Audit(ctx, "selfeval.submit", "selfeval:" + doc.id, "", note);
  }
  if (ctx.req.api) return Json("{\"submitted\":true,\"message\":" + Q(note) + "}");
  return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode(note));
}

Response SelfEvalDownload(Ctx& ctx) {
  const std::string& format = ctx.req.params["format"];
  auto version = ctx.server.db().GetVersion(ctx.doc->id, 0);
  Loaded l = Load(ctx.server.options().data_dir, version->content, ctx.doc->title);
  if (format == "json")
    return Download(SelfEvalJson(l.check.result), "复核结果.json", "application/json");
  if (format != "xlsx" && format != "form" && format != "report")
    return ctx.server.Error(
        ctx, 404,
        "可下载的只有：复核表（xlsx）、填好的自评表（form）、自评报告（report）、复核结果（json）");
  static const char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  if (format != "xlsx") {
    // `selfeval score`: the filled form (<base>.xlsx) and the 自评报告 (<base>_自评报告.docx).
    Diagnostics diags;
    if (l.check.form) FillKnownHeader(*ctx.doc, *l.check.form);
    auto files =
        ScoreSelfEvalForm(l.check, *RulesOf(l.check.result, l.parts), ctx.doc->title, diags,
                          {"", ctx.user->role == "bureau"},  // the bureau's copy is a 复核
                          format == "form");  // what the unit typed (webtrial4 item 2)
    if (!files) {
      std::vector<std::string> items;
      for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
      return ctx.server.Error(ctx, 422, "无法生成，请按下列提示修改自评表", items);
    }
    for (auto& f : *files) {
      bool docx = f.name.size() > 5 && f.name.substr(f.name.size() - 5) == ".docx";
      if (docx == (format == "report"))
        return Download(
            std::move(f.bytes), f.name,
            docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                 : kXlsx);
    }
    return ctx.server.Error(ctx, 500, "生成失败");
  }
  auto files = SelfEvalReviewFiles({l.check});
  for (auto& f : files)
    if (f.name !=
        "复核汇总.xlsx")  // the annotated form, named by the form (not 复核_自评表.xlsx.xlsx)
      return Download(std::move(f.bytes), ctx.doc->title + "-复核表.xlsx", kXlsx);
  if (files.empty()) return ctx.server.Error(ctx, 422, "无法生成复核表");
  return Download(std::move(files.front().bytes), files.front().name, kXlsx);
}

// 复核汇总's rows for the user's reach: each form is read, checked and reduced to its row before
// the next is read, so the export holds one form at a time (and a row per form), not the forms.
std::vector<report::ReviewSummaryRow> RegionReviewRows(Server& server, const User& user) {
  std::vector<report::ReviewSummaryRow> out;
  Db::ListFilter f;  // the user's reach in SQL, not every region's forms or decisions
  f.kinds = {"selfeval"};
  std::vector<Doc> reached;
  std::map<std::string, Decision> decisions;
  if (NarrowToReach(user, f)) {
    reached = server.db().MatchingDocs(f);
    decisions = server.db().LatestDecisions("selfeval", f.region);
  }
  for (const auto& d : reached) {
    if (!CanReach(user, d)) continue;
    auto version = server.db().GetVersion(d.id, 0);
    // A draft (its latest version not the unit's 提交) is not yet the unit's answer: not exported.
    if (!version || !UnpackParts(version->content).count("submitted")) continue;
    SelfEvalCheck check =
        Load(server.options().data_dir, version->content, d.unit + "-" + d.title).check;
    check.title = d.title;  // 复核汇总 names the form and its unit as the 复核 list does
    check.unit = d.unit;
    auto it = decisions.find(d.id);
    const ReviewState s =
        StateOf(d, it == decisions.end() ? std::nullopt : std::optional<Decision>(it->second));
    check.decision = {s.label, s.last ? s.last->opinion : "", s.last ? s.last->reviewer : "",
                      s.last ? BeijingTime(s.last->at) : ""};
    out.push_back(report::ReviewRowOf(ReviewedFormOf(check)));
  }
  return out;
}

}  // namespace jixiao::web
