// jixiao serve [--config FILE] [--listen 127.0.0.1:8080] [--data DIR] [--db URL]
//   [--tls-cert FILE --tls-key FILE] [--routes]
// jixiao user add NAME --role admin|bureau|evaluator|unit [--unit 单位] [--region 区域]
//   --password-stdin [--data DIR|--db URL]
// jixiao user reset-password NAME --password-stdin | user disable|enable NAME [--data|--db]
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/service_config.h"
#include "cli/commands.h"
#include "web/db.h"
#include "web/routes.h"
#include "web/server.h"
#include "web/users.h"

namespace jixiao::cli {

int RunServe(const Args& args) {
  const Command& self = FindCommand("serve");
  if (WantsHelp(args)) return Usage(self, false);
  web::ServeOptions options;
  // --config FILE (/etc/jixiao/jixiao.conf, docs/deploy.md) first; flags given as well win.
  for (size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--config") {
      ServiceConfig config;
      Diagnostics diags;
      if (!ReadServiceConfig(args[i + 1], config, diags)) {
        for (const auto& d : diags.items()) std::fprintf(stderr, "%s\n", d.ToString().c_str());
        return 1;
      }
      options.listen = config.listen;
      if (!config.data.empty()) options.data_dir = config.data;
      options.db_url = config.db;
      options.tls_cert = config.tls_cert;
      options.tls_key = config.tls_key;
    }
  for (size_t i = 0; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (args[i] == "--routes") {
      std::fputs(web::RoutesJson().c_str(), stdout);
      return 0;
    } else if (args[i] == "--config" && has_value)
      ++i;  // read above
    else if (args[i] == "--listen" && has_value)
      options.listen = args[++i];
    else if (args[i] == "--data" && has_value)
      options.data_dir = args[++i];
    else if (args[i] == "--db" && has_value)
      options.db_url = args[++i];
    else if (args[i] == "--tls-cert" && has_value)
      options.tls_cert = args[++i];
    else if (args[i] == "--tls-key" && has_value)
      options.tls_key = args[++i];
    else if (args[i] == "--job-stale-seconds" && has_value) {
      try {
        options.job_stale_seconds = std::stoi(args[++i]);
      } catch (...) {
        return Usage(self, true);
      }
      if (options.job_stale_seconds < 3) return Usage(self, true);
    } else
      return Usage(self, true);
  }
  return web::Serve(options);
}

namespace {
// jixiao user reset-password NAME --password-stdin | user disable|enable NAME [--data|--db]:
// the admin page's account changes from the command line (each ends the account's sessions).
int ChangeUser(const Command& self, const Args& args) {
  const std::string& action = args[0];
  std::string name = args[1], data_dir = "jixiao-data", db_url;
  bool password_stdin = false;
  for (size_t i = 2; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (args[i] == "--data" && has_value)
      data_dir = args[++i];
    else if (args[i] == "--db" && has_value)
      db_url = args[++i];
    else if (args[i] == "--password-stdin" && action == "reset-password")
      password_stdin = true;
    else
      return Usage(self, true);
  }
  if (action == "reset-password" && !password_stdin) return Usage(self, true);
  std::string password;
  if (password_stdin) {
    std::getline(std::cin, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  try {
    auto db = web::Db::Open(data_dir, db_url);
    std::string error = action == "reset-password"
                            ? web::ResetUserPassword(*db, name, password)
                            : web::SetUserEnabled(*db, name, action == "enable");
    if (!error.empty()) {
      std::fprintf(stderr, "错误：%s\n", error.c_str());
      return 1;
    }
    if (action == "reset-password")
      db->Audit("(命令行)", "user.password", "user:" + name, "",
                "命令行设定新密码；原有登录会话已结束");
    else
      db->Audit("(命令行)", "user." + action, "user:" + name, "",
                action == "enable" ? "正常" : "已停用");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "错误：%s\n", e.what());
    return 1;
  }
  std::printf("%s%s，该账号原有的登录已全部退出\n",
              action == "reset-password" ? "已重设密码："
              : action == "enable"       ? "已启用账号 "
                                         : "已停用账号 ",
              name.c_str());
  return 0;
}
}  // namespace

int RunUser(const Args& args) {
  const Command& self = FindCommand("user");
  if (WantsHelp(args)) return Usage(self, false);
  if (args.size() >= 2 &&
      (args[0] == "reset-password" || args[0] == "disable" || args[0] == "enable"))
    return ChangeUser(self, args);
  if (args.size() < 2 || args[0] != "add") return Usage(self, true);
  std::string name = args[1], role, unit, region, data_dir = "jixiao-data", db_url;
  bool password_stdin = false;
  for (size_t i = 2; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (args[i] == "--role" && has_value)
      role = args[++i];
    else if (args[i] == "--unit" && has_value)
      unit = args[++i];
    else if (args[i] == "--region" && has_value)
      region = args[++i];
    else if (args[i] == "--data" && has_value)
      data_dir = args[++i];
    else if (args[i] == "--db" && has_value)
      db_url = args[++i];
    else if (args[i] == "--password-stdin")
      password_stdin = true;
    else
      return Usage(self, true);
  }
  if (!password_stdin || role.empty()) return Usage(self, true);
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  try {
    std::filesystem::create_directories(data_dir);
    auto db = web::Db::Open(data_dir, db_url);
    std::string error = web::CreateUser(*db, name, role, unit, region, password);
    if (!error.empty()) {
      std::fprintf(stderr, "错误：%s\n", error.c_str());
      return 1;
    }
    db->Audit("(命令行)", "user.add", "user:" + name, "", role);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "错误：%s\n", e.what());
    return 1;
  }
  std::printf("已新建账号 %s（%s）\n", name.c_str(), web::RoleLabel(role));
  return 0;
}

}  // namespace jixiao::cli
