// Helpers shared by the handler files (handlers_*.cc); not part of the module's interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "core/diagnostics.h"
#include "web/server.h"
#include "web/users.h"

namespace jixiao::web {

// The version note of a 目标表 made from a pasted table: its page numbers the rows as pasted.
inline constexpr char kPastedNote[] = "粘贴";

std::string MakeSessionCookie(const std::string& token, bool tls, bool clear);
std::string WebTemplateDir();

// A diagnostic as one line for the page, with its location.
std::string DiagnosticLine(const Diagnostic& d);
std::string DiagnosticJson(const Diagnostic& d);
Data DiagnosticData(const Diagnostic& d);

// The evaluation's case folder scored again: `doc` with total, grade and score --json set (or
// cleared when it cannot be scored) and the 一级 results in `categories`, for SaveVersion.
Doc RescoredDoc(Server& server, const Doc& doc, std::vector<Db::Category>& categories,
                std::optional<Evaluation>* evaluation = nullptr);
// Every edit of an evaluation ends here: its case folder scored again and saved as version
// `expected` + 1 of ctx.doc with the folder's snapshot, and the server told (CaseSaved). The new
// score as the audit log shows it ("89.65 良", or "未评分"); nullopt when someone saved first.
std::optional<std::string> SaveRescoredCase(Ctx& ctx, int64_t expected, const std::string& note,
                                            std::optional<Evaluation>* evaluation = nullptr);

// Stores a new 自评表 kept as the .xlsx bytes given (the blank form `selfeval new` makes) for the
// signed-in unit, and answers as an upload does (redirect, or 201 with its id). `rules_json`: an
// uploaded rule set the form is checked by (kept with it), empty for the shipped ones.
Response CreateSelfEvalFromWorkbook(Ctx& ctx, const std::string& xlsx, const std::string& title,
                                    const std::string& year, const std::string& rules_json = "");

// The 自评表 page of ctx.doc with `message` and `status` (a refused 复核 decision shows it again).
Response SelfEvalPage(Ctx& ctx, const std::string& message, int status);
// The 错误 findings a 自评表's current version still has (a 通过 over them needs a 说明).
size_t SelfEvalErrorCount(Server& server, const Doc& doc);

// The unit's rows still 待确认 in an evaluation made from its table, for the evaluation page
// and its API (handlers_pending.cc).
void SetPendingTargetsData(Ctx& ctx, const Doc& doc, Data& data);
std::string PendingTargetsJson(Server& server, const Doc& doc);
Response EvaluationPage(Ctx& ctx, const std::string& message, int status);  // handlers_eval.cc
// The evaluation page's 共享 section (handlers_members.cc): its creator, the colleagues it is
// shared with, and for the creator the form to add or remove one.
void SetMembersData(Ctx& ctx, const Doc& doc, Data& data);
std::string MembersJson(Server& server, const Doc& doc);  // ["name", …] of the colleagues

// The evaluation page's 问卷调查 section: whether the case has a questionnaire, and the rates of
// its responses as the report computes them (handlers_survey.cc).
void SetSurveyData(Server& server, const Doc& doc, Data& data);

// A created document: 201 {"id","version":1,"location":"/api/v1/COLLECTION/ID"} for the API,
// else a redirect to /COLLECTION/ID.
Response CreatedReply(const Ctx& ctx, const std::string& collection, const std::string& id);
// The form field `version` (the version the user opened), nullopt when missing or not a number.
std::optional<int64_t> FormVersion(const Request& req);
inline constexpr char kMissingVersion[] = "请求缺少 version（当前版本号）";
// "该NOUN已由 WHO 于 WHEN VERB第 N 版（您打开的是第 M 版）。" for a stale save (opened < 0: the
// parenthesis left out); callers put what was not done before it and what to do after it.
// The audit log's action ("evaluation.import", "login") and object ("user:NAME") in Chinese, for
// the pages (the API keeps the raw names).
std::string ActionLabel(const std::string& action);
// A version's note as a person reads it: an old "采纳建议 T31" without the checker's rule code.
std::string VersionNote(const std::string& note);
std::string ObjectLabel(const std::string& object);
// The admin's audit log as people read it, resolved when shown (entries written before names were
// recorded read the same): a document or uploaded framework by its title (`titles` caches the
// look-ups of one page), a 新建评价's framework id by its title, an account's role in Chinese.
std::string AuditObject(Db& db, const std::string& object,
                        std::map<std::string, std::string>& titles);
std::string AuditValue(Db& db, const std::string& action, const std::string& value,
                       std::map<std::string, std::string>& titles);
// "" when `year` is a 年度 (four digits, 2000–2099), else the Chinese message for its field: the
// placeholder a form shows is not a value, so an empty 年度 is refused where a document is made.
std::string YearProblem(const std::string& year);
// 年度 as typed, made plain: spaces trimmed, full-width digits (２０２６) as ASCII, a trailing 年
// or 年度 dropped. Anything else is returned as typed, for YearProblem to quote.
std::string TypedYear(const std::string& typed);
// A drop-down option {value, label, selected} (selected when value == chosen).
Data Choice(const std::string& value, const std::string& label, const std::string& chosen);
std::string StaleSentence(const Doc& doc, const std::string& noun, const std::string& verb,
                          int64_t opened = -1);

}  // namespace jixiao::web
