#include "web/framework_title.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

using jixiao::web::DerivedFrameworkTitle;

TEST_CASE("framework title: a framework made from a unit's table is named by its own title") {
  // As `jixiao new --targets` stores it: <case>/<case>-framework.json in the evaluation's folder.
  const std::string root = "/tmp/jixiao-fw-title-" + std::to_string(getpid());
  const std::string id = "8e82a1b2047b6885d65fb124";
  std::filesystem::create_directories(root + "/" + id);
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/indicators/town-medical-aid-2024.json");
  std::stringstream text;
  text << in.rdbuf();
  std::string json = text.str();
  const size_t at = json.find("\"id\"");
  REQUIRE(at != std::string::npos);
  const size_t open = json.find('"', json.find(':', at));
  const size_t close = json.find('"', open + 1);
  json.replace(open + 1, close - open - 1, id + "-framework");
  const size_t t = json.find("\"title\"");
  REQUIRE(t != std::string::npos);
  const size_t t_open = json.find('"', json.find(':', t));
  const size_t t_close = json.find('"', t_open + 1);
  json.replace(t_open + 1, t_close - t_open - 1, "马桥镇医疗救助项目评价指标体系（据绩效目标表）");
  std::ofstream(root + "/" + id + "/" + id + "-framework.json") << json;
  auto case_dir = [&](const std::string& doc) { return root + "/" + doc; };

  CHECK(DerivedFrameworkTitle(id + "-framework", case_dir) ==
        "马桥镇医疗救助项目评价指标体系（据绩效目标表）");
  // Not such a framework, or no folder: nothing (the caller says it is not registered).
  CHECK(DerivedFrameworkTitle("town-medical-aid-2024", case_dir).empty());
  CHECK(DerivedFrameworkTitle("0123456789abcdef01234567-framework", case_dir).empty());
  // Never a path from the store's text.
  CHECK(DerivedFrameworkTitle("../../etc/passwd-framework", case_dir).empty());
  CHECK(DerivedFrameworkTitle("8E82A1B2047B6885D65FB124-framework", case_dir).empty());
  std::filesystem::remove_all(root);
}
