// The evaluator's findings form: one leaf's 扣分 (amount and reason each) and 摘要用语, typed in
// the evaluation page instead of the entry workbook's 扣分明细 sheet. The edit page lists the
// leaf's deductions as they stand (amount, points, the version that brought each), editable and
// removable; a save is a new version, scored again; refused (409, typed text kept) when someone
// saved first. Every change goes through app/finding_edit.h.
#include <algorithm>

#include "app/entry_app.h"
#include "app/finding_edit.h"
#include "casefile/case_files.h"
#include "core/format.h"
#include "web/case_snapshot.h"
#include "web/handlers.h"

namespace jixiao::web {
namespace {

constexpr int kMaxRows = 20;  // deductions one save can carry (the page shows existing + 3)

struct Row {
  std::string amount, reason, points, source;
  bool remove = false;
};

std::string Unquoted(const std::string& quoted) { return quoted.substr(1, quoted.size() - 2); }

// The version that brought `reason` into the case: the oldest of the unbroken run of versions,
// newest first, whose snapshot holds it (its case.json is text inside the snapshot's JSON).
std::string SourceOf(Server& server, const Doc& doc, const std::string& reason) {
  const std::string needle = Unquoted(Q(Unquoted(Q(reason))));
  auto versions = server.db().Versions(doc.id);
  std::sort(versions.begin(), versions.end(),
            [](const auto& a, const auto& b) { return a.version > b.version; });
  const Version* from = nullptr;
  for (size_t i = 0; i < versions.size() && i < 30; ++i) {
    auto v = server.db().GetVersion(doc.id, versions[i].version);
    if (!v || v->content.find(needle) == std::string::npos) break;
    from = &versions[i];
  }
  if (!from) return "";
  return "第 " + std::to_string(from->version) + " 版：" + from->note + "（" + from->author + "，" +
         BeijingTime(from->at) + " 北京时间）";
}

// Leaf `code` as the page shows it: from the scorecard when the case scores, else from the
// framework (deductions can be typed before the first score, trial 5 item 3). False: no such leaf.
struct LeafShown {
  std::string name, weight, weight_number, score;
  Rational rule_weight;  // the declared weight the rule reads
};
bool ShowLeaf(const std::optional<Evaluation>& evaluation, const std::optional<Framework>& fw,
              const std::string& code, LeafShown& out) {
  const IndicatorResult* leaf = evaluation ? evaluation->card.Find(code) : nullptr;
  const Indicator* node = evaluation ? evaluation->framework->Find(code)
                          : fw       ? fw->Find(code)
                                     : nullptr;
  if (evaluation ? !leaf || !leaf->leaf || !node : !node || !node->IsLeaf()) return false;
  const Score weight = leaf ? leaf->weight : node->weight;
  out = {node->name, FormatScore(weight), FormatScoreNumber(weight),
         leaf ? FormatScore(leaf->score) : "未评分", node->weight.ToRational()};
  if (leaf) out.name = leaf->name;
  return true;
}

// The edit page of leaf `code`: `rows` as typed or as they stand, then empty rows to add.
Response FindingPage(Ctx& ctx, const std::string& code, std::vector<Row> rows,
                     const std::string& summary, const std::string& message,
                     const std::vector<std::string>& errors, int status) {
  const Doc& doc = *ctx.doc;
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(ctx.server.CaseDir(doc.id), diags);
  auto fw = evaluation ? std::nullopt : CaseFramework(ctx.server.CaseDir(doc.id));
  LeafShown leaf;
  if (!ShowLeaf(evaluation, fw, code, leaf))
    return ctx.server.Error(ctx, 404, "找不到该末级指标，或评价的指标体系无法读取");
  const size_t existing = rows.size();
  while (rows.size() < std::min<size_t>(existing + 3, kMaxRows)) rows.push_back({});
  Data list = List(), notes = List(), problems = List();
  for (size_t i = 0; i < rows.size(); ++i) {
    Data row = Object({{"n", std::to_string(i)},
                       {"shown", std::to_string(i + 1)},
                       {"amount", rows[i].amount},
                       {"reason", rows[i].reason},
                       {"points", rows[i].points},
                       {"source", rows[i].source}});
    row.set("existing", i < existing);
    row.set("remove", rows[i].remove);
    list.push_back(row);
  }
  bool capped = false;
  for (const auto& d : evaluation ? evaluation->card.checks : std::vector<Diagnostic>{})
    if (d.code == "finding.deduction_capped" &&
        d.where.path.find("." + code + ".") != std::string::npos) {
      notes.push_back(Object({{"message", d.message}}));
      capped = true;
    }
  for (const auto& e : errors) problems.push_back(Object({{"message", e}}));
  Data data = Object({{"id", doc.id},
                      {"title", doc.title},
                      {"code", code},
                      {"name", leaf.name},
                      {"weight", leaf.weight},
                      {"score", leaf.score},
                      {"summary", summary},
                      {"message", message},
                      {"version", std::to_string(doc.version)}});
  data.set("rows", list);
  data.set("has_existing", existing > 0);
  data.set("notes", notes);
  data.set("has_notes", capped);
  data.set("errors", problems);
  data.set("has_errors", !errors.empty());
  return ctx.server.Page(ctx, "finding_edit", "修改扣分 " + code, data, status);
}

std::vector<Row> TypedRows(const Request& req) {
  std::vector<Row> rows;
  for (int i = 0; i < kMaxRows; ++i) {
    const std::string n = std::to_string(i);
    Row row{req.Field("amount_" + n).substr(0, 50), req.Field("reason_" + n).substr(0, 2000), "",
            "", !req.Field("remove_" + n).empty()};
    if (!row.amount.empty() || !row.reason.empty()) rows.push_back(row);
  }
  return rows;
}

}  // namespace

Response EvaluationFindingShow(Ctx& ctx) {
  const std::string code = ctx.req.params["code"].substr(0, 50);
  Diagnostics diags;
  auto evaluation = EvaluateCaseDir(ctx.server.CaseDir(ctx.doc->id), diags);
  Case loaded;
  auto fw = evaluation ? std::nullopt : CaseFramework(ctx.server.CaseDir(ctx.doc->id), &loaded);
  LeafShown leaf;
  if (!ShowLeaf(evaluation, fw, code, leaf))
    return ctx.server.Error(ctx, 404, "找不到该末级指标，或评价的指标体系无法读取");
  const Case& c = evaluation ? evaluation->c : loaded;
  std::vector<Row> rows;
  std::string summary;
  std::vector<std::string> items;
  if (auto f = c.findings.find(code); f != c.findings.end()) {
    summary = f->second.summary;
    // Points of the weight the rule reads (the declared one; a 不适用 move scales the score after).
    const Rational weight = leaf.rule_weight;
    for (const auto& d : f->second.deductions) {
      Row row{d.amount.share ? FormatShare(d.amount.value) : ExactDecimal(d.amount.value), d.reason,
              "扣" + d.amount.Describe(weight), SourceOf(ctx.server, *ctx.doc, d.reason)};
      rows.push_back(row);
      items.push_back("{\"amount\":" + Q(row.amount) +
                      ",\"points\":" + Q(ExactDecimal(d.amount.PointsOf(weight))) +
                      ",\"reason\":" + Q(row.reason) + ",\"source\":" + Q(row.source) + "}");
    }
  }
  if (ctx.req.api)
    return Json("{\"code\":" + Q(code) + ",\"name\":" + Q(leaf.name) + ",\"weight\":" +
                leaf.weight_number + ",\"version\":" + std::to_string(ctx.doc->version) +
                ",\"deductions\":" + JsonArray(items) + ",\"summary\":" + Q(summary) + "}");
  return FindingPage(ctx, code, rows, summary, ctx.req.Field("message"), {}, 200);
}

Response EvaluationFinding(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  const std::string code = ctx.req.Field("code").substr(0, 50);
  if (code.empty()) return ctx.server.Error(ctx, 422, "请选择要修改扣分的指标");
  std::string summary = ctx.req.Field("summary").substr(0, 500);
  const std::vector<Row> typed = TypedRows(ctx.req);
  if (expected != doc.version) {
    const std::string stale = "未保存：" + StaleSentence(doc, "评价", "保存为", expected) +
                              "下面保留了您填写的扣分；请核对最新得分后再保存。";
    if (ctx.req.api)
      return ctx.server.Error(ctx, 409, stale,
                              {"您填写的指标：" + code, "摘要用语：" + ctx.req.Field("summary")});
    return FindingPage(ctx, code, typed, summary, stale, {}, 409);
  }
  std::vector<DeductionEdit> deductions;
  for (const auto& row : typed)
    if (!row.remove) deductions.push_back({row.amount, row.reason});
  std::string before = doc.total < 0 ? "未评分" : FormatScore(Score{doc.total}) + " " + doc.grade;
  Diagnostics diags;
  if (!EditCaseFinding(ctx.server.CaseDir(doc.id), code, deductions, summary, diags)) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    if (ctx.req.api) return ctx.server.Error(ctx, 422, "扣分未保存，请按下列提示修改", items);
    return FindingPage(ctx, code, typed, summary, "扣分未保存，请按下列提示修改", items, 422);
  }
  std::string listed;
  for (const auto& d : deductions)
    if (!d.reason.empty()) listed += (listed.empty() ? "" : "；") + d.amount + " " + d.reason;
  std::optional<Evaluation> evaluation;
  auto saved = SaveRescoredCase(ctx, expected, "修改 " + code + " 的扣分", &evaluation);
  if (!saved) return ctx.server.Error(ctx, 409, "该评价刚被他人保存，请返回评价页刷新后再修改");
  const std::string& after = *saved;
  ctx.server.Audit(ctx, "evaluation.finding", "evaluation:" + doc.id + " " + code, "",
                   (listed.empty() ? "不扣分" : listed) +
                       (summary.empty() ? "" : "（摘要用语：" + summary + "）"));
  ctx.server.Audit(ctx, "evaluation.score", "evaluation:" + doc.id, before, after);
  std::string note =
      "已保存第 " + std::to_string(expected + 1) + " 版：" + code + " 的扣分；总分 " + after;
  // Issue 21: deductions over what the leaf can lose are said with the save, not only counted.
  if (evaluation)
    for (const auto& d : evaluation->card.checks)
      if (d.code == "finding.deduction_capped" &&
          d.where.path.find("." + code + ".") != std::string::npos)
        note += "。注意：" + d.message;
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
