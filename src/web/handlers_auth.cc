// Login, logout, the home page, static assets and the admin pages.
#include <algorithm>
#include <ctime>
#include <map>
#include <set>

#include "web/change_places.h"
#include "web/crypto.h"
#include "web/eval_region.h"
#include "web/handlers.h"
#include "web/uploads.h"
#include "web/users.h"

namespace jixiao::web {

std::string CreateUser(Db& db, const std::string& name, const std::string& role,
                       const std::string& unit, const std::string& region,
                       const std::string& password) {
  if (name.empty() || name.size() > 64 ||
      name.find_first_of(" \t\r\n/\\<>\"'&") != std::string::npos)
    return "账号名不能为空、不超过 64 字节，且不能含空格和 / \\ < > \" ' &";
  if (!RoleBit(role)) return "角色应为 admin、bureau、evaluator 或 unit 之一";
  if (role == "unit" && unit.empty()) return "项目单位账号须给出单位名称（--unit 或“单位”一栏）";
  if ((role == "bureau" || role == "unit") && region.empty())
    return std::string(role == "unit" ? "项目单位" : "财政局") +
           "账号须给出区域（--region 或“区域”一栏）：财政局按区域查看";
  if (std::string why = PasswordProblem(password); !why.empty()) return why;
  if (!db.AddUser({0, name, role, unit, region, HashPassword(password)}))
    return "账号“" + name + "”已存在，请换一个名字";
  return "";
}

Response HomePage(Ctx& ctx) {
  const std::string& role = ctx.user->role;
  if (role == "unit") return Redirect("/targets");
  if (role == "evaluator") return Redirect("/evaluations");
  if (role == "bureau") return Redirect("/bureau");
  return Redirect("/admin");
}

Response LoginPage(Ctx& ctx) {
  // A pre-session token (double submit) guards the login form against login CSRF.
  std::string pre = RandomHex(16);
  ctx.csrf = pre;
  Data data;
  data.set("next", "");
  Response r = ctx.server.Page(ctx, "login", "登录", data);
  r.cookies.push_back({"jx_pre", MakeSessionCookie(pre, ctx.req.tls, false)});
  return r;
}

Response LoginPost(Ctx& ctx) {
  Request& req = ctx.req;
  if (req.api) {
    // Cross-site forms cannot set headers: the API login asks for one.
    if (req.csrf_header != "login")
      return ctx.server.Error(ctx, 403, "安全校验失败：API 登录须带请求头 X-CSRF-Token: login");
  } else {
    auto pre = req.cookies.find("jx_pre");
    if (pre == req.cookies.end() || !ConstantTimeEqual(pre->second, req.Field("csrf")))
      return ctx.server.Error(ctx, 403, "安全校验失败：请刷新登录页后重新登录");
  }
  std::string name = req.Field("name"), password = req.Field("password");
  int64_t now = std::time(nullptr);
  if (int64_t wait = ctx.server.throttle().Blocked(name, req.remote, now)) {
    ctx.server.db().Audit(name, "login.throttled", "user:" + name, "", req.remote);
    return ctx.server.Error(
        ctx, 429, "登录失败次数过多，请 " + std::to_string((wait + 59) / 60) + " 分钟后再试");
  }
  auto user = ctx.server.db().FindUser(name);
  // Unknown names cost the same hash as known ones.
  static const std::string kDummy = HashPassword("jixiao-dummy-password");
  bool ok = VerifyPassword(password, user ? user->password_hash : kDummy) && user.has_value();
  if (!ok) {
    ctx.server.throttle().Failed(name, req.remote, now);
    ctx.server.db().Audit(name, "login.failed", "user:" + name, "", req.remote);
    if (req.api) return ctx.server.Error(ctx, 401, "账号或密码不对");
    Data data;
    data.set("error", "账号或密码不对，请重新输入");
    data.set("name", name);
    std::string pre = RandomHex(16);
    ctx.csrf = pre;
    Response r = ctx.server.Page(ctx, "login", "登录", data, 401);
    r.cookies.push_back({"jx_pre", MakeSessionCookie(pre, req.tls, false)});
    return r;
  }
  ctx.server.throttle().Succeeded(name);
  // A new token at every login: an old cookie never becomes a logged-in session (no fixation).
  auto old = req.cookies.find("jx_session");
  if (old != req.cookies.end()) ctx.server.db().DeleteSession(Sha256Hex(old->second));
  std::string token = RandomHex(32), csrf = RandomHex(32);
  ctx.server.db().AddSession(Sha256Hex(token), user->id, csrf, ctx.server.options().idle_seconds);
  ctx.server.db().Audit(name, "login", "user:" + name, "", req.remote);
  Response r = req.api ? Json("{\"user\":" + Q(user->name) + ",\"role\":" + Q(user->role) +
                              ",\"csrf\":" + Q(csrf) + "}")
                       : Redirect("/");
  r.cookies.push_back({"jx_session", MakeSessionCookie(token, req.tls, false)});
  r.cookies.push_back({"jx_pre", MakeSessionCookie("", req.tls, true)});
  return r;
}

Response LogoutPost(Ctx& ctx) {
  auto cookie = ctx.req.cookies.find("jx_session");
  if (cookie != ctx.req.cookies.end()) ctx.server.db().DeleteSession(Sha256Hex(cookie->second));
  ctx.server.Audit(ctx, "logout", "user:" + ctx.user->name, "", "");
  Response r = ctx.req.api ? Json("{\"ok\":true}") : Redirect("/login");
  r.cookies.push_back({"jx_session", MakeSessionCookie("", ctx.req.tls, true)});
  return r;
}

Response StaticFile(Ctx& ctx) {
  const std::string& name = ctx.req.params["name"];
  const std::string* bytes = ctx.server.StaticAsset(name);
  if (!bytes) return ctx.server.Error(ctx, 404, "找不到该文件");
  Response r;
  r.body = *bytes;
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  r.content_type = ends(".css")   ? "text/css; charset=utf-8"
                   : ends(".js")  ? "text/javascript; charset=utf-8"
                   : ends(".svg") ? "image/svg+xml"
                                  : "application/octet-stream";
  return r;
}

Response Me(Ctx& ctx) {
  const User& u = *ctx.user;
  return Json("{\"user\":" + Q(u.name) + ",\"role\":" + Q(u.role) + ",\"unit\":" + Q(u.unit) +
              ",\"region\":" + Q(u.region) + ",\"csrf\":" + Q(ctx.csrf) + "}");
}

Response UsersList(Ctx& ctx) {
  std::vector<std::string> items;
  for (const auto& u : ctx.server.db().Users())
    items.push_back("{\"id\":" + std::to_string(u.id) + ",\"name\":" + Q(u.name) + ",\"role\":" +
                    Q(u.role) + ",\"unit\":" + Q(u.unit) + ",\"region\":" + Q(u.region) + "}");
  return Json("{\"users\":" + JsonArray(items) + "}");
}

Response AuditList(Ctx& ctx) {
  std::vector<std::string> items;
  for (const auto& a : ctx.server.db().AuditLog(200))
    items.push_back("{\"at\":" + Q(a.at) + ",\"who\":" + Q(a.who) + ",\"action\":" + Q(a.action) +
                    ",\"object\":" + Q(a.object) + ",\"before\":" + Q(a.before) +
                    ",\"after\":" + Q(a.after) + "}");
  return Json("{\"audit\":" + JsonArray(items) + "}");
}

Response AdminPage(Ctx& ctx) { return AdminPageWith(ctx, ctx.req.Field("message")); }

// An audit entry's object for the admin: a document by its title ("评价“2024年…项目”
// 叙述“立项背景”"), never its folder id or a narrative file name; a document since removed keeps
// its kind only.
std::string AuditObject(Db& db, const std::string& object,
                        std::map<std::string, std::string>& titles) {
  const size_t colon = object.find(':');
  const std::string kind = object.substr(0, colon == std::string::npos ? 0 : colon);
  if (kind != "evaluation" && kind != "selfeval" && kind != "targets" && kind != "region" &&
      kind != "framework" && kind != "selfeval-rules")
    return ObjectLabel(object);
  const size_t space = object.find(' ', colon);
  const std::string id =
      object.substr(colon + 1, space == std::string::npos ? std::string::npos : space - colon - 1);
  const std::string rest = space == std::string::npos ? "" : object.substr(space + 1);
  auto known = titles.find(id);
  if (known == titles.end()) {
    auto doc = db.GetDoc(id);
    known = titles.emplace(id, doc ? "“" + doc->title + "”" : "（已删除）").first;
  }
  std::string label = ObjectLabel(kind + ":");  // the kind's Chinese name with its space
  label.pop_back();
  return label + known->second +
         (rest.empty() ? "" : " " + (kind == "evaluation" ? NarrativeFileLabel(rest) : rest));
}

// An audit entry's values as people read them (issue 21), resolved at display time so entries
// written before names were recorded read the same: a 新建评价's framework id by its title, an
// account's role by its Chinese name.
std::string AuditValue(Db& db, const std::string& action, const std::string& value,
                       std::map<std::string, std::string>& titles) {
  if (action == "user.add" && *RoleLabel(value)) return RoleLabel(value);
  static const std::string kFramework = "，指标体系 ";
  const size_t at = value.rfind(kFramework);
  if (action != "evaluation.create" || at == std::string::npos) return value;
  const std::string ref = value.substr(at + kFramework.size());
  auto known = titles.find("framework " + ref);
  if (known == titles.end())
    known = titles.emplace("framework " + ref, FrameworkLabel(db, ref)).first;
  return value.substr(0, at + kFramework.size()) + known->second;
}

Response AdminPageWith(Ctx& ctx, const std::string& message) {
  Data users = List(), audit = List();
  for (const auto& u : ctx.server.db().Users()) {
    Data row = Object({{"id", std::to_string(u.id)},
                       {"name", u.name},
                       {"role", RoleLabel(u.role)},
                       {"unit", u.unit},
                       {"region", u.region},
                       {"state", u.disabled ? "已停用" : "正常"}});
    row.set("disabled", u.disabled);
    row.set("self", ctx.user && ctx.user->id == u.id);
    if (ctx.rejected && ctx.rejected->field == "password_" + std::to_string(u.id))
      row.set("password_error", ctx.rejected->message);
    if (ctx.rejected && ctx.rejected->field == "region_" + std::to_string(u.id))
      row.set("region_error", ctx.rejected->message);
    users.push_back(row);
  }
  std::map<std::string, std::string> titles;  // document id → title, looked up once
  for (const auto& a : ctx.server.db().AuditLog(100))
    audit.push_back(Object({{"at", BeijingTime(a.at)},
                            {"who", a.who},
                            {"action", ActionLabel(a.action)},
                            {"object", AuditObject(ctx.server.db(), a.object, titles)},
                            {"before", a.before},
                            {"after", AuditValue(ctx.server.db(), a.action, a.after, titles)}}));
  Data data, regions = List();
  // The 区域 choices (a select once there are any; the first region is typed).
  const std::string typed_region = ctx.rejected ? ctx.req.Field("region") : "";
  for (const auto& name : AccountRegions(ctx.server.db())) {
    Data option = Object({{"name", name}});
    option.set("selected", name == typed_region);
    regions.push_back(option);
  }
  data.set("has_regions", !regions.is_empty_list());
  data.set("regions", regions);
  data.set("users", users);
  data.set("audit", audit);
  if (!message.empty()) data.set("message", message);
  std::string role = ctx.rejected ? ctx.req.Field("role") : "";
  for (const char* r : {"unit", "evaluator", "bureau", "admin"})
    data.set(std::string("role_") + r, role == r);
  return ctx.server.Page(ctx, "admin", "账号与审计日志", data);
}

Response UsersCreate(Ctx& ctx) {
  const Request& r = ctx.req;
  std::string name = r.Field("name"), role = r.Field("role");
  // Accounts take one of the regions the form offers (webtrial5 item 8).
  if (std::string why = AccountRegionProblem(AccountRegions(ctx.server.db()), r.Field("region"));
      !why.empty())
    return ctx.server.Reject(ctx, "region", why, AdminPage);
  std::string error = CreateUser(ctx.server.db(), name, role, r.Field("unit"), r.Field("region"),
                                 r.Field("password"));
  if (!error.empty()) {
    // The page has fields, not the command's options (issue 21: no “--region” on a page).
    for (const char* option : {"--unit 或", "--region 或"})
      if (size_t at = error.find(option); at != std::string::npos)
        error.erase(at, std::string(option).size());
    // The field the message is about, so the page shows it there.
    const char* field = error.find("区域") != std::string::npos       ? "region"
                        : error.find("单位名称") != std::string::npos ? "unit"
                        : error.find("密码") != std::string::npos     ? "password"
                        : error.find("角色") != std::string::npos     ? "role"
                                                                      : "name";
    return ctx.server.Reject(ctx, field, error, AdminPage);
  }
  ctx.server.Audit(ctx, "user.add", "user:" + name, "", role);
  if (r.api) return Json("{\"user\":" + Q(name) + ",\"role\":" + Q(role) + "}", 201);
  return Redirect("/admin?message=" + UrlEncode("已新建账号 " + name));
}

}  // namespace jixiao::web
