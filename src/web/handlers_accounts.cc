// The admin's changes to an existing account (page and API): reset its password (typed by the
// admin, or made here and shown once) and disable or enable it. Each ends every session of that
// account and is audit-logged without the password; the same calls serve `jixiao user`.
#include <algorithm>

#include "core/text.h"
#include "web/crypto.h"
#include "web/eval_region.h"
#include "web/handlers.h"
#include "web/uploads.h"
#include "web/users.h"

namespace jixiao::web {

namespace {
std::optional<User> AnyUserNamed(Db& db, const std::string& name) {
  for (auto& u : db.Users())
    if (u.name == name) return u;
  return std::nullopt;
}

std::optional<User> AnyUserWithId(Db& db, const std::string& id) {
  for (auto& u : db.Users())
    if (std::to_string(u.id) == id) return u;
  return std::nullopt;
}
}  // namespace

std::string PasswordProblem(const std::string& password) {
  if (password.size() < 10) return "密码至少 10 个字符";
  if (password.size() > 1024) return "密码过长（不超过 1024 个字符）";
  return "";
}

std::string ResetUserPassword(Db& db, const std::string& name, const std::string& password) {
  auto user = AnyUserNamed(db, name);
  if (!user) return "没有账号“" + name + "”";
  if (std::string why = PasswordProblem(password); !why.empty()) return why;
  if (!db.SetPasswordHash(user->id, HashPassword(password))) return "没有账号“" + name + "”";
  return "";
}

std::string SetUserEnabled(Db& db, const std::string& name, bool enabled) {
  auto user = AnyUserNamed(db, name);
  if (!user) return "没有账号“" + name + "”";
  if (!db.SetUserDisabled(user->id, !enabled)) return "没有账号“" + name + "”";
  return "";
}

Response UserPassword(Ctx& ctx) {
  auto user = AnyUserWithId(ctx.server.db(), ctx.req.params["user"]);
  if (!user) return ctx.server.Error(ctx, 404, "没有这个账号：请从账号列表中选择");
  std::string password = ctx.req.Field("password");
  bool made = password.empty();
  if (made) password = RandomHex(8);  // 16 characters, shown once below
  if (std::string error = ResetUserPassword(ctx.server.db(), user->name, password); !error.empty())
    return ctx.server.Reject(ctx, "password_" + std::to_string(user->id),
                             "账号 " + user->name + " 的密码未改：" + error, AdminPage);
  ctx.server.Audit(
      ctx, "user.password", "user:" + user->name, "",
      made ? "由系统生成新密码；原有登录会话已结束" : "管理员设定新密码；原有登录会话已结束");
  if (ctx.req.api)
    return Json("{\"user\":" + Q(user->name) + (made ? ",\"password\":" + Q(password) : "") +
                ",\"sessions_ended\":true}");
  std::string note = "已重设账号 " + user->name + " 的密码，该账号原有的登录已全部退出。";
  if (made) note += "新密码（只显示这一次，请转告本人并请其尽快登录）：" + password;
  return AdminPageWith(ctx, note);
}

Response UserDisable(Ctx& ctx) {
  auto user = AnyUserWithId(ctx.server.db(), ctx.req.params["user"]);
  if (!user) return ctx.server.Error(ctx, 404, "没有这个账号：请从账号列表中选择");
  bool disable = ctx.req.Field("disabled") != "0";
  if (disable && user->id == ctx.user->id)
    return ctx.server.Reject(ctx, "", "不能停用自己正在使用的账号：请用另一个管理员账号停用",
                             AdminPage);
  SetUserEnabled(ctx.server.db(), user->name, !disable);
  ctx.server.Audit(ctx, disable ? "user.disable" : "user.enable", "user:" + user->name,
                   user->disabled ? "已停用" : "正常", disable ? "已停用" : "正常");
  if (ctx.req.api)
    return Json("{\"user\":" + Q(user->name) + ",\"disabled\":" + (disable ? "true" : "false") +
                "}");
  return Redirect("/admin?message=" +
                  UrlEncode((disable ? "已停用账号 " : "已启用账号 ") + user->name +
                            (disable ? "：其登录已全部退出，不能再登录" : "：可以重新登录")));
}

// An existing account's 所属区域 (webtrial4 item 6): a registered region; required for a unit
// or a bureau, optional for an evaluator (it decides which units' tables it may start from), none
// for an admin. Audited from and to; the account's saved documents keep their own region.
Response UserRegion(Ctx& ctx) {
  auto user = AnyUserWithId(ctx.server.db(), ctx.req.params["user"]);
  if (!user) return ctx.server.Error(ctx, 404, "没有这个账号：请从账号列表中选择");
  const std::string region = Trim(ctx.req.Field("region"));
  const std::string field = "region_" + std::to_string(user->id);
  if (user->role == "admin" && !region.empty())
    return ctx.server.Reject(ctx, field, "管理员账号不设所属区域", AdminPage);
  if (region.empty() && (user->role == "unit" || user->role == "bureau"))
    return ctx.server.Reject(
        ctx, field, "账号 " + user->name + " 的所属区域不能为空：项目单位和财政局必须有所属区域",
        AdminPage);
  if (std::string why = AccountRegionProblem(AccountRegions(ctx.server.db()), region); !why.empty())
    return ctx.server.Reject(ctx, field, why, AdminPage);
  if (region.size() > 100)
    return ctx.server.Reject(ctx, field, "区域名称过长（不超过 100 个字符）", AdminPage);
  if (region != user->region) {
    if (!ctx.server.db().SetUserRegion(user->id, region))
      return ctx.server.Error(ctx, 404, "没有这个账号：请从账号列表中选择");
    ctx.server.Audit(ctx, "user.region", "user:" + user->name,
                     user->region.empty() ? "（无）" : user->region,
                     region.empty() ? "（无）" : region);
  }
  if (ctx.req.api) return Json("{\"user\":" + Q(user->name) + ",\"region\":" + Q(region) + "}");
  return Redirect("/admin?message=" + UrlEncode("账号 " + user->name + " 的所属区域：" +
                                                (region.empty() ? std::string("（无）") : region)));
}

}  // namespace jixiao::web
