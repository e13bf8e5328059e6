// `selfeval new`'s 年度: from --year, the table's project.json "年度", or a year in the table's
// folder name — with a 提示 saying which — and a warning naming the cell to fill when none says.
#include "app/selfeval_form_app.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "app/selfeval_workbook_check.h"

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

namespace {

std::string WriteBytesTo(const std::string& name, const std::string& bytes) {
  const fs::path p =
      fs::temp_directory_path() / ("selfeval-rt-" + std::to_string(::getpid()) + name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

// Each finding as "code@place" (the place without the file: the two forms have other names).
std::multiset<std::string> Findings(const SelfEvalResult& r) {
  std::multiset<std::string> out;
  for (const Diagnostic* d : r.AllFindings()) out.insert(d->code + "@" + d->message);
  return out;
}

}  // namespace

TEST_CASE("selfeval new: a blank generated form checks with only not-yet-filled notices") {
  Diagnostics rd;
  auto rules = ResolveSelfEvalRules("", rd);
  REQUIRE(rules);
  Diagnostics d;
  std::string dir = Folder("blank-2024", "");
  auto xlsx = NewSelfEvalForm(dir, *rules, d, {"", dir});
  REQUIRE(xlsx);
  SelfEvalCheck c = CheckSelfEvalWorkbookFile(WriteBytesTo("blank.xlsx", *xlsx), *rules);
  REQUIRE(c.form);
  for (const auto& item : c.reading.items()) {
    INFO(item.code + " " + item.where.path + " " + item.message);
    CHECK(item.severity != Severity::kError);
  }
  for (const Diagnostic* f : c.result.AllFindings()) {
    INFO(f->code + " " + f->where.path + " " + f->message);
    CHECK(f->severity != Severity::kError);
  }
  // The label 实际完成情况 under 全年执行数 is no amount; the budget 分值 (10) is read.
  CHECK(c.form->budget.executed.text.empty());
  REQUIRE(c.form->budget.weight.value);
  CHECK(*c.form->budget.weight.value == rules->budget.points);
}

TEST_CASE("selfeval: filled in as the page does, the downloaded form checks the same") {
  Diagnostics rd;
  auto rules = ResolveSelfEvalRules("", rd);
  REQUIRE(rules);
  Diagnostics d;
  std::string dir = Folder("roundtrip", "");
  // What the web page knows (no 年度, 项目名称 or 单位 in the table itself).
  auto xlsx = NewSelfEvalForm(dir, *rules, d, {"", "", "2024", "技能培训项目", "某某街道"});
  REQUIRE(xlsx);
  SelfEvalCheck c = CheckSelfEvalWorkbookFile(WriteBytesTo("new.xlsx", *xlsx), *rules);
  REQUIRE(c.form);
  CHECK(c.form->header.year.text == "2024");
  CHECK(c.form->header.project.text == "技能培训项目");
  CHECK(c.form->header.unit.text == "某某街道");
  std::string why;
  for (auto [field, text] :
       std::vector<std::pair<std::string, std::string>>{{"全年预算数", "100万元"},
                                                        {"全年执行数", "89.1万元"},
                                                        {"预算偏差原因", "两笔采购延至次年支付"}})
    REQUIRE(EditSelfEval(*c.form, 0, field, text, &why));
  REQUIRE(EditSelfEval(*c.form, 0, "实际完成值", "120人次", &why));
  REQUIRE(EditSelfEval(*c.form, 1, "实际完成值", "50%", &why));
  REQUIRE(EditSelfEval(*c.form, 1, "偏差原因", "就业市场收紧", &why));
  c.result = RescoreSelfEval(*c.form, *rules);
  REQUIRE(c.result.budget.rate);
  auto files = ScoreSelfEvalForm(c, *rules, "filled", d);
  REQUIRE(files);
  SelfEvalCheck back =
      CheckSelfEvalWorkbookFile(WriteBytesTo("filled.xlsx", files->front().bytes), *rules);
  REQUIRE(back.form);
  CHECK(back.form->budget.reason.text == "两笔采购延至次年支付");
  CHECK(back.form->header.year.text == "2024");
  CHECK(back.form->header.project.text == "技能培训项目");
  CHECK(back.form->header.unit.text == "某某街道");
  REQUIRE(back.result.computed_total);
  REQUIRE(c.result.computed_total);
  CHECK(*back.result.computed_total == *c.result.computed_total);
  std::multiset<std::string> page = Findings(c.result), file = Findings(back.result);
  // The download prints 得分 and 总分, so "not filled" notices for them may go; none other may.
  for (const auto& f : file) {
    INFO(f);
    CHECK(page.count(f) > 0);
  }
  for (const auto& f : page) {
    if (f.find("score_missing") != std::string::npos ||
        f.find("total_missing") != std::string::npos)
      continue;
    INFO(f);
    CHECK(file.count(f) > 0);
  }
}

}  // namespace jixiao
