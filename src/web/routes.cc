#include "web/routes.h"

#include <algorithm>

#include "core/text.h"

namespace jixiao::web {

unsigned RoleBit(const std::string& role) {
  if (role == "admin") return kAdmin;
  if (role == "bureau") return kBureau;
  if (role == "evaluator") return kEvaluator;
  if (role == "unit") return kUnit;
  return 0;
}

const char* RoleLabel(const std::string& role) {
  if (role == "admin") return "管理员";
  if (role == "bureau") return "财政局";
  if (role == "evaluator") return "评价机构";
  if (role == "unit") return "项目单位";
  return "";
}

namespace {
using O = ObjectKind;
constexpr unsigned kDocReaders = kBureau | kEvaluator | kUnit;
}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      // Pages.
      {"GET", "/", kAnyUser, HomePage, false, O::kNone, "首页：按角色转到工作页"},
      {"GET", "/login", kPublic, LoginPage, false, O::kNone, "登录页"},
      {"POST", "/login", kPublic, LoginPost, true, O::kNone, "登录（表单）"},
      {"POST", "/logout", kAnyUser, LogoutPost, true, O::kNone, "退出"},
      {"GET", "/static/{name}", kPublic, StaticFile, false, O::kNone, "样式表与脚本"},
      {"GET", "/targets", kUnit, TargetsList, false, O::kNone, "项目单位：绩效目标表列表与上传"},
      {"POST", "/targets", kUnit, TargetsUpload, true, O::kNone, "上传绩效目标表"},
      {"GET", "/targets/{id}", kUnit | kBureau, TargetsShow, false, O::kTargets,
       "绩效目标表：逐行检查结果与建议"},
      {"POST", "/targets/{id}/fix", kUnit, TargetsFix, true, O::kTargets, "采纳一条修改建议"},
      {"POST", "/targets/{id}/row", kUnit, TargetsRow, true, O::kTargets,
       "修改一行的三级指标与指标值、删除该行、在其后添加一行，或在整表所缺的一级下添加一行（新版本"
       "，重新检查）"},
      {"GET", "/targets/{id}/download/{format}", kUnit | kBureau, TargetsDownload, false,
       O::kTargets, "下载修正后的表（csv）或申报表（xlsx、docx）"},
      {"POST", "/targets/{id}/selfeval", kUnit, TargetsNewSelfEval, true, O::kTargets,
       "由本表生成年终自评表（selfeval new），转到该自评表"},
      {"GET", "/targets/{id}/versions", kUnit | kBureau, EvaluationVersions, false, O::kTargets,
       "绩效目标表的版本记录"},
      {"POST", "/targets/{id}/restore", kUnit, DocRestore, true, O::kTargets,
       "把某一版的内容恢复为新版本"},
      {"GET", "/selfevals/{id}/versions", kUnit | kBureau, EvaluationVersions, false, O::kSelfEval,
       "自评表的版本记录"},
      {"POST", "/selfevals/{id}/restore", kUnit, DocRestore, true, O::kSelfEval,
       "把某一版的内容恢复为新版本"},
      {"GET", "/selfevals", kUnit, SelfEvalList, false, O::kNone, "项目单位：自评表列表与上传"},
      {"POST", "/selfevals", kUnit, SelfEvalUpload, true, O::kNone, "上传自评表（CSV）"},
      {"GET", "/selfevals/{id}", kUnit | kBureau, SelfEvalShow, false, O::kSelfEval,
       "自评表：逐行复核与填写"},
      {"POST", "/selfevals/{id}/edit", kUnit, SelfEvalEdit, true, O::kSelfEval,
       "保存填写的实际完成值、得分、偏差原因与预算执行（新版本，重新复核）"},
      {"POST", "/selfevals/{id}/rules", kUnit, SelfEvalRulesSet, true, O::kSelfEval,
       "改选评分规则（随附或管理员上传的自评规则；与表存在一起，新版本，重新复核）"},
      {"POST", "/selfevals/{id}/submit", kUnit, SelfEvalSubmit, true, O::kSelfEval,
       "提交自评表（新版本记为已提交，财政局可见；之后再改须重新提交）"},
      {"GET", "/selfevals/{id}/download/{format}", kUnit | kBureau, SelfEvalDownload, false,
       O::kSelfEval, "下载复核表（xlsx）或复核结果（json）"},
      {"GET", "/bureau/export/{what}", kBureau, BureauExport, false, O::kNone,
       "导出本区域的比较工作簿（compare）或复核汇总（review）"},
      {"GET", "/bureau/review", kBureau, ReviewList, false, O::kNone,
       "财政局：自评表复核清单（按自评分与复核分之差排序，可按提交与复核状态筛选）"},
      {"POST", "/selfevals/{id}/review", kBureau, SelfEvalDecide, true, O::kSelfEval,
       "财政局记录复核结论：通过，或退回并写复核意见（针对页面所示版本）"},
      {"GET", "/evaluations", kEvaluator | kBureau, EvaluationsList, false, O::kNone,
       "评价列表与新建"},
      {"POST", "/evaluations", kEvaluator, EvaluationsCreate, true, O::kNone, "新建评价"},
      {"GET", "/evaluations/{id}", kEvaluator | kBureau, EvaluationShow, false, O::kEvaluation,
       "评价：核验清单与得分树"},
      {"GET", "/evaluations/{id}/sheet", kEvaluator, EvaluationSheet, false, O::kEvaluation,
       "下载数据录入工作簿"},
      {"POST", "/evaluations/{id}/import", kEvaluator, EvaluationImport, true, O::kEvaluation,
       "上传填好的录入工作簿"},
      {"GET", "/evaluations/{id}/entry", kEvaluator, EntryFormShow, false, O::kEvaluation,
       "在表单中录入：录入工作簿“指标数据”“评价结论”两页的栏目，预填当前内容"},
      {"POST", "/evaluations/{id}/entry", kEvaluator, EntryFormSave, true, O::kEvaluation,
       "保存表单录入（经导入工作簿的同一检查，新版本，重新评分；填错处在原栏标出并保留所填）"},
      {"GET", "/evaluations/{id}/preview", kEvaluator | kBureau, ReportPreview, false,
       O::kEvaluation, "报告预览（HTML，不含脚本，供页内 iframe sandbox 显示）"},
      {"GET", "/evaluations/{id}/finding/{code}", kEvaluator, EvaluationFindingShow, false,
       O::kEvaluation,
       "修改一个末级指标的扣分：列出现有扣分（扣分、折合分数、来源版本），可改可删"},
      {"POST", "/evaluations/{id}/finding", kEvaluator, EvaluationFinding, true, O::kEvaluation,
       "修改一个末级指标的扣分（分值或比例与原因）和摘要用语（新版本，重新评分）"},
      {"GET", "/evaluations/{id}/explain/{code}", kEvaluator | kBureau, EvaluationExplain, false,
       O::kEvaluation, "指标得分说明（--explain）"},
      {"GET", "/evaluations/{id}/download/{format}", kEvaluator | kBureau, EvaluationDownload,
       false, O::kEvaluation, "下载报告 docx、评分表 xlsx、md、pdf"},
      {"GET", "/evaluations/{id}/versions", kEvaluator | kBureau, EvaluationVersions, false,
       O::kEvaluation, "版本记录"},
      {"GET", "/evaluations/{id}/compare", kEvaluator | kBureau, EvaluationCompare, false,
       O::kEvaluation, "比较两个版本的案例内容（from、to；逐个字段：原内容与新内容）"},
      {"POST", "/evaluations/{id}/members", kEvaluator, EvaluationMemberAdd, true, O::kEvaluation,
       "共享给同事（字段 name：评价机构账号名；仅创建者可操作，记入审计日志）"},
      {"POST", "/evaluations/{id}/members/remove", kEvaluator, EvaluationMemberRemove, true,
       O::kEvaluation, "取消共享（字段 name；仅创建者可操作，记入审计日志）"},
      {"POST", "/evaluations/{id}/region", kEvaluator, EvaluationRegion, true, O::kEvaluation,
       "改所属区域（字段 region、version；从已登记的区域中选，新版本，记入审计日志）"},
      {"POST", "/evaluations/{id}/targets/confirm", kEvaluator, EvaluationConfirmTarget, true,
       O::kEvaluation, "确认一条单位尚未确认（待确认）的目标（line：该行；新版本，记入审计日志）"},
      {"POST", "/evaluations/{id}/restore", kEvaluator, EvaluationRestore, true, O::kEvaluation,
       "把旧版本的案例内容恢复为新版本（重新评分，记入审计日志）"},
      {"GET", "/evaluations/{id}/narrative", kEvaluator | kBureau, NarrativeShow, false,
       O::kEvaluation, "叙述各节（文本框）与写法检查"},
      {"POST", "/evaluations/{id}/narrative", kEvaluator, NarrativeSave, true, O::kEvaluation,
       "保存叙述（新版本；版本过期时保留输入并说明谁改了）"},
      {"GET", "/evaluations/{id}/observations", kEvaluator | kBureau, ObservationsShow, false,
       O::kEvaluation, "主要经验及做法、存在问题、相关建议（每条：标题、内容、相关指标）"},
      {"POST", "/evaluations/{id}/observations", kEvaluator, ObservationsSave, true, O::kEvaluation,
       "保存经验、问题与建议（新版本；版本过期时保留输入）"},
      {"POST", "/evaluations/{id}/draft", kEvaluator, EvaluationDraft, true, O::kEvaluation,
       "生成初稿（jixiao "
       "draft：数据部分的叙述、按得分的主要经验、按失分指标的存在问题与建议；不覆盖已写内容）"},
      {"GET", "/bureau", kBureau, BureauOverview, false, O::kNone, "财政局：筛选、排名与一级矩阵"},
      {"POST", "/evaluations/{id}/review", kBureau, EvaluationDecide, true, O::kEvaluation,
       "财政局记录复核结论：通过，或退回并写复核意见（针对页面所示版本）"},
      {"POST", "/evaluations/{id}/pdf", kEvaluator | kBureau, PdfJobStart, true, O::kEvaluation,
       "生成报告 PDF（后台任务）"},
      {"GET", "/jobs/{id}", kDocReaders, JobShow, false, O::kJob, "后台任务进度（刷新后仍在）"},
      {"GET", "/jobs/{id}/download", kDocReaders, JobDownload, false, O::kJob, "下载任务结果"},
      {"GET", "/admin", kAdmin, AdminPage, false, O::kNone, "管理员：账号与审计日志"},
      {"POST", "/admin/users", kAdmin, UsersCreate, true, O::kNone, "新建账号"},
      {"POST", "/admin/users/{user}/password", kAdmin, UserPassword, true, O::kNone,
       "重设账号密码（字段 password；不填则生成一个，只显示一次），该账号的登录全部退出"},
      {"POST", "/admin/users/{user}/region", kAdmin, UserRegion, true, O::kNone,
       "设定或更改账号的所属区域（region；须为已登记的区域）"},
      {"POST", "/admin/users/{user}/disable", kAdmin, UserDisable, true, O::kNone,
       "停用账号（disabled=1：登录全部退出，不能再登录）或重新启用（disabled=0）"},
      // The JSON API: the same handlers, answering JSON.
      {"POST", "/api/v1/login", kPublic, LoginPost, true, O::kNone, "登录，返回 CSRF 令牌"},
      {"POST", "/api/v1/logout", kAnyUser, LogoutPost, true, O::kNone, "退出"},
      {"GET", "/api/v1/me", kAnyUser, Me, false, O::kNone, "当前账号与 CSRF 令牌"},
      {"GET", "/api/v1/targets", kUnit, TargetsList, false, O::kNone, "本单位的绩效目标表"},
      {"POST", "/api/v1/targets", kUnit, TargetsUpload, true, O::kNone,
       "上传绩效目标表（into：空则同名同年度的表存为其新版本，new 为新表，或已有表的编号）"},
      {"GET", "/api/v1/targets/{id}", kUnit | kBureau, TargetsShow, false, O::kTargets,
       "行与检查结果"},
      {"POST", "/api/v1/targets/{id}/fix", kUnit, TargetsFix, true, O::kTargets,
       "采纳一条修改建议"},
      {"POST", "/api/v1/targets/{id}/row", kUnit, TargetsRow, true, O::kTargets,
       "改行：version、line、action（save、delete、add，或 add_group：在整表所缺的 level1/level2 "
       "下添加）、level3、value"},
      {"GET", "/api/v1/targets/{id}/download/{format}", kUnit | kBureau, TargetsDownload, false,
       O::kTargets, "下载"},
      {"POST", "/api/v1/targets/{id}/selfeval", kUnit, TargetsNewSelfEval, true, O::kTargets,
       "由本表生成自评表，201 返回自评表编号"},
      {"GET", "/api/v1/targets/{id}/versions", kUnit | kBureau, EvaluationVersions, false,
       O::kTargets, "版本记录"},
      {"POST", "/api/v1/targets/{id}/restore", kUnit, DocRestore, true, O::kTargets,
       "恢复：字段 version（当前）、from（要恢复的版本）"},
      {"GET", "/api/v1/selfevals/{id}/versions", kUnit | kBureau, EvaluationVersions, false,
       O::kSelfEval, "版本记录"},
      {"POST", "/api/v1/selfevals/{id}/restore", kUnit, DocRestore, true, O::kSelfEval,
       "恢复：字段 version、from"},
      {"GET", "/api/v1/selfevals", kUnit, SelfEvalList, false, O::kNone, "本单位的自评表"},
      {"POST", "/api/v1/selfevals", kUnit, SelfEvalUpload, true, O::kNone,
       "上传自评表：form（.xlsx，或 form.csv 并可选 budget、summary、project）"},
      {"GET", "/api/v1/selfevals/{id}", kUnit | kBureau, SelfEvalShow, false, O::kSelfEval,
       "复核结果（同 jixiao selfeval check --json）"},
      {"POST", "/api/v1/selfevals/{id}/edit", kUnit, SelfEvalEdit, true, O::kSelfEval,
       "保存填写：a_行序号、s_行序号、r_行序号、b_start、b_full、b_done、b_score、b_reason"},
      {"POST", "/api/v1/selfevals/{id}/preview", kUnit, SelfEvalPreview, true, O::kSelfEval,
       "试算：与 edit 相同的字段，不保存，返回复核分与各行复核得分"},
      {"POST", "/api/v1/selfevals/{id}/rules", kUnit, SelfEvalRulesSet, true, O::kSelfEval,
       "改选评分规则：version、rules（随附规则的编号或 upload:编号）"},
      {"POST", "/api/v1/selfevals/{id}/submit", kUnit, SelfEvalSubmit, true, O::kSelfEval,
       "提交自评表：{\"submitted\":true,\"message\"}"},
      {"GET", "/api/v1/selfevals/{id}/download/{format}", kUnit | kBureau, SelfEvalDownload, false,
       O::kSelfEval, "下载：xlsx 复核表、form 填好的自评表、report 自评报告、json"},
      {"GET", "/api/v1/bureau/review", kBureau, ReviewList, false, O::kNone,
       "自评表复核清单（按差距排序）：可选 submitted=yes|no、state=pending|passed|returned"},
      {"POST", "/api/v1/selfevals/{id}/review", kBureau, SelfEvalDecide, true, O::kSelfEval,
       "复核结论：version、decision（通过|退回）、opinion（退回时必填）"},
      {"GET", "/api/v1/frameworks", kEvaluator | kBureau, FrameworksList, false, O::kNone,
       "随附指标体系"},
      {"GET", "/api/v1/evaluations", kEvaluator | kBureau, EvaluationsList, false, O::kNone,
       "可见的评价（财政局可按 year、department、town、grade 筛选）"},
      {"POST", "/api/v1/evaluations", kEvaluator, EvaluationsCreate, true, O::kNone, "新建评价"},
      {"GET", "/api/v1/evaluations/{id}", kEvaluator | kBureau, EvaluationShow, false,
       O::kEvaluation, "核验清单与 score --json"},
      {"GET", "/api/v1/evaluations/{id}/sheet", kEvaluator, EvaluationSheet, false, O::kEvaluation,
       "数据录入工作簿"},
      {"POST", "/api/v1/evaluations/{id}/import", kEvaluator, EvaluationImport, true,
       O::kEvaluation, "上传录入工作簿"},
      {"GET", "/api/v1/evaluations/{id}/entry", kEvaluator, EntryFormShow, false, O::kEvaluation,
       "表单录入的栏目：fields（name、place 工作表!单元格、label、value）"},
      {"POST", "/api/v1/evaluations/{id}/entry", kEvaluator, EntryFormSave, true, O::kEvaluation,
       "保存表单录入：version 与各栏 name；422 时 fields 带 error，409 时保留所填"},
      {"GET", "/api/v1/evaluations/{id}/finding/{code}", kEvaluator, EvaluationFindingShow, false,
       O::kEvaluation, "一个末级指标现有的扣分与摘要用语"},
      {"POST", "/api/v1/evaluations/{id}/finding", kEvaluator, EvaluationFinding, true,
       O::kEvaluation, "修改扣分：code、version、amount_0…4、reason_0…4、summary"},
      {"GET", "/api/v1/evaluations/{id}/explain/{code}", kEvaluator | kBureau, EvaluationExplain,
       false, O::kEvaluation, "指标得分说明"},
      {"GET", "/api/v1/evaluations/{id}/download/{format}", kEvaluator | kBureau,
       EvaluationDownload, false, O::kEvaluation, "下载报告或评分表"},
      {"GET", "/api/v1/evaluations/{id}/versions", kEvaluator | kBureau, EvaluationVersions, false,
       O::kEvaluation, "版本记录"},
      {"GET", "/api/v1/evaluations/{id}/compare", kEvaluator | kBureau, EvaluationCompare, false,
       O::kEvaluation, "比较两个版本：from、to"},
      {"POST", "/api/v1/evaluations/{id}/members", kEvaluator, EvaluationMemberAdd, true,
       O::kEvaluation, "共享给同事：name（评价机构账号名）"},
      {"POST", "/api/v1/evaluations/{id}/members/remove", kEvaluator, EvaluationMemberRemove, true,
       O::kEvaluation, "取消共享：name"},
      {"POST", "/api/v1/evaluations/{id}/region", kEvaluator, EvaluationRegion, true,
       O::kEvaluation, "改所属区域：region、version"},
      {"POST", "/api/v1/evaluations/{id}/targets/confirm", kEvaluator, EvaluationConfirmTarget,
       true, O::kEvaluation, "确认一条单位尚未确认（待确认）的目标（line）"},
      {"POST", "/api/v1/evaluations/{id}/restore", kEvaluator, EvaluationRestore, true,
       O::kEvaluation, "恢复：字段 version（当前）、from（要恢复的版本）"},
      {"GET", "/api/v1/evaluations/{id}/narrative", kEvaluator | kBureau, NarrativeShow, false,
       O::kEvaluation, "叙述各节与写法检查"},
      {"POST", "/api/v1/evaluations/{id}/narrative", kEvaluator, NarrativeSave, true,
       O::kEvaluation, "保存叙述：字段 n_文件名"},
      {"GET", "/api/v1/evaluations/{id}/observations", kEvaluator | kBureau, ObservationsShow,
       false, O::kEvaluation, "经验、问题与建议：experiences、problems、suggestions"},
      {"POST", "/api/v1/evaluations/{id}/observations", kEvaluator, ObservationsSave, true,
       O::kEvaluation, "保存：version、{experiences|problems|suggestions}_{title|text|codes}_序号"},
      {"POST", "/api/v1/evaluations/{id}/draft", kEvaluator, EvaluationDraft, true, O::kEvaluation,
       "生成初稿：version；返回 drafted（每项一句）"},
      {"GET", "/api/v1/bureau", kBureau, BureauOverview, false, O::kNone, "排名与一级矩阵"},
      {"POST", "/api/v1/evaluations/{id}/review", kBureau, EvaluationDecide, true, O::kEvaluation,
       "复核结论：version、decision（通过|退回）、opinion（退回时必填）"},
      {"POST", "/api/v1/evaluations/{id}/pdf", kEvaluator | kBureau, PdfJobStart, true,
       O::kEvaluation, "生成报告 PDF（后台任务），202 返回任务编号"},
      {"GET", "/api/v1/jobs/{id}", kDocReaders, JobShow, false, O::kJob,
       "后台任务进度：state running|done|failed、progress、message"},
      {"GET", "/api/v1/users", kAdmin, UsersList, false, O::kNone, "账号列表"},
      {"POST", "/api/v1/users", kAdmin, UsersCreate, true, O::kNone, "新建账号"},
      {"POST", "/api/v1/users/{user}/password", kAdmin, UserPassword, true, O::kNone,
       "重设密码：password（不填则生成并在 password 中返回一次）"},
      {"POST", "/api/v1/users/{user}/region", kAdmin, UserRegion, true, O::kNone,
       "设定或更改账号的所属区域"},
      {"POST", "/api/v1/users/{user}/disable", kAdmin, UserDisable, true, O::kNone,
       "停用或启用账号：disabled=1|0"},
      {"GET", "/api/v1/audit", kAdmin, AuditList, false, O::kNone, "审计日志（最近 200 条）"},
      // Admin: regions, uploaded frameworks and 自评 rule sets (handlers_admin.cc).
      {"GET", "/admin/regions", kAdmin, RegionsPage, false, O::kNone,
       "管理员：区域列表、新建与改名"},
      {"POST", "/admin/regions", kAdmin, RegionCreate, true, O::kNone, "新建区域（字段 name）"},
      {"POST", "/admin/regions/{region}/rename", kAdmin, RegionRename, true, O::kNone,
       "区域改名（字段 name、version），账号与文档随之改名"},
      {"GET", "/admin/frameworks", kAdmin, FrameworksAdmin, false, O::kNone,
       "管理员：随附（只读）与上传的指标体系、自评规则"},
      {"POST", "/admin/frameworks", kAdmin, FrameworkUpload, true, O::kNone,
       "上传指标体系或自评规则 JSON（字段 kind、file），校验通过才保存"},
      {"POST", "/admin/frameworks/{upload}/disable", kAdmin, FrameworkDisable, true, O::kNone,
       "停用（disabled=1）或重新启用（disabled=0）上传的一项"},
      {"GET", "/admin/frameworks/{upload}/sheet", kAdmin, FrameworkSheet, false, O::kNone,
       "下载指标体系表（Excel）：随附的按 id，上传的按文档号；也是新建指标体系的模板"},
      {"POST", "/evaluations/{id}/survey", kEvaluator, EvaluationSurvey, true, O::kEvaluation,
       "问卷：上传题目（questionnaire）或答卷（file：问卷星 .xlsx 或 "
       "responses.csv），先预览再导入"},
      {"POST", "/api/v1/evaluations/{id}/survey", kEvaluator, EvaluationSurvey, true,
       O::kEvaluation, "问卷：questionnaire 或 file、mode（preview|import）、version"},
      {"GET", "/api/v1/regions", kAdmin, RegionsPage, false, O::kNone, "区域列表"},
      {"POST", "/api/v1/regions", kAdmin, RegionCreate, true, O::kNone, "新建区域：name"},
      {"POST", "/api/v1/regions/{region}/rename", kAdmin, RegionRename, true, O::kNone,
       "区域改名：name、version"},
      {"GET", "/api/v1/admin/frameworks", kAdmin, FrameworksAdmin, false, O::kNone,
       "随附与上传的指标体系、自评规则"},
      {"POST", "/api/v1/admin/frameworks", kAdmin, FrameworkUpload, true, O::kNone,
       "上传：kind（framework|selfeval-rules）、file"},
      {"POST", "/api/v1/admin/frameworks/{upload}/disable", kAdmin, FrameworkDisable, true,
       O::kNone, "停用或启用：disabled=1|0"},
  };
  return kRoutes;
}

namespace {
std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool PathMatches(const char* pattern, const std::string& path,
                 std::map<std::string, std::string>& params) {
  auto want = Segments(pattern), got = Segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{') {
      if (got[i].empty()) return false;
      found[want[i].substr(1, want[i].size() - 2)] = got[i];
    } else if (want[i] != got[i])
      return false;
  }
  params = std::move(found);
  return true;
}
}  // namespace

const Route* MatchRoute(const std::string& method, const std::string& path,
                        std::map<std::string, std::string>& params) {
  for (const auto& r : Routes())
    if (method == r.method && PathMatches(r.path, path, params)) return &r;
  return nullptr;
}

bool PathKnown(const std::string& path) {
  std::map<std::string, std::string> params;
  for (const auto& r : Routes())
    if (PathMatches(r.path, path, params)) return true;
  return false;
}

std::string RoutesJson() {
  static const char* kObject[] = {"", "targets", "evaluation", "job", "selfeval"};
  std::vector<std::string> items;
  for (const auto& r : Routes()) {
    std::vector<std::string> roles;
    for (const char* role : {"admin", "bureau", "evaluator", "unit"})
      if (r.roles & RoleBit(role)) roles.push_back(Q(role));
    if (r.roles & kPublic) roles.push_back(Q("public"));
    items.push_back("{\"method\":" + Q(r.method) + ",\"path\":" + Q(r.path) +
                    ",\"roles\":" + JsonArray(roles) +
                    ",\"changes_state\":" + (r.changes_state ? "true" : "false") + ",\"object\":" +
                    Q(kObject[static_cast<int>(r.object)]) + ",\"summary\":" + Q(r.summary) + "}");
  }
  std::string out = "[\n";
  for (size_t i = 0; i < items.size(); ++i) out += items[i] + (i + 1 < items.size() ? ",\n" : "\n");
  return out + "]\n";
}

bool CanReach(const User& user, const Doc& doc) {
  if (user.role == "unit")
    return (doc.kind == "targets" || doc.kind == "selfeval") && doc.owner == user.id;
  if (user.role == "evaluator")  // its own, or shared with it by the owner (schema 12)
    return doc.kind == "evaluation" &&
           (doc.assigned == user.id ||
            std::find(doc.members.begin(), doc.members.end(), user.id) != doc.members.end());
  if (user.role == "bureau") return !user.region.empty() && doc.region == user.region;
  return false;
}

bool CanReachJob(const User& user, const Job& job) { return job.owner == user.id; }

bool NarrowToReach(const User& user, Db::ListFilter& f) {
  std::vector<std::string> kinds;
  for (const auto& k : f.kinds) {
    Doc probe;
    probe.kind = k, probe.owner = probe.assigned = user.id, probe.region = user.region;
    if (CanReach(user, probe)) kinds.push_back(k);
  }
  f.kinds = kinds;
  if (user.role == "bureau") f.region = user.region;
  if (user.role == "unit" || user.role == "evaluator") f.owner = user.id;
  return !kinds.empty();
}

std::optional<ReachedPage> PageInReach(const Request& req, Db& db, const User& user,
                                       Db::ListFilter& f, std::string& problem) {
  auto paging = ParsePaging(req, problem);
  if (!paging) return std::nullopt;
  ReachedPage page{*paging, {}, 0};
  if (NarrowToReach(user, f)) {
    page.count = db.CountDocs(f);
    page.docs = db.DocsPage(f, paging->per_page, paging->offset());
  }
  return page;
}

}  // namespace jixiao::web
