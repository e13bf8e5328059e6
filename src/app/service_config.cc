// Reading /etc/jixiao/jixiao.conf (see service_config.h).
#include "app/service_config.h"

#include <set>
#include <sstream>

#include "core/text.h"

namespace jixiao {
namespace {

bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string CheckServiceValue(const std::string& key, const std::string& value) {
  if (key == "listen") {
    const size_t colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0)
      return "listen 应写成“地址:端口”，如 127.0.0.1:8080";
    const std::string port = value.substr(colon + 1);
    if (!AllDigits(port) || port.size() > 5 || std::stoi(port) < 1 || std::stoi(port) > 65535)
      return "listen 的端口应是 1 到 65535 之间的整数，如 127.0.0.1:8080";
    return "";
  }
  if (key == "db") {
    if (value.empty()) return "";
    const bool pg = StartsWith(value, "postgresql://") || StartsWith(value, "postgres://");
    if (!pg)
      return "db 应是 PostgreSQL 连接 URL，如 postgresql://jixiao@localhost:5432/jixiao；"
             "使用内置 SQLite 时留空";
    const std::string rest = value.substr(value.find("://") + 3);
    const size_t at = rest.find('@');
    const std::string user_part = at == std::string::npos ? "" : rest.substr(0, at);
    if (user_part.find(':') != std::string::npos || value.find("password=") != std::string::npos)
      return "db 中不能写密码（会出现在进程列表和日志中）：请删去 URL 中的密码，把密码写入 "
             "PGPASSFILE 指定的文件（见 docs/deploy.md 的 PostgreSQL 一节）";
    return "";
  }
  if (key == "data" || key == "tls-cert" || key == "tls-key") {
    if (!value.empty() && value[0] != '/')
      return key + " 应写绝对路径（以 / 开头），服务的工作目录不是配置文件所在目录";
    return "";
  }
  return "未知的配置项“" + key + "”：可用的键为 listen、data、db、tls-cert、tls-key";
}

bool ReadServiceConfig(const std::string& path, ServiceConfig& config, Diagnostics& diags) {
  std::string why;
  auto text = ReadFileBytes(path, &why);
  if (!text) {
    diags.Error("config.read", {path, 0, 0, ""}, "无法读取配置文件：" + why);
    return false;
  }
  const size_t errors_before = diags.ErrorCount();
  std::set<std::string> seen;
  std::istringstream lines(*text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const size_t eq = trimmed.find('=');
    if (eq == std::string::npos) {
      diags.Error("config.syntax", {path, number, 1, ""},
                  "每行应写成“键 = 值”（# 开头为注释），请改正这一行");
      continue;
    }
    const std::string key = Trim(trimmed.substr(0, eq)), value = Trim(trimmed.substr(eq + 1));
    if (const std::string reason = CheckServiceValue(key, value); !reason.empty()) {
      diags.Error("config.value", {path, number, 1, key}, reason);
      continue;
    }
    if (!seen.insert(key).second) {
      diags.Error("config.duplicate", {path, number, 1, key},
                  "配置项“" + key + "”写了两次，请只保留一行");
      continue;
    }
    if (key == "listen") config.listen = value;
    if (key == "data") config.data = value;
    if (key == "db") config.db = value;
    if (key == "tls-cert") config.tls_cert = value;
    if (key == "tls-key") config.tls_key = value;
  }
  if (config.tls_cert.empty() != config.tls_key.empty())
    diags.Error("config.tls", {path, 0, 0, config.tls_cert.empty() ? "tls-key" : "tls-cert"},
                "tls-cert 和 tls-key 须同时填写（直接提供 HTTPS）或同时留空（由 nginx 终止 TLS）");
  return diags.ErrorCount() == errors_before;
}

}  // namespace jixiao
