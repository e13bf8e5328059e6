// NewCase with project fields already known (the web page's 新建评价 form): they land in
// case.json's "project", so the entry workbook's 项目信息 is not blank and nobody types them twice.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "casefile/scaffold.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("new case: project fields given by the caller are written to case.json") {
  const fs::path dir =
      fs::temp_directory_path() / ("scaffold-project-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  NewCaseOptions options;
  options.dir = dir.string();
  options.framework = "national-2020";
  options.templates_dir = (fs::path(JIXIAO_SOURCE_DIR) / "templates/report").string();
  options.project = {{"name", "2026年古美社区老年助餐项目"},
                     {"year", "2026"},
                     {"town", "古美路街道"},
                     {"unit", "古美路街道社区事务受理服务中心"},
                     {"authority", "古美路街道办事处"},
                     {"district", ""}};
  Diagnostics diags;
  std::string summary;
  REQUIRE(NewCase(options, diags, summary));
  const std::string json = ReadAll(dir / "case.json");
  CHECK(json.find("\"name\": \"2026年古美社区老年助餐项目\"") != std::string::npos);
  CHECK(json.find("\"year\": \"2026\"") != std::string::npos);
  CHECK(json.find("\"town\": \"古美路街道\"") != std::string::npos);
  CHECK(json.find("\"unit\": \"古美路街道社区事务受理服务中心\"") != std::string::npos);
  CHECK(json.find("\"authority\": \"古美路街道办事处\"") != std::string::npos);
  CHECK(json.find("\"district\": \"\"") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao
