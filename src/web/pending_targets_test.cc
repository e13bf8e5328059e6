// The 待确认 rows stay listed until confirmed or edited, wherever the page is opened.
#include "web/pending_targets.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace jixiao::web {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("待确认 rows are listed until the evaluator confirms or edits each") {
  const std::string dir =
      fs::temp_directory_path() / ("jixiao-pending-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  Write(dir + "/targets.csv",
        "一级,二级,三级,指标值类型,指标值,计量单位\n"
        "产出指标,数量,助餐服务人次,定量,≥54000,人次\n"
        "产出指标,质量,服务覆盖率,定量,=100%,%\n"
        "效益指标,社会效益,老人满意度,定量,≥90%,%\n");
  Diagnostics d;
  // As casefile/scaffold.cc words it, at the line of the unit's table (not the case's).
  const std::string rest = "是单位采纳修改建议后尚未确认的行：已按修改后的值取用";
  d.Warning("new.target_pending", {"/scratch/targets.csv", 7, 5, "指标值"},
            "“助餐服务人次”（指标值 ≥54000）" + rest);
  d.Warning("new.target_pending", {"/scratch/targets.csv", 9, 5, "指标值"},
            "“服务覆盖率”（指标值 100%）" + rest);
  d.Warning("new.unmapped", {"/scratch/targets.csv", 4, 3, "三级"}, "其他提示");
  RecordPendingTargets(dir, d);
  auto open = OpenPendingTargets(dir);
  REQUIRE(open.size() == 2);
  CHECK(open[0].line == 2);
  CHECK(open[0].indicator == "助餐服务人次");
  CHECK(open[0].value == "≥54000");
  CHECK(open[1].indicator == "服务覆盖率");
  CHECK(open[1].value == "=100%");  // the value as the case holds it

  SECTION("confirmed: gone, the other stays") {
    CHECK(ConfirmPendingTarget(dir, 2, "eval1"));
    open = OpenPendingTargets(dir);
    REQUIRE(open.size() == 1);
    CHECK(open[0].indicator == "服务覆盖率");
    CHECK_FALSE(ConfirmPendingTarget(dir, 2, "eval1"));  // already confirmed
    CHECK_FALSE(ConfirmPendingTarget(dir, 4, "eval1"));  // never pending
  }
  SECTION("the value edited in the case: no longer the unit's unconfirmed value") {
    Write(dir + "/targets.csv",
          "一级,二级,三级,指标值类型,指标值,计量单位\n"
          "产出指标,数量,助餐服务人次,定量,≥50000,人次\n"
          "产出指标,质量,服务覆盖率,定量,=100%,%\n");
    open = OpenPendingTargets(dir);
    REQUIRE(open.size() == 1);
    CHECK(open[0].indicator == "服务覆盖率");
    CHECK_FALSE(ConfirmPendingTarget(dir, 2, "eval1"));
  }
  SECTION("no 待确认 rows: no file written, nothing listed") {
    const std::string other = dir + "/other";
    fs::create_directories(other);
    fs::copy_file(dir + "/targets.csv", other + "/targets.csv");
    RecordPendingTargets(other, Diagnostics{});
    CHECK_FALSE(fs::exists(other + "/" + kPendingTargetsFile));
    CHECK(OpenPendingTargets(other).empty());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::web
