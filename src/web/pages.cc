// Server construction (templates and static assets read once) and the page and error renderers.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/builder.h"
#include "web/server.h"

namespace jixiao::web {
namespace fs = std::filesystem;

namespace {
std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const char* StatusTitle(int status) {
  switch (status) {
    case 400:
      return "请求有误";
    case 401:
      return "请先登录";
    case 403:
      return "无权操作";
    case 404:
      return "找不到";
    case 405:
      return "请求方式不对";
    case 409:
      return "内容已被他人修改";
    case 413:
      return "文件过大";
    case 422:
      return "内容有误";
    case 429:
      return "尝试过于频繁";
    default:
      return "服务器出错";
  }
}
}  // namespace

std::string WebTemplateDir() {
  if (const char* env = std::getenv("JIXIAO_WEB_TEMPLATES")) return env;
  return report::DefaultTemplateDir() + "/../web";
}

Server::Server(ServeOptions options, std::unique_ptr<Db> db)
    : options_(std::move(options)),
      db_(std::move(db)),
      throttle_(db_.get()),
      jobs_(*db_, options_.job_stale_seconds) {
  std::string dir = WebTemplateDir();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".mustache")
      templates_[e.path().stem().string()] = ReadAll(e.path());
  for (const auto& e : fs::directory_iterator(dir + "/static", ec))
    if (e.is_regular_file()) static_[e.path().filename().string()] = ReadAll(e.path());
  if (templates_.empty())
    std::fprintf(stderr, "警告：在 %s 中找不到网页模板（*.mustache）\n", dir.c_str());
}

const std::string* Server::StaticAsset(const std::string& name) const {
  auto it = static_.find(name);
  return it == static_.end() ? nullptr : &it->second;
}

Response Server::Page(Ctx& ctx, const std::string& name, const std::string& title, Data data,
                      int status) {
  auto tmpl = templates_.find(name);
  auto layout = templates_.find("layout");
  Response r;
  r.status = status;
  if (tmpl == templates_.end() || layout == templates_.end()) {
    r.status = 500;
    r.body = "<!doctype html><meta charset=utf-8><p>网页模板缺失：" + name + "</p>";
    return r;
  }
  if (!ctx.csrf.empty()) data.set("csrf", ctx.csrf);
  // Templates named part_*.mustache are partials every page may include ({{>part_NAME}}).
  for (const auto& [part, text] : templates_)
    if (part.rfind("part_", 0) == 0)
      data.set(part, kainjow::mustache::partial([&text = text] { return text; }));
  if (ctx.rejected) {
    // The typed values back in their fields, the message beside its own.
    for (const auto& [name, value] : ctx.req.form)
      if (name != "csrf" && name.find("password") == std::string::npos &&
          name.find('.') == std::string::npos)
        data.set("typed_" + name, value);
    if (!ctx.rejected->field.empty())
      data.set("error_" + ctx.rejected->field, ctx.rejected->message);
  }
  kainjow::mustache::mustache content(tmpl->second);
  std::string inner = content.render(data);
  Data page;
  page.set("title", title);
  page.set("content", inner);  // rendered above with every value escaped
  page.set("csrf", ctx.csrf);
  if (ctx.rejected) {
    const std::string& m = ctx.rejected->message;
    page.set("rejected",
             ctx.rejected->field.empty()
                 ? m
                 : (m.rfind("未保存", 0) == 0 || m.rfind("未记录", 0) == 0 ? m : "未保存：" + m) +
                       "。已在该栏旁标出，其余所填内容仍在表中，改好后重新提交。");
    Data items = List();
    for (const auto& i : ctx.rejected->items) items.push_back(Object({{"text", i}}));
    page.set("rejected_items", items);
  }
  if (ctx.user) {
    page.set("user", ctx.user->name);
    page.set("role", RoleLabel(ctx.user->role));
    std::string where = ctx.user->unit.empty() ? ctx.user->region : ctx.user->unit;
    if (!where.empty()) page.set("unit_or_region", where);
    page.set("is_unit", ctx.user->role == "unit");
    page.set("is_evaluator", ctx.user->role == "evaluator");
    page.set("is_bureau", ctx.user->role == "bureau");
    page.set("is_admin", ctx.user->role == "admin");
  }
  kainjow::mustache::mustache outer(layout->second);
  r.body = outer.render(page);
  return r;
}

Response Server::Error(Ctx& ctx, int status, const std::string& message,
                       const std::vector<std::string>& items) {
  if (ctx.req.api || templates_.count("error") == 0) return JsonError(status, message, items);
  Data data;
  data.set("status", std::to_string(status));
  if (!message.empty()) data.set("message", message);
  Data list = List();
  for (const auto& i : items) list.push_back(Object({{"text", i}}));
  data.set("items", list);
  data.set("has_items", !items.empty());
  return Page(ctx, "error", StatusTitle(status), data, status);
}

Response Server::Reject(Ctx& ctx, const std::string& field, const std::string& message,
                        Response (*form_page)(Ctx&), const std::vector<std::string>& items) {
  if (ctx.req.api || !form_page) {
    // The request's field name (a page's key may name which of several forms it was).
    std::string name = field.rfind("password_", 0) == 0                   ? "password"
                       : field == "import_file" || field == "survey_file" ? "file"
                                                                          : field;
    std::string located = name.empty() || message.find("字段 " + name) != std::string::npos
                              ? message
                              : message + "（字段 " + name + "）";
    return Error(ctx, 422, located, items);
  }
  ctx.rejected = Ctx::Rejection{field, message, items};
  Response r = form_page(ctx);
  if (r.status == 200) r.status = 422;
  return r;
}

}  // namespace jixiao::web
