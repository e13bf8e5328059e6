// The serve configuration file: the shipped file parses, every key is read, and each mistake is a
// located Chinese error (no password ever echoed).
#include "app/service_config.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

namespace jixiao {
namespace {

// Writes `text` to a fresh temporary file and returns its path; removed by the destructor.
struct ConfigFile {
  std::string path;
  explicit ConfigFile(const std::string& text) {
    static int n = 0;
    path = "/tmp/jixiao-config-test-" + std::to_string(getpid()) + "-" + std::to_string(n++);
    std::ofstream(path) << text;
  }
  ~ConfigFile() { std::remove(path.c_str()); }
};

std::string AllMessages(const Diagnostics& diags) {
  std::string all;
  for (const auto& d : diags.items()) all += d.ToString() + "\n";
  return all;
}

}  // namespace

TEST_CASE("The shipped /etc/jixiao/jixiao.conf reads cleanly") {
  ServiceConfig config;
  Diagnostics diags;
  CHECK(
      ReadServiceConfig(std::string(JIXIAO_SOURCE_DIR) + "/packaging/jixiao.conf", config, diags));
  CHECK(AllMessages(diags).empty());
  CHECK(config.listen == "127.0.0.1:8080");
  CHECK(config.data == "/var/lib/jixiao");
  CHECK(config.db.empty());
  CHECK(config.tls_cert.empty());
}

TEST_CASE("Every key is read; spaces, comments and blank lines are ignored") {
  ConfigFile f(
      "# comment\n\n  listen =  0.0.0.0:9443 \ndata=/srv/jixiao\n"
      "db = postgresql://jixiao@db.internal:5432/jixiao\n"
      "tls-cert = /etc/jixiao/tls/cert.pem\ntls-key = /etc/jixiao/tls/key.pem\n");
  ServiceConfig config;
  Diagnostics diags;
  CHECK(ReadServiceConfig(f.path, config, diags));
  CHECK(config.listen == "0.0.0.0:9443");
  CHECK(config.data == "/srv/jixiao");
  CHECK(config.db == "postgresql://jixiao@db.internal:5432/jixiao");
  CHECK(config.tls_cert == "/etc/jixiao/tls/cert.pem");
  CHECK(config.tls_key == "/etc/jixiao/tls/key.pem");
}

TEST_CASE("Mistakes are located errors naming the line") {
  ConfigFile f(
      "listen = 127.0.0.1\n"       // 1: no port
      "port = 8080\n"              // 2: unknown key
      "data /var/lib/jixiao\n"     // 3: no '='
      "data = relative/folder\n"   // 4: not absolute
      "db = mysql://x@y/z\n"       // 5: not PostgreSQL
      "listen = 127.0.0.1:8080\n"  // 6: fine
      "listen = 127.0.0.1:8081\n"  // 7: twice
      "tls-cert = /etc/c.pem\n");  // no tls-key
  ServiceConfig config;
  Diagnostics diags;
  CHECK_FALSE(ReadServiceConfig(f.path, config, diags));
  const std::string all = AllMessages(diags);
  CHECK(all.find(f.path + ":1:1") != std::string::npos);
  CHECK(all.find("地址:端口") != std::string::npos);
  CHECK(all.find(f.path + ":2:1") != std::string::npos);
  CHECK(all.find("未知的配置项“port”") != std::string::npos);
  CHECK(all.find(f.path + ":3:1") != std::string::npos);
  CHECK(all.find(f.path + ":4:1") != std::string::npos);
  CHECK(all.find("绝对路径") != std::string::npos);
  CHECK(all.find(f.path + ":5:1") != std::string::npos);
  CHECK(all.find(f.path + ":6:") == std::string::npos);
  CHECK(all.find(f.path + ":7:1") != std::string::npos);
  CHECK(all.find("写了两次") != std::string::npos);
  CHECK(all.find("tls-cert 和 tls-key 须同时填写") != std::string::npos);
  CHECK(diags.ErrorCount() == 7);
  CHECK(config.listen == "127.0.0.1:8080");  // the good line 6
}

TEST_CASE("A password in the db URL is refused and never repeated") {
  for (const std::string url : {"postgresql://jixiao:S3cret-pw@localhost/jixiao",
                                "postgresql://jixiao@localhost/jixiao?password=S3cret-pw"}) {
    ConfigFile f("db = " + url + "\n");
    ServiceConfig config;
    Diagnostics diags;
    CHECK_FALSE(ReadServiceConfig(f.path, config, diags));
    const std::string all = AllMessages(diags);
    CHECK(all.find("PGPASSFILE") != std::string::npos);
    CHECK(all.find("S3cret-pw") == std::string::npos);
    CHECK(config.db.empty());
  }
}

TEST_CASE("An unreadable configuration file is an error naming it") {
  ServiceConfig config;
  Diagnostics diags;
  CHECK_FALSE(ReadServiceConfig("/nonexistent/jixiao.conf", config, diags));
  REQUIRE(diags.ErrorCount() == 1);
  CHECK(diags.items()[0].where.file == "/nonexistent/jixiao.conf");
  CHECK(CheckServiceValue("listen", "127.0.0.1:70000") != "");
  CHECK(CheckServiceValue("listen", "[::1]:8080") == "");
  CHECK(CheckServiceValue("db", "") == "");
}

}  // namespace jixiao
