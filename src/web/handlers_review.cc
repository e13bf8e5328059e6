// The bureau's 复核 decision on a 自评表 of its region: 通过, or 退回 with a 复核意见, made on the
// version the page showed (refused with 409 naming who saved since, the opinion kept), recorded
// in the store (append-only) and in the audit log; and the state every page shows from it.
#include <set>

#include "core/format.h"
#include "core/text.h"
#include "web/handlers.h"
#include "web/paging.h"
#include "web/review_state.h"
#include "web/selfeval_rules_choice.h"

namespace jixiao::web {
namespace {

constexpr size_t kMaxOpinion = 2000;  // bytes of 复核意见 kept

const char* LabelOf(const std::string& key) {
  return key == "passed" ? "已通过" : key == "returned" ? "已退回，须修改" : "待复核";
}

std::string NullOr(bool has, const std::string& json) { return has ? json : "null"; }

}  // namespace

ReviewState StateOf(const Doc& doc, const std::optional<Decision>& latest) {
  ReviewState s{"pending", "", latest};
  if (latest && latest->version == doc.version)
    s.key = latest->decision == "通过" ? "passed" : "returned";
  s.label = LabelOf(s.key);
  return s;
}

ReviewState CurrentState(Server& server, const Doc& doc) {
  auto all = server.db().Decisions(doc.id);
  return StateOf(doc, all.empty() ? std::nullopt : std::optional<Decision>(all.back()));
}

std::vector<ReviewState> ReviewStates(Server& server, const std::vector<Doc>& docs) {
  std::vector<ReviewState> out;
  if (docs.empty()) return out;
  std::vector<std::string> ids;  // only the listed documents' decisions, not the kind's
  for (const Doc& d : docs) ids.push_back(d.id);
  const auto decisions = server.db().LatestDecisionsOf(ids);
  for (const Doc& d : docs) {
    auto it = decisions.find(d.id);
    out.push_back(
        StateOf(d, it == decisions.end() ? std::nullopt : std::optional<Decision>(it->second)));
  }
  return out;
}

std::string ReviewStateJson(const ReviewState& s) {
  const bool has = s.last.has_value();
  return "{\"state\":" + Q(s.key) + ",\"label\":" + Q(s.label) +
         ",\"decision\":" + NullOr(has, has ? Q(s.last->decision) : "") +
         ",\"opinion\":" + NullOr(has, has ? Q(s.last->opinion) : "") +
         ",\"reviewer\":" + NullOr(has, has ? Q(s.last->reviewer) : "") +
         ",\"decided_at\":" + NullOr(has, has ? Q(BeijingTime(s.last->at)) : "") +
         ",\"version\":" + NullOr(has, has ? std::to_string(s.last->version) : "") + "}";
}

void SetReviewData(Ctx& ctx, const Doc& doc, Data& data) {
  auto all = ctx.server.db().Decisions(doc.id);
  const ReviewState s =
      StateOf(doc, all.empty() ? std::nullopt : std::optional<Decision>(all.back()));
  Data history = List();
  for (auto it = all.rbegin(); it != all.rend(); ++it)
    history.push_back(Object({{"decision", it->decision},
                              {"opinion", it->opinion},
                              {"reviewer", it->reviewer},
                              {"at", BeijingTime(it->at)},
                              {"version", std::to_string(it->version)}}));
  data.set("review_collection", doc.kind == "selfeval" ? "selfevals" : "evaluations");
  data.set("review_selfeval", doc.kind == "selfeval");
  data.set("review_key", s.key);
  data.set("review_label", s.label);
  data.set("review_returned", s.key == "returned");
  data.set("review_passed", s.key == "passed");
  data.set("review_history", history);
  data.set("has_review_history", !all.empty());
  if (s.last)
    data.set("review_last", Object({{"decision", s.last->decision},
                                    {"opinion", s.last->opinion},
                                    {"reviewer", s.last->reviewer},
                                    {"at", BeijingTime(s.last->at)},
                                    {"version", std::to_string(s.last->version)}}));
  data.set("review_on_earlier", s.last && s.key == "pending");
  data.set("can_review", ctx.user->role == "bureau");
  const std::string typed = ctx.req.Field("decision");
  data.set("opinion_typed", ctx.req.Field("opinion"));
  data.set("decision_pass", typed == "通过");
  data.set("decision_return", typed == "退回");
}

// The unit's list of its 自评表 with each form's 复核 state and the latest 意见.
Response SelfEvalList(Ctx& ctx) {
  Db::ListFilter f;  // the user's own forms, a page of them (the store filters and pages)
  f.kinds = {"selfeval"};
  std::string problem;
  auto listed = PageInReach(ctx.req, ctx.server.db(), *ctx.user, f, problem);
  if (!listed) return ctx.server.Error(ctx, 422, problem);
  const auto& [paging, page, count] = *listed;
  std::vector<std::string> items;
  Data list = List();
  const auto states = ReviewStates(ctx.server, page);
  // Which of the page's forms are submitted (one query): a draft is 未提交, not 待复核 (trial 3).
  std::set<std::string> submitted;
  Db::ListFilter page_ids = f;
  page_ids.submitted = 1;
  for (const auto& d : page) page_ids.ids.push_back(d.id);
  if (!page.empty())
    for (const auto& d : ctx.server.db().DocsPage(page_ids, kMaxPerPage, 0)) submitted.insert(d.id);
  for (size_t i = 0; i < page.size(); ++i) {
    const Doc& d = page[i];
    ReviewState s = states[i];
    const bool draft = !submitted.count(d.id) && s.key == "pending";
    if (draft) s.label = "未提交";
    items.push_back("{\"id\":" + Q(d.id) + ",\"title\":" + Q(d.title) + ",\"year\":" + Q(d.year) +
                    ",\"version\":" + std::to_string(d.version) +
                    ",\"review\":" + ReviewStateJson(s) +
                    ",\"submitted\":" + (submitted.count(d.id) ? "true" : "false") + "}");
    Data row = Object({{"id", d.id},
                       {"title", d.title},
                       {"year", d.year},
                       {"claimed", d.claimed < 0 ? "未填总分" : FormatScore(Score{d.claimed})},
                       {"row_total", d.row_total < 0 ? "" : FormatScore(Score{d.row_total})},
                       {"computed", FormatScore(Score{d.computed})},
                       {"version", std::to_string(d.version)},
                       {"state", s.key},
                       {"state_label", s.label},
                       {"opinion", s.key == "returned" ? s.last->opinion : ""}});
    list.push_back(row);
  }
  if (ctx.req.api)
    return Json("{\"selfevals\":" + JsonArray(items) + PagingJson(paging, count) + "}");
  Data data;
  data.set("forms", list);
  SetPaging(data, paging, count, "/selfevals", {});
  data.set("rule_sets", SelfEvalRuleChoices(ctx.server.db(), ctx.req.Field("rules")));
  return ctx.server.Page(ctx, "selfeval_list", "自评表", data);
}

namespace {

// POST /selfevals/{id}/review or /evaluations/{id}/review: version (the one the page showed),
// decision 通过|退回, opinion (required for 退回). `page` shows the document again with a refusal.
Response Decide(Ctx& ctx, Response (*page)(Ctx&, const std::string&, int)) {
  const Doc& doc = *ctx.doc;
  const bool selfeval = doc.kind == "selfeval";
  const std::string noun = selfeval ? "自评表" : "评价";
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const std::string decision = Trim(ctx.req.Field("decision"));
  std::string opinion = Trim(ctx.req.Field("opinion"));
  // The page names the field as the user sees it; the API adds the request's field name.
  auto refuse = [&](int status, const std::string& message, const std::string& field = "") {
    if (ctx.req.api)
      return ctx.server.Error(ctx, status,
                              field.empty() ? message : message + "（字段 " + field + "）");
    return page(ctx, message, status);
  };
  if (decision != "通过" && decision != "退回")
    return refuse(422, "未记录：请在“复核结论”中选择“通过”或“退回”。", "decision");
  if (decision == "通过" && !selfeval && doc.total < 0)
    return refuse(422,
                  "未记录：该评价尚未评分，“复核结论”不能选“通过”；可选“退回”并在“复核意见”"
                  "中写明要补什么。");
  if (decision == "退回" && opinion.empty())
    return refuse(422, "未记录：退回须在“复核意见”中写明要修改什么。", "opinion");
  // 通过 a 自评表 that still has 错误 findings: only with a written 说明, kept as the 复核意见.
  const size_t errors = selfeval && decision == "通过" ? SelfEvalErrorCount(ctx.server, doc) : 0;
  if (errors > 0 && opinion.empty()) {
    const std::string why = "本表尚有 " + std::to_string(errors) +
                            " 条“错误”复核意见；选“通过”须在“复核意见”中写明仍予通过的说明";
    if (ctx.req.api) return refuse(422, "未记录：" + why + "。", "opinion");
    ctx.rejected = Ctx::Rejection{"opinion", "未记录：" + why, {}};
    return page(ctx, "", 422);
  }
  if (opinion.size() > kMaxOpinion)
    return refuse(
        422, "未记录：“复核意见”超过 " + std::to_string(kMaxOpinion) + " 字节，请精简后再提交。",
        "opinion");
  const std::string stale = "未记录复核结论：" + StaleSentence(doc, noun, "保存为", *opened) +
                            "下面是最新内容，请核对后重新复核（您写的意见已保留）。";
  if (*opened != doc.version) return refuse(409, stale);
  const ReviewState was = CurrentState(ctx.server, doc);
  if (!ctx.server.db().Decide({doc.id, decision, opinion, ctx.user->name, "", doc.version}))
    return refuse(409, stale);
  const std::string now = decision == "通过" ? "已通过" : "已退回，须修改";
  ctx.server.Audit(ctx, doc.kind + ".review", doc.kind + ":" + doc.id,
                   was.label + "（第 " + std::to_string(doc.version) + " 版）",
                   now + (errors ? "（仍有 " + std::to_string(errors) + " 条错误）" : "") +
                       (opinion.empty() ? "" : "：" + opinion));
  const std::string note = "已记录复核结论（第 " + std::to_string(doc.version) + " 版）：" + now;
  if (ctx.req.api)
    return Json("{\"state\":" + Q(decision == "通过" ? "passed" : "returned") +
                ",\"version\":" + std::to_string(doc.version) + ",\"message\":" + Q(note) + "}");
  return Redirect((selfeval ? "/selfevals/" : "/evaluations/") + doc.id +
                  "?message=" + UrlEncode(note));
}

}  // namespace

Response SelfEvalDecide(Ctx& ctx) { return Decide(ctx, SelfEvalPage); }
Response EvaluationDecide(Ctx& ctx) { return Decide(ctx, EvaluationPage); }

}  // namespace jixiao::web
