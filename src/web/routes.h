// The route table of `jixiao serve` as data: method, path pattern, the roles allowed, the
// handler, whether the route changes state (then a CSRF token is required) and which object its
// {id} names (then the object is loaded and checked against the user before the handler runs).
// The authorization test (tests/web/authz.py) is generated from RoutesJson().
// Contract: a path pattern's {name} segments match one path segment; a role outside `roles`
// gets 403, an object outside the user's reach 404, no session 401 (API) or the login page.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "web/db.h"
#include "web/http.h"
#include "web/paging.h"

namespace jixiao::web {

enum Role : unsigned { kAdmin = 1, kBureau = 2, kEvaluator = 4, kUnit = 8, kPublic = 16 };
inline constexpr unsigned kAnyUser = kAdmin | kBureau | kEvaluator | kUnit;
unsigned RoleBit(const std::string& role);       // 0 for an unknown role
const char* RoleLabel(const std::string& role);  // 管理员, 财政局, 评价机构, 项目单位

enum class ObjectKind { kNone, kTargets, kEvaluation, kJob, kSelfEval };

class Server;

struct Ctx {
  Server& server;
  Request& req;
  std::optional<User> user;
  std::string csrf;        // the session's token, for forms
  std::optional<Doc> doc;  // the route's object, already checked
  std::optional<Job> job;
  // Set when a form post was refused (Server::Reject): the page that holds the form is shown
  // again with the typed values (typed_FIELD) and the message at its field (error_FIELD).
  struct Rejection {
    std::string field, message;
    std::vector<std::string> items;
  };
  std::optional<Rejection> rejected = std::nullopt;
};

using Handler = Response (*)(Ctx&);

struct Route {
  const char* method;
  const char* path;
  unsigned roles;
  Handler handler;
  bool changes_state;
  ObjectKind object;
  const char* summary;
};

const std::vector<Route>& Routes();
// Matches method and path; fills `params`. nullptr when nothing matches.
const Route* MatchRoute(const std::string& method, const std::string& path,
                        std::map<std::string, std::string>& params);
// Whether any route has this path (for 405 versus 404).
bool PathKnown(const std::string& path);
// [{"method","path","roles":[…],"changes_state","object","summary"}] for tests and docs.
std::string RoutesJson();

// Whether `user` may reach `doc` (a unit its own tables, an evaluator its assigned evaluations,
// the bureau its region).
bool CanReach(const User& user, const Doc& doc);
bool CanReachJob(const User& user, const Job& job);
// CanReach's rule as a list's WHERE: keeps of `f.kinds` what `user` may reach and sets the
// region (bureau) or owner (unit, evaluator); false when the user reaches none of them.
bool NarrowToReach(const User& user, Db::ListFilter& f);
// A list's page: the page asked for (?page, ?per_page), `f` narrowed to `user`'s reach
// (NarrowToReach), the count of all it matches and the page's rows (none when the user reaches
// none of f's kinds). nullopt with `problem` (ParsePaging's) when the paging parameters are bad.
struct ReachedPage {
  Paging paging;
  std::vector<Doc> docs;
  int64_t count = 0;
};
std::optional<ReachedPage> PageInReach(const Request& req, Db& db, const User& user,
                                       Db::ListFilter& f, std::string& problem);

// Handlers (handlers_*.cc).
Response HomePage(Ctx&);
Response LoginPage(Ctx&);
Response LoginPost(Ctx&);
Response LogoutPost(Ctx&);
Response StaticFile(Ctx&);
Response Me(Ctx&);
Response TargetsList(Ctx&);
Response TargetsUpload(Ctx&);
Response TargetsShow(Ctx&);
Response TargetsFix(Ctx&);
Response TargetsDownload(Ctx&);
Response TargetsNewSelfEval(Ctx&);
Response EvaluationFinding(Ctx&);
Response EvaluationFindingShow(Ctx&);
Response FrameworksList(Ctx&);
Response EvaluationsList(Ctx&);
Response EntryFormShow(Ctx&);
Response TargetsRow(Ctx&);
Response SelfEvalPreview(Ctx&);
// "2026-12-07 04:32:46" (UTC, as the store keeps it) -> "2026-12-07 12:32:46" in 北京时间.
std::string BeijingTime(const std::string& utc);
Response EntryFormSave(Ctx&);
Response ReportPreview(Ctx&);
Response EvaluationsCreate(Ctx&);
Response EvaluationShow(Ctx&);
Response EvaluationSheet(Ctx&);
Response EvaluationImport(Ctx&);
Response EvaluationExplain(Ctx&);
Response EvaluationDownload(Ctx&);
Response EvaluationVersions(Ctx&);
Response DocRestore(Ctx&);
Response EvaluationCompare(Ctx&);
Response EvaluationRestore(Ctx&);
Response NarrativeShow(Ctx&);
Response SelfEvalList(Ctx&);
Response SelfEvalUpload(Ctx&);
Response SelfEvalShow(Ctx&);
Response SelfEvalEdit(Ctx&);
Response SelfEvalRulesSet(Ctx&);  // the unit's 评分规则 choice, kept with the form (a version)
Response SelfEvalSubmit(Ctx&);    // the unit files the form: a 提交 flag kept with a new version
Response SelfEvalDownload(Ctx&);
Response ReviewList(Ctx&);
Response SelfEvalDecide(Ctx&);    // the bureau's 复核 decision: 通过 / 退回 with an opinion
Response EvaluationDecide(Ctx&);  // the same on an evaluation (handlers_review.cc)
Response BureauExport(Ctx&);
Response NarrativeSave(Ctx&);
Response EvaluationConfirmTarget(Ctx&);  // 确认 a unit's 待确认 row (handlers_pending.cc)
Response EvaluationRegion(Ctx&);         // 改所属区域 (handlers_eval_region.cc)
Response EvaluationMemberAdd(Ctx&);      // 共享给同事 (handlers_members.cc)
Response EvaluationMemberRemove(Ctx&);   // 取消共享
Response ObservationsShow(Ctx&);         // 经验、问题与建议 (handlers_observations.cc)
Response ObservationsSave(Ctx&);
Response EvaluationDraft(Ctx&);  // 生成初稿: app/draft as a new version
Response BureauOverview(Ctx&);
Response JobShow(Ctx&);
Response JobDownload(Ctx&);
Response PdfJobStart(Ctx&);
Response AdminPage(Ctx&);
Response UsersList(Ctx&);
Response UsersCreate(Ctx&);
Response AdminPageWith(Ctx&, const std::string& message);  // the admin page with a notice
Response UserPassword(Ctx&);  // handlers_accounts.cc: reset a password, end its sessions
Response UserRegion(Ctx&);    // set or change an account's 所属区域 (audited)
Response UserDisable(Ctx&);   // disable (sessions end) or enable an account
Response AuditList(Ctx&);
Response RegionsPage(Ctx&);  // handlers_admin.cc: regions, uploaded frameworks and rule sets
Response RegionCreate(Ctx&);
Response RegionRename(Ctx&);
Response FrameworksAdmin(Ctx&);
Response FrameworkUpload(Ctx&);
Response FrameworkDisable(Ctx&);
Response FrameworkSheet(Ctx&);    // handlers_framework_sheet.cc: the 指标体系表 .xlsx
Response EvaluationSurvey(Ctx&);  // handlers_survey.cc: questionnaire, answers preview and import

}  // namespace jixiao::web
