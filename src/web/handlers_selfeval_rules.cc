// The 自评表 page's 评分规则 choice (issue 24): the unit picks one of the shipped sets or an
// admin's upload; it is kept with the form (part "rules", a new version) and the form is scored
// again by it, as `jixiao selfeval check --rules` would. A later edit keeps it.
#include "app/selfeval_app.h"
#include "core/format.h"
#include "ingest/selfeval_rules_loader.h"
#include "web/handlers.h"
#include "web/selfeval_load.h"
#include "web/selfeval_page.h"
#include "web/selfeval_parts.h"
#include "web/selfeval_rules_choice.h"

namespace jixiao::web {

Response SelfEvalRulesSet(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  const auto expected = FormVersion(ctx.req);
  if (!expected) return ctx.server.Error(ctx, 422, kMissingVersion);
  if (*expected != doc.version)
    return SelfEvalPage(ctx,
                        "未改评分规则：" + StaleSentence(doc, "自评表", "保存为", *expected) +
                            "请在最新内容上重新选择。",
                        409);
  std::string why = "请选择一套自评规则（字段 rules）";
  auto chosen = ChosenSelfEvalRules(ctx.server.db(), ctx.req.Field("rules"), &why);
  if (!chosen || chosen->empty()) return ctx.server.Reject(ctx, "rules", why, SelfEvalShow);
  Diagnostics diags;
  auto rules = ParseSelfEvalRules("自评规则.json", *chosen, diags);
  if (!rules) return ctx.server.Error(ctx, 422, "所选的自评规则无法读取，请联系管理员");
  const std::string& dir = ctx.server.options().data_dir;
  Loaded before = Load(dir, ctx.server.db().GetVersion(doc.id, 0)->content, doc.title);
  const std::string was = SelfEvalRulesName(*RulesOf(before.check.result, before.parts));
  const std::string now = SelfEvalRulesName(*rules);
  auto parts = before.parts;
  parts["rules"] = *chosen;
  parts.erase("submitted");  // scored anew: the unit submits again
  std::vector<std::pair<std::string, std::string>> list(parts.begin(), parts.end());
  const std::string content = PackParts(list);
  Doc updated = doc;
  RecordSelfEvalFigures(updated, Load(dir, content, doc.title).check);
  if (!ctx.server.db().SaveVersion(updated, *expected, content, ctx.user->name,
                                   "评分规则改为“" + now + "”"))
    return SelfEvalPage(ctx, "未改评分规则：该自评表刚被他人保存，请刷新后重新选择。", 409);
  ctx.server.Audit(ctx, "selfeval.rules", "selfeval:" + doc.id, was, now);
  const std::string note = "已按“" + now + "”重新复核（第 " + std::to_string(*expected + 1) +
                           " 版）：复核分 " + FormatScore(Score{updated.computed});
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(*expected + 1) + ",\"rules\":" + Q(now) +
                ",\"message\":" + Q(note) + "}");
  return Redirect("/selfevals/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
