// 共享评价 (issue 21, trial 5 item 2): the evaluator who created an evaluation shares it with a
// colleague (another evaluator account) or stops sharing it. A colleague reaches it as the
// creator does (list, page, edits, downloads, jobs) until removed; each change is in the audit
// log and so in the evaluation's 版本记录. Only evaluator accounts can be added.
#include <algorithm>

#include "core/text.h"
#include "web/handlers.h"

namespace jixiao::web {

namespace {

std::string NameOf(const std::vector<User>& users, int64_t id) {
  for (const auto& u : users)
    if (u.id == id) return u.name;
  return "（已删除的账号 " + std::to_string(id) + "）";
}

std::vector<std::string> MemberNames(Db& db, const Doc& doc) {
  const auto users = db.Users();
  std::vector<std::string> names;
  for (int64_t id : db.Members(doc.id)) names.push_back(NameOf(users, id));
  return names;
}

Response ChangeMember(Ctx& ctx, bool add) {
  const Doc& doc = *ctx.doc;
  Db& db = ctx.server.db();
  if (doc.owner != ctx.user->id)
    return ctx.server.Error(ctx, 403, "只有创建该评价的账号可以共享或取消共享；请联系创建者");
  const std::string name = Trim(ctx.req.Field("name"));
  if (name.empty()) return ctx.server.Reject(ctx, "name", "请填写同事的账号名", EvaluationShow);
  std::optional<User> who;
  for (const auto& u : db.Users())
    if (u.name == name) who = u;
  std::string done;
  if (add) {
    if (!who || who->disabled || who->role != "evaluator")
      return ctx.server.Reject(
          ctx, "name",
          "账号“" + name + "”不存在、已停用或不是评价机构账号：评价只能共享给评价机构的账号",
          EvaluationShow);
    if (who->id == doc.owner)
      return ctx.server.Reject(ctx, "name", "“" + name + "”是该评价的创建者，无需共享",
                               EvaluationShow);
    if (!db.AddMember(doc.id, who->id, ctx.user->name))
      return ctx.server.Reject(ctx, "name", "该评价已共享给“" + name + "”", EvaluationShow);
    ctx.server.Audit(ctx, "evaluation.share", "evaluation:" + doc.id, "", name);
    done = "已共享给“" + name + "”：对方可查看、修改、评分和下载该评价";
  } else {
    if (!who || !db.RemoveMember(doc.id, who->id))
      return ctx.server.Reject(ctx, "name", "该评价未共享给“" + name + "”", EvaluationShow);
    ctx.server.Audit(ctx, "evaluation.unshare", "evaluation:" + doc.id, name, "");
    done = "已取消共享给“" + name + "”";
  }
  if (ctx.req.api)
    return Json("{\"members\":" + MembersJson(ctx.server, doc) + ",\"message\":" + Q(done) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(done));
}

}  // namespace

void SetMembersData(Ctx& ctx, const Doc& doc, Data& data) {
  Db& db = ctx.server.db();
  const auto users = db.Users();
  Data members = List();
  for (int64_t id : doc.members) members.push_back(Object({{"name", NameOf(users, id)}}));
  data.set("members", members);
  data.set("has_members", !doc.members.empty());
  data.set("creator", NameOf(users, doc.owner));
  data.set("can_share", ctx.user->id == doc.owner && ctx.user->role == "evaluator");
}

std::string MembersJson(Server& server, const Doc& doc) {
  std::vector<std::string> names;
  for (const auto& n : MemberNames(server.db(), doc)) names.push_back(Q(n));
  return JsonArray(names);
}

Response EvaluationMemberAdd(Ctx& ctx) { return ChangeMember(ctx, true); }
Response EvaluationMemberRemove(Ctx& ctx) { return ChangeMember(ctx, false); }

}  // namespace jixiao::web
