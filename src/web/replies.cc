// Replies several handlers give alike: the answer to a created document (201 with its API
// location, or the page), the version number a save names, and the sentence refusing a save
// made on a version someone else has since replaced.
#include <cstring>

#include "core/text.h"
#include "ingest/half_width.h"
#include "web/handlers.h"

namespace jixiao::web {

Response CreatedReply(const Ctx& ctx, const std::string& collection, const std::string& id) {
  if (ctx.req.api)
    return Json("{\"id\":" + Q(id) +
                    ",\"version\":1,\"location\":" + Q("/api/v1/" + collection + "/" + id) + "}",
                201);
  return Redirect("/" + collection + "/" + id);
}

std::optional<int64_t> FormVersion(const Request& req) {
  try {
    size_t used = 0;
    const std::string text = req.Field("version");
    int64_t v = std::stoll(text, &used);
    if (used == text.size()) return v;
  } catch (...) {
  }
  return std::nullopt;
}

std::string StaleSentence(const Doc& doc, const std::string& noun, const std::string& verb,
                          int64_t opened) {
  std::string out = "该" + noun + "已由 " + doc.updated_by + " 于 " + BeijingTime(doc.updated_at) +
                    "（北京时间）" + verb + "第 " + std::to_string(doc.version) + " 版";
  if (opened >= 0) out += "（您打开的是第 " + std::to_string(opened) + " 版）";
  return out + "。";
}

std::string YearProblem(const std::string& year) {
  if (year.empty()) return "请填写年度（四位数字，如 2025）";
  bool digits = year.size() == 4;
  for (char c : year) digits = digits && c >= '0' && c <= '9';
  if (!digits || year < "2000" || year > "2099")
    return "年度“" + year + "”不是四位数字的年份（2000–2099），请改为如 2025";
  return "";
}

std::string TypedYear(const std::string& typed) { return ReadTypedYear(typed).text; }

Data Choice(const std::string& value, const std::string& label, const std::string& chosen) {
  Data d = Object({{"id", value}, {"title", label}});
  d.set("selected", !chosen.empty() && chosen == value);
  return d;
}

std::string ActionLabel(const std::string& action) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"selfeval.edit ", "填写 "},
      {"targets.fix ", "采纳建议 "},
      {"targets.edit ", ""},  // followed by 手工修改, 手工删除 or 手工添加
      {"evaluation.entry_form", "在表单中录入"},
      {"evaluation.observations", "修改经验、问题与建议"},
      {"evaluation.draft", "生成初稿"},
      {"selfeval.upload", "上传自评表"},
      {"targets.upload", "上传绩效目标表"},
      {"evaluation.create", "新建评价"},
      {"evaluation.import", "导入录入工作簿（得分）"},
      {"evaluation.narrative", "修改叙述"},
      {"evaluation.survey", "导入问卷答卷"},
      {"selfeval.restore", "恢复旧版本"},
      {"evaluation.restore", "恢复旧版本"},
      {"targets.restore", "恢复旧版本"},
      {"selfeval.new", "生成自评表"},
      {"selfeval.submit", "提交自评表"},
      {"selfeval.rules", "改选评分规则"},
      {"selfeval.review", "复核结论"},
      {"selfeval.rules", "改选评分规则"},
      {"evaluation.review", "复核结论"},
      {"evaluation.finding", "修改扣分"},
      {"evaluation.confirm_target", "确认单位待确认的目标"},
      {"evaluation.region", "改所属区域"},
      {"evaluation.share", "共享给同事"},
      {"evaluation.unshare", "取消共享"},
      {"evaluation.score", "得分变化"},
      {"job.pdf", "生成 PDF"},
      {"login.failed", "登录失败"},
      {"login.throttled", "登录受限（失败次数过多）"},
      {"login", "登录"},
      {"logout", "退出"},
      {"user.add", "新建账号"},
      {"user.password", "重设密码"},
      {"user.disable", "停用账号"},
      {"user.region", "改账号区域"},
      {"user.enable", "启用账号"},
      {"region.add", "登记区域"},
      {"region.rename", "区域改名"},
      {"framework.upload", "上传指标体系"},
      {"framework.disable", "停用指标体系"},
      {"framework.enable", "启用指标体系"},
      {"selfeval-rules.upload", "上传自评规则"},
      {"selfeval-rules.disable", "停用自评规则"},
      {"selfeval-rules.enable", "启用自评规则"}};
  // The checker's rule code (targets.fix T31) is the machine's word: the label alone.
  if (action.rfind("targets.fix", 0) == 0) return "采纳建议";
  for (const auto& [prefix, label] : kLabels)
    if (action.rfind(prefix, 0) == 0) return label + action.substr(std::string(prefix).size());
  return action;
}

std::string VersionNote(const std::string& note) {
  const std::string accepted = "采纳建议 ";  // notes saved before webtrial4 item 4: "采纳建议 T31"
  if (note.rfind(accepted, 0) != 0) return note;
  size_t end = accepted.size();
  if (end < note.size() && note[end] >= 'A' && note[end] <= 'Z') {
    ++end;
    while (end < note.size() && note[end] >= '0' && note[end] <= '9') ++end;
    return "采纳建议" + note.substr(end);
  }
  return note;
}

std::string ObjectLabel(const std::string& object) {
  static const std::pair<const char*, const char*> kKinds[] = {{"user:", "账号 "},
                                                               {"region:", "区域 "},
                                                               {"evaluation:", "评价 "},
                                                               {"selfeval:", "自评表 "},
                                                               {"targets:", "绩效目标表 "},
                                                               {"framework:", "指标体系 "},
                                                               {"selfeval-rules:", "自评规则 "},
                                                               {"job:", "任务 "}};
  for (const auto& [prefix, label] : kKinds)
    if (object.rfind(prefix, 0) == 0) return label + object.substr(std::string(prefix).size());
  return object;
}

}  // namespace jixiao::web
