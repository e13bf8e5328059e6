// `selfeval new`'s 年度: from --year, the table's project.json "年度", or a year in the table's
// folder name — with a 提示 saying which — and a warning naming the cell to fill when none says.
#include "app/selfeval_form_app.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace jixiao {
namespace {

namespace fs = std::filesystem;

// A targets folder named `name` holding targets.csv and, when given, project.json.
std::string Folder(const std::string& name, const std::string& project_json) {
  const fs::path root = fs::temp_directory_path() / ("selfeval-year-" + std::to_string(::getpid()));
  const fs::path dir = root / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "targets.csv") << "一级,二级,三级,指标值\n"
                                        "产出指标,数量指标,培训人次,≥100人次\n"
                                        "效益指标,社会效益指标,就业率,≥60%\n";
  if (!project_json.empty()) std::ofstream(dir / "project.json") << project_json;
  return dir.string();
}

const Diagnostic* Find(const Diagnostics& d, const std::string& code) {
  for (const auto& item : d.items())
    if (item.code == code) return &item;
  return nullptr;
}

}  // namespace

TEST_CASE("selfeval new: the 年度 comes from --year, project.json or the name, and says which") {
  Diagnostics rd;
  auto rules = ResolveSelfEvalRules("", rd);
  REQUIRE(rules);
  SECTION("project.json 年度") {
    Diagnostics d;
    std::string dir = Folder("plain", R"({"项目名称": "培训", "年度": 2024})");
    REQUIRE(NewSelfEvalForm(dir, *rules, d, {"", dir}));
    const Diagnostic* y = Find(d, "selfeval.year");
    REQUIRE(y);
    CHECK(y->severity == Severity::kInfo);
    CHECK(y->message.find("2024年") != std::string::npos);
    CHECK(y->message.find("project.json") != std::string::npos);
    CHECK_FALSE(Find(d, "selfeval.year_missing"));
  }
  SECTION("--year wins over project.json") {
    Diagnostics d;
    std::string dir = Folder("plain", R"({"年度": "2024年度"})");
    REQUIRE(NewSelfEvalForm(dir, *rules, d, {"2025", dir}));
    REQUIRE(Find(d, "selfeval.year"));
    CHECK(Find(d, "selfeval.year")->message.find("2025年，取自命令行 --year") != std::string::npos);
  }
  SECTION("a year standing alone in the folder name") {
    Diagnostics d;
    std::string dir = Folder("training-2022", "");
    REQUIRE(NewSelfEvalForm(dir, *rules, d, {"", dir}));
    REQUIRE(Find(d, "selfeval.year"));
    CHECK(Find(d, "selfeval.year")->message.find("2022年") != std::string::npos);
    CHECK(Find(d, "selfeval.year")->message.find("training-2022") != std::string::npos);
  }
  SECTION("nothing says: a warning naming the cell, never a silent blank") {
    Diagnostics d;
    std::string dir = Folder("training-12345", "");  // digits, but no year standing alone
    REQUIRE(NewSelfEvalForm(dir, *rules, d, {"", dir}));
    const Diagnostic* w = Find(d, "selfeval.year_missing");
    REQUIRE(w);
    CHECK(w->severity == Severity::kWarning);
    CHECK(w->where.path == "自评表!A2");
    CHECK(w->message.find("--year") != std::string::npos);
    CHECK_FALSE(Find(d, "selfeval.year"));
  }
  SECTION("a malformed --year is a located error") {
    Diagnostics d;
    std::string dir = Folder("plain", "");
    CHECK_FALSE(NewSelfEvalForm(dir, *rules, d, {"23", dir}));
    CHECK(d.HasErrors());
  }
  CHECK(NormalizeSelfEvalYear("2023年度") == "2023");
  CHECK(NormalizeSelfEvalYear(" 2023 ") == "2023");
  CHECK(NormalizeSelfEvalYear("3023").empty());
  CHECK(NormalizeSelfEvalYear("二〇二三").empty());
}

}  // namespace jixiao
