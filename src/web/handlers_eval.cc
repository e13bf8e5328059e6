// The evaluator's evaluations: create from a shipped framework (optionally from a unit's
// 绩效目标表), download the entry workbook, upload it filled (a new version; a stale version is
// refused), see the validation list and the score tree with each indicator's explanation, download
// the report. Every call goes through app/ (pipeline, entry_app, report_files, score_explain).

#include <filesystem>
#include <fstream>
#include <set>

#include "app/entry_app.h"
#include "app/pipeline.h"
#include "app/report_files.h"
#include "app/score_explain.h"
#include "casefile/frameworks.h"
#include "casefile/scaffold.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "ingest/framework_loader.h"
#include "report/builder.h"
#include "scorecard_io/scorecard_json.h"
#include "web/case_snapshot.h"
#include "web/crypto.h"
#include "web/download_names.h"
#include "web/entry_places.h"
#include "web/eval_region.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/pending_targets.h"
#include "web/review_state.h"
#include "web/scratch_files.h"
#include "web/targets_for_case.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace fs = std::filesystem;

std::string DiagnosticLine(const Diagnostic& d) {
  std::string where = d.where.ToString();
  return (where.empty() ? "" : where + "：") + (d.severity == Severity::kError ? "错误：" : "") +
         d.message;
}

std::string DiagnosticJson(const Diagnostic& d) {
  return "{\"severity\":" + Q(SeverityName(d.severity)) + ",\"code\":" + Q(d.code) +
         ",\"where\":" + Q(d.where.ToString()) + ",\"message\":" + Q(d.message) + "}";
}

Data DiagnosticData(const Diagnostic& d) {
  return Object({{"severity", d.severity == Severity::kError     ? "错误"
                              : d.severity == Severity::kWarning ? "警告"
                                                                 : "提示"},
                 {"severity_class", SeverityName(d.severity)},
                 {"where", d.where.ToString()},
                 {"message", d.message}});
}

namespace {

std::optional<Evaluation> ScoreCase(Server& server, const Doc& doc, Diagnostics& diags) {
  auto evaluation = EvaluateCaseDir(server.CaseDir(doc.id), diags);
  RelocateInCase(diags, server.CaseDir(doc.id));
  return evaluation;
}

Response ShowEvaluation(Ctx& ctx, const Doc& doc, const std::string& message, int status) {
  std::string dir = ctx.server.CaseDir(doc.id);
  Diagnostics checks;
  ValidatePath(dir, checks);
  RelocateInCase(checks, dir);
  Diagnostics diags;
  auto evaluation = ScoreCase(ctx.server, doc, diags);
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (const auto& d : checks.items()) items.push_back(DiagnosticJson(d));
    return Json(
        "{\"id\":" + Q(doc.id) + ",\"title\":" + Q(doc.title) +
            ",\"version\":" + std::to_string(doc.version) + ",\"validation\":" + JsonArray(items) +
            ",\"score\":" + (evaluation ? ScorecardJson(evaluation->card) : std::string("null")) +
            ",\"review\":" + ReviewStateJson(CurrentState(ctx.server, doc)) +
            ",\"pending_targets\":" + PendingTargetsJson(ctx.server, doc) +
            ",\"members\":" + MembersJson(ctx.server, doc) +
            (message.empty() ? "" : ",\"message\":" + Q(message)) + "}",
        status);
  }
  Data validation = List(), tree = List();
  for (const auto& d : checks.items()) {
    // The evaluator works in the entry workbook and the narrative page: name those, not files.
    Data item = DiagnosticData(d);
    item.set("where", EntryPlace(d.where));
    item.set("message", EntryMessage(d.message));
    // The place as a link to the page (and section) where it is filled in, for the evaluator.
    std::string href = EntryLink(d.where, doc.id);
    if (href.empty()) href = MissingTableLink(d, doc.id);
    if (!href.empty() && ctx.user->role == "evaluator") item.set("href", href);
    validation.push_back(item);
  }
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"unit", doc.unit},
                      {"town", doc.town},
                      {"year", doc.year},
                      {"version", std::to_string(doc.version)},
                      {"updated_at", BeijingTime(doc.updated_at)},
                      {"updated_by", doc.updated_by},
                      {"message", message},
                      {"check_count", std::to_string(checks.items().size())}});
  if (evaluation) {
    const Scorecard& card = evaluation->card;
    for (const auto& i : card.indicators) {
      auto rate = i.RatePercent();
      // The list under the 不适用 sentence shows each sum only, not the scope again.
      const std::string sum =
          i.weight_note.substr(std::min(i.weight_note.find("本指标分值"), i.weight_note.size()));
      Data row = Object({{"code", i.code},
                         {"name", i.name},
                         {"level", std::to_string(i.level)},
                         {"weight", FormatScoreNumber(i.weight)},
                         {"score", FormatScoreNumber(i.score)},
                         {"rate", rate ? FormatPercent(*rate) : ""},
                         {"value", i.value},
                         {"deduction", i.DeductionText()},
                         {"weight_note", i.weight_note},
                         {"deducted", i.leaf && i.Lost().hundredths > 0 ? FormatScore(i.Lost())
                                                                        : std::string()}});
      row.set("leaf", i.leaf);
      row.set("has_weight_note", !i.weight_note.empty());
      row.set("weight_sum", sum);
      tree.push_back(row);
    }
    data.set("scored", true);
    data.set("total", FormatScore(card.total));
    data.set("grade", card.grade);
    data.set("framework", card.framework_title);
    Data na_notes = List();
    for (const auto& note : card.not_applicable_notes) na_notes.push_back(Object({{"text", note}}));
    data.set("na_notes", na_notes);
    data.set("has_na_notes", !card.not_applicable_notes.empty());
  } else {
    data.set("scored", false);
    data.set("imported", doc.version > 1);
    // Deductions can be typed before the first score (trial 5 item 3): the 扣分制 leaves' pages.
    Data leaves = List();
    bool any = false;
    if (auto fw = CaseFramework(dir))
      fw->ForEach([&](const Indicator& node) {
        if (!node.IsLeaf() || !node.rule || node.rule->type != RuleType::kDeduction) return;
        leaves.push_back(Object({{"code", node.code},
                                 {"name", node.name},
                                 {"weight", FormatScoreNumber(node.weight)}}));
        any = true;
      });
    data.set("has_deduction_leaves", any);
    data.set("deduction_leaves", leaves);
  }
  data.set("tree", tree);
  data.set("validation", validation);
  data.set("has_validation", !checks.items().empty());
  data.set("can_edit", ctx.user->role == "evaluator");
  // 所属区域 and, for the evaluator, the list to move it to another known region.
  data.set("region", doc.region);
  Data regions = List();
  const std::string chosen_region = ctx.rejected ? ctx.req.Field("region") : doc.region;
  const std::vector<std::string> known = EvaluationRegions(ctx.server.db());
  for (const auto& name : known) regions.push_back(Choice(name, name, chosen_region));
  data.set("regions", regions);
  // Filed under a region no account or registration has: no bureau sees it. Said at the top.
  data.set("region_problem", RegionChoiceProblem(known, doc.region));
  SetSurveyData(ctx.server, doc, data);
  SetReviewData(ctx, doc, data);
  SetPendingTargetsData(ctx, doc, data);
  SetMembersData(ctx, doc, data);
  return ctx.server.Page(ctx, "evaluation_show", "评价：" + doc.title, data, status);
}

}  // namespace

Response FrameworksList(Ctx& ctx) {
  std::vector<std::string> ids, uploaded;
  for (const auto& id : ShippedFrameworkIds()) ids.push_back(Q(id));
  for (const auto& u : UploadedSets(ctx.server.db(), "framework"))
    if (!u.disabled())
      uploaded.push_back("{\"id\":" + Q(kUploadPrefix + u.doc.id) + ",\"set_id\":" + Q(u.set_id) +
                         ",\"title\":" + Q(u.doc.title) +
                         ",\"version\":" + std::to_string(u.doc.version) + "}");
  return Json("{\"frameworks\":" + JsonArray(ids) + ",\"uploaded\":" + JsonArray(uploaded) + "}");
}

Response EvaluationsList(Ctx& ctx) {
  Db::ListFilter f;  // what the user reaches, a page of it (the store filters and pages)
  f.kinds = {"evaluation"};
  std::string problem;
  auto listed = PageInReach(ctx.req, ctx.server.db(), *ctx.user, f, problem);
  if (!listed) return ctx.server.Error(ctx, 422, problem);
  const auto& [paging, mine, count] = *listed;
  const auto states = ReviewStates(ctx.server, mine);  // the bureau's 复核 state of each
  if (ctx.req.api) {
    std::vector<std::string> items;
    for (size_t i = 0; i < mine.size(); ++i) {
      const Doc& d = mine[i];
      items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"unit\":" + Q(d.unit) +
                      ",\"town\":" + Q(d.town) + ",\"year\":" + Q(d.year) +
                      ",\"grade\":" + Q(d.grade) +
                      ",\"total\":" + (d.total < 0 ? "null" : FormatScoreNumber(Score{d.total})) +
                      ",\"version\":" + std::to_string(d.version) +
                      ",\"review\":" + ReviewStateJson(states[i]) + "}");
    }
    return Json("{\"evaluations\":" + JsonArray(items) + PagingJson(paging, count) + "}");
  }
  Data list = List(), frameworks = List(), targets = List();
  // A refused create shows the form again with the choices made (Server::Reject).
  auto typed = [&](const char* field) {
    return ctx.rejected ? ctx.req.Field(field) : std::string();
  };
  for (size_t i = 0; i < mine.size(); ++i) {
    const Doc& d = mine[i];
    list.push_back(Object({{"id", d.id},
                           {"title", d.title},
                           {"unit", d.unit},
                           {"region", d.region},
                           {"town", d.town},
                           {"year", d.year},
                           {"grade", d.grade},
                           {"total", d.total < 0 ? "未评分" : FormatScore(Score{d.total})},
                           {"version", std::to_string(d.version)},
                           {"review_key", states[i].key},
                           {"review_label", states[i].label}}));
  }
  for (const auto& id : ShippedFrameworkIds()) {
    if (id.rfind("self", 0) == 0) continue;  // 自评表 rule sets, not evaluation frameworks
    // The framework's Chinese title only (its id is an internal name users never typed).
    std::string title = "随附指标体系";
    if (auto file = FindShippedFramework(id)) {
      Diagnostics ignored;
      if (auto fw = LoadFramework(*file, ignored)) title = fw->title;
    }
    frameworks.push_back(Choice(id, title, typed("framework")));
  }
  for (const auto& u : UploadedSets(ctx.server.db(), "framework"))
    if (!u.disabled())
      frameworks.push_back(
          Choice(kUploadPrefix + u.doc.id,
                 u.doc.title + "（上传，第 " + std::to_string(u.doc.version) + " 版）",
                 typed("framework")));
  // The region's 绩效目标表 to start from (the latest 1,000; filtered by the store).
  Db::ListFilter region_targets;
  region_targets.kinds = {"targets"};
  region_targets.region = ctx.user->region;
  if (!ctx.user->region.empty())
    for (const auto& [id, label] : TableChoices(ctx.server.db().DocsPage(region_targets, 1000, 0)))
      targets.push_back(Choice(id, label, typed("targets")));
  // 所属区域 is chosen from the known regions, the evaluator's own preselected (issue 21).
  Data regions = List();
  const std::string chosen_region = ctx.rejected ? ctx.req.Field("region") : ctx.user->region;
  for (const auto& name : EvaluationRegions(ctx.server.db()))
    regions.push_back(Choice(name, name, chosen_region));
  // Why the list of the units' tables is empty, and who must do what (trial 3: only “不使用”).
  std::string targets_note;
  if (ctx.user->region.empty())
    targets_note =
        "您的账号没有所属区域，所以这里不列出项目单位的绩效目标表（只列出与账号同一区域的表）："
        "请管理员在“管理”页的账号列表中为您的账号设定所属区域";
  else if (targets.is_empty_list())
    targets_note = "区域“" + ctx.user->region +
                   "”还没有项目单位上传绩效目标表：项目单位在其“绩效目标表”页上传或粘贴后，"
                   "这里即可选择";
  Data data;
  data.set("targets_note", targets_note);
  data.set("regions", regions);
  data.set("has_regions", !regions.is_empty_list());
  data.set("evaluations", list);
  data.set("has_evaluations", !mine.empty());
  SetPaging(data, paging, count, "/evaluations", {});
  data.set("frameworks", frameworks);
  data.set("targets", targets);
  data.set("region", ctx.user->region);
  data.set("can_create", ctx.user->role == "evaluator");
  return ctx.server.Page(ctx, "evaluations_list", "评价", data);
}

Response EvaluationsCreate(Ctx& ctx) {
  const Request& r = ctx.req;
  std::string framework = r.Field("framework");
  bool shipped = false;
  for (const auto& id : ShippedFrameworkIds()) shipped = shipped || id == framework;
  // An uploaded framework (admin, /admin/frameworks): its latest version, unless disabled.
  std::optional<std::string> uploaded;
  if (!shipped) uploaded = UploadedJson(ctx.server.db(), "framework", framework);
  if (!shipped && !uploaded)
    return ctx.server.Reject(ctx, "framework", "请从列表中选择一个随附或已上传（未停用）的指标体系",
                             EvaluationsList);
  Doc doc;
  doc.id = RandomHex(12);
  doc.kind = "evaluation";
  doc.title = r.Field("title");
  doc.unit = r.Field("unit");
  doc.town = r.Field("town");
  doc.department = r.Field("department");
  doc.year = TypedYear(r.Field("year"));
  doc.region = r.Field("region").empty() ? ctx.user->region : r.Field("region");
  if (Trim(doc.title).empty())
    return ctx.server.Reject(ctx, "title", "请填写项目名称", EvaluationsList);
  if (std::string why = YearProblem(doc.year); !why.empty())
    return ctx.server.Reject(ctx, "year", why, EvaluationsList);
  if (std::string why = RegionChoiceProblem(EvaluationRegions(ctx.server.db()), doc.region);
      !why.empty())
    return ctx.server.Reject(ctx, "region", why, EvaluationsList);
  doc.owner = doc.assigned = ctx.user->id;
  NewCaseOptions options;
  // What was typed in this form goes into 项目信息, so the entry workbook does not ask for it
  // again.
  options.project = {{"name", Trim(doc.title)},
                     {"year", Trim(doc.year)},
                     {"town", Trim(doc.town)},
                     {"unit", Trim(doc.unit)},
                     {"authority", Trim(doc.department)}};
  options.dir = ctx.server.CaseDir(doc.id);
  options.framework = framework;
  options.templates_dir = report::DefaultTemplateDir();
  ScratchFolder scratch(ctx.server.options().data_dir);
  std::string targets_title;  // the unit's table the evaluation starts from, if any
  if (std::string targets_id = r.Field("targets"); !targets_id.empty()) {
    auto targets = ctx.server.db().GetDoc(targets_id);
    if (!targets || targets->kind != "targets" || targets->region != doc.region)
      return ctx.server.Reject(
          ctx, "targets", "找不到所选的绩效目标表，或它不属于该区域：请重新选择", EvaluationsList);
    WriteTargetsForCase(ctx.server.db(), *targets, scratch.path(), options);
    targets_title = targets->title;
  }
  if (uploaded) {
    options.framework = scratch.path() + "/framework.json";
    WriteBytes(options.framework, *uploaded);
  }
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  std::string summary;
  if (!NewCase(options, diags, summary)) {
    RelocateInCase(diags, options.dir);
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    std::error_code ec;
    fs::remove_all(options.dir, ec);
    return ctx.server.Reject(ctx, "", "无法新建评价，请按下列提示修改", EvaluationsList, items);
  }
  // The framework as people know it: its title, in the version note and the audit log alike.
  const std::string framework_title = FrameworkLabel(ctx.server.db(), framework);
  // What reading the unit's table said (rows still 待确认 first, rows dropped, units split out):
  // shown to the evaluator on the new page and kept in the version's note, never silent.
  const std::vector<std::string> notes = TableReadingNotes(diags, scratch.path(), targets_title);
  RecordPendingTargets(options.dir, diags);  // listed on the page until each is confirmed
  std::string note = "新建（指标体系：" + framework_title + "）";
  for (const auto& n : notes) note += "；" + n;
  // Each version keeps the whole case folder, so it can be restored and any process can work on it.
  ctx.server.db().AddDoc(doc, SnapshotCase(options.dir), ctx.user->name, note);
  ctx.server.CaseSaved(doc.id, 1, true);
  ctx.server.Audit(ctx, "evaluation.create", "evaluation:" + doc.id, "",
                   doc.title + "，指标体系 " + framework_title);
  if (notes.empty()) return CreatedReply(ctx, "evaluations", doc.id);
  if (ctx.req.api) {
    std::vector<std::string> quoted;
    for (const auto& n : notes) quoted.push_back(Q(n));
    return Json("{\"id\":" + Q(doc.id) + ",\"version\":1,\"location\":" +
                    Q("/api/v1/evaluations/" + doc.id) + ",\"notices\":" + JsonArray(quoted) + "}",
                201);
  }
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(NotesMessage(notes)));
}

Response EvaluationPage(Ctx& ctx, const std::string& message, int status) {
  return ShowEvaluation(ctx, *ctx.doc, message, status);
}

Response EvaluationShow(Ctx& ctx) {
  return ShowEvaluation(ctx, *ctx.doc, ctx.req.Field("message"), 200);
}

Response EvaluationSheet(Ctx& ctx) {
  ScratchFolder scratch(ctx.server.options().data_dir);  // libxlsxwriter's temporary file
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  // The 说明 sheet says to upload it on this evaluation's page, not to run jixiao import.
  auto bytes = EntryWorkbookBytes(ctx.server.CaseDir(ctx.doc->id), diags, EntryBookFor::kBrowser);
  if (!bytes) {
    RelocateInCase(diags, ctx.server.CaseDir(ctx.doc->id));
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "无法生成录入工作簿", items);
  }
  return Download(std::move(*bytes),
                  DownloadName(ctx.doc->title, ctx.doc->year, "录入工作簿", ".xlsx"),
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

std::optional<std::string> SaveRescoredCase(Ctx& ctx, int64_t expected, const std::string& note,
                                            std::optional<Evaluation>* evaluation) {
  const Doc& doc = *ctx.doc;
  std::vector<Db::Category> categories;
  Doc scored = RescoredDoc(ctx.server, doc, categories, evaluation);
  bool saved = ctx.server.db().SaveVersion(
      scored, expected, SnapshotCase(ctx.server.CaseDir(doc.id)), ctx.user->name, note, categories);
  ctx.server.CaseSaved(doc.id, expected + 1, saved);
  if (!saved) return std::nullopt;
  return scored.total < 0 ? std::string("未评分")
                          : FormatScore(Score{scored.total}) + " " + scored.grade;
}

Doc RescoredDoc(Server& server, const Doc& doc, std::vector<Db::Category>& categories,
                std::optional<Evaluation>* evaluation_out) {
  Diagnostics score_diags;
  auto evaluation = ScoreCase(server, doc, score_diags);
  Doc scored = doc;
  if (evaluation) {
    scored.total = evaluation->card.total.hundredths;
    scored.grade = evaluation->card.grade;
    scored.scorecard_json = ScorecardJson(evaluation->card);
    scored.framework = evaluation->card.framework_id;
    for (const auto* c : evaluation->card.Categories())
      categories.push_back({c->code, c->name, c->weight.hundredths, c->score.hundredths});
  } else {
    scored.total = -1;
    scored.grade.clear();
    scored.scorecard_json.clear();
  }
  if (evaluation_out) *evaluation_out = std::move(evaluation);
  return scored;
}

Response EvaluationImport(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  const Upload* upload = ctx.req.File("file");
  if (!upload || upload->bytes.empty())
    return ctx.server.Reject(ctx, "import_file", "请选择填好的录入工作簿（.xlsx）", EvaluationShow);
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  if (expected != doc.version)
    return ShowEvaluation(ctx, doc,
                          "未导入：" + StaleSentence(doc, "评价", "保存为", expected) +
                              "请查看下面的最新内容，再重新上传您的工作簿。",
                          409);
  std::string before = doc.total < 0 ? "未评分" : FormatScore(Score{doc.total}) + " " + doc.grade;
  ScratchFolder scratch(ctx.server.options().data_dir);
  std::string path = scratch.path() + "/upload.xlsx";
  WriteBytes(path, upload->bytes);
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  std::string summary;
  bool ok = ImportEntryWorkbook(path, ctx.server.CaseDir(doc.id), diags, summary);
  RelocateInCase(diags, scratch.path());
  if (!ok) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) {
      Diagnostic copy = d;
      if (copy.where.file == "upload.xlsx") copy.where.file = upload->filename.substr(0, 200);
      items.push_back(DiagnosticLine(copy));
    }
    return ctx.server.Reject(ctx, "import_file",
                             "工作簿有错误，评价未改动；请按下列位置修改后重新上传", EvaluationShow,
                             items);
  }
  // The new version records the score (total, grade, score --json, the 一级 results).
  std::optional<Evaluation> evaluation;
  auto saved = SaveRescoredCase(ctx, expected, "导入录入工作簿", &evaluation);
  if (!saved)
    return ctx.server.Error(ctx, 409, "该评价刚被他人保存，您的工作簿未导入；请刷新后重新上传");
  const std::string& after = *saved;
  ctx.server.Audit(ctx, "evaluation.import", "evaluation:" + doc.id, before, after);
  for (size_t at; (at = summary.find(ctx.server.CaseDir(doc.id))) != std::string::npos;)
    summary.replace(at, ctx.server.CaseDir(doc.id).size(), "本评价");
  if (summary.rfind("已导入到 本评价：", 0) == 0) summary = "已导入：" + summary.substr(25);
  std::string note = "已导入第 " + std::to_string(expected + 1) + " 版。" + summary;
  if (ctx.req.api)
    return Json(
        "{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) +
        ",\"score\":" + (evaluation ? ScorecardJson(evaluation->card) : std::string("null")) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
