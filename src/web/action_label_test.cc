// Every action the handlers write to the audit log is shown to people (审计日志, 版本记录 改动明细)
// through ActionLabel: none may reach a page as an internal key such as "targets.edit".
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "web/handlers.h"

namespace {

// "PDF" is the one Latin word users know (生成 PDF); any other letter is an internal key.
bool HasAsciiLetter(std::string s) {
  for (auto at = s.find("PDF"); at != std::string::npos; at = s.find("PDF")) s.erase(at, 3);
  for (unsigned char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

}  // namespace

TEST_CASE("audit: every literal action a handler records has a Chinese label") {
  namespace fs = std::filesystem;
  const std::regex audit(R"re(Audit\(\s*ctx,\s*"([^"]+)")re");
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / "src/web")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".cc" || name.find("_test") != std::string::npos) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator m(source.begin(), source.end(), audit), end; m != end; ++m) {
      const std::string action = (*m)[1];
      ++seen;
      // Actions ending in a space are followed by a rule or field name in Chinese.
      const std::string shown = jixiao::web::ActionLabel(action + "手工修改");
      INFO(name << ": " << action << " → " << shown);
      CHECK_FALSE(HasAsciiLetter(shown));
    }
  }
  CHECK(seen > 15);
}

TEST_CASE("audit: a hand edit of a 绩效目标表 row reads as what was done") {
  CHECK(jixiao::web::ActionLabel("targets.edit 手工修改") == "手工修改");
  CHECK(jixiao::web::ActionLabel("targets.edit 手工删除") == "手工删除");
}
