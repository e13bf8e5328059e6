#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "app/targets_app.h"

using namespace jixiao;

namespace {

// A table with 产出 and 成本 only: 效益 and 满意度 missing, 满意度 last in the national order.
TargetFile LoadCsv(const std::string& csv) {
  std::string dir = "/tmp/jixiao-targets-edit-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/targets.csv") << csv;
  Diagnostics diags;
  auto file = LoadTargetTable(dir + "/targets.csv", diags);
  std::filesystem::remove_all(dir);
  REQUIRE(file);
  return *file;
}

const targets::Issue* Find(const std::vector<targets::Issue>& issues, const std::string& what) {
  for (const auto& i : issues)
    if (i.message.find(what) != std::string::npos) return &i;
  return nullptr;
}

const char* kTable =
    "一级,二级,三级,指标值\n"
    "产出指标,数量指标,上门服务人次,≥30000人次\n"
    ",质量指标,服务合格率,≥95%\n"
    ",时效指标,完成时间,12月底前\n"
    "成本指标,经济成本指标,项目总成本,≤200万元\n"
    "满意度指标,服务对象满意度指标,老人满意度,≥90%\n";

}  // namespace

TEST_CASE(
    "targets edit: a missing 效益 group is offered and added where the national order puts it") {
  TargetFile file = LoadCsv(kTable);
  auto issues = CheckTargetTable(file, nullptr);
  const targets::Issue* missing = Find(issues, "缺少效益指标");
  REQUIRE(missing);
  auto group = MissingGroupOf(*missing);
  REQUIRE(group);
  CHECK(group->level1 == "效益指标");
  REQUIRE_FALSE(group->level2s.empty());
  CHECK(group->level2s.front() == "社会效益指标");
  // Rows' own findings are not whole-table groups.
  for (const auto& i : issues)
    if (i.row != 0) CHECK_FALSE(MissingGroupOf(i));

  TargetRowEdit add;
  add.kind = TargetRowEdit::Kind::kAddToGroup;
  add.level1 = "效益指标";
  add.level2 = "社会效益指标";
  add.level3 = "老人居家安全保障";
  add.value = "≥95%";
  FixedTable out = EditTargetTable(file, {add});
  // After the 成本 row, before the 满意度 row; the 满意度 row keeps its own 一级.
  const size_t cost = out.csv.find("项目总成本");
  const size_t added = out.csv.find("效益指标,社会效益指标,老人居家安全保障,≥95%");
  const size_t satisfaction = out.csv.find("满意度指标,服务对象满意度指标,老人满意度");
  REQUIRE(added != std::string::npos);
  CHECK(cost < added);
  CHECK(added < satisfaction);
  REQUIRE(out.changes.size() == 1);
  CHECK(out.changes[0].after.find("效益指标/社会效益指标/老人居家安全保障") != std::string::npos);

  // Re-checked, the finding is gone.
  std::string dir = "/tmp/jixiao-targets-edit2-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/targets.csv") << out.csv;
  Diagnostics diags;
  auto again = LoadTargetTable(dir + "/targets.csv", diags);
  std::filesystem::remove_all(dir);
  REQUIRE(again);
  CHECK(again->targets.rows.size() == 6);
  CHECK_FALSE(Find(CheckTargetTable(*again, nullptr), "缺少效益指标"));
}

TEST_CASE("targets edit: a row under a merged 一级 is added after that group's last row") {
  const char* table =
      "一级,二级,三级,指标值\n"
      "产出指标,数量指标,上门服务人次,≥30000人次\n"
      ",,助餐人次,≥5000人次\n"
      "效益指标,社会效益指标,安全保障,≥95%\n";
  TargetFile file = LoadCsv(table);
  auto issues = CheckTargetTable(file, nullptr);
  const targets::Issue* cost = Find(issues, "没有成本目标");
  REQUIRE(cost);
  auto group = MissingGroupOf(*cost);
  REQUIRE(group);
  CHECK(group->level1 == "成本指标");
  const targets::Issue* quality = Find(issues, "缺少产出指标中的“质量”类目标");
  REQUIRE(quality);
  REQUIRE(MissingGroupOf(*quality));
  CHECK(MissingGroupOf(*quality)->level2s == std::vector<std::string>{"质量指标"});

  TargetRowEdit add;
  add.kind = TargetRowEdit::Kind::kAddToGroup;
  add.level1 = "产出指标";
  add.level2 = "质量指标";
  add.level3 = "服务合格率";
  add.value = "≥95%";
  FixedTable out = EditTargetTable(file, {add});
  CHECK(out.csv.find("助餐人次,≥5000人次\r\n产出指标,质量指标,服务合格率,≥95%\r\n效益指标") !=
        std::string::npos);
}
