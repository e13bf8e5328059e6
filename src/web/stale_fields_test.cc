#include "web/stale_fields.h"

#include <catch2/catch.hpp>

using jixiao::TargetRow;
using jixiao::web::ChangesSentence;
using jixiao::web::MergeStale;
using jixiao::web::TargetRowChanges;

TEST_CASE("stale save: the writer's typed fields are kept, the newer version's changes named") {
  const std::vector<std::pair<std::string, std::string>> labels = {
      {"a_0", "第14行 培训人次 实际完成值"},
      {"r_0", "第14行 培训人次 偏差原因"},
      {"a_1", "第15行 合格率 实际完成值"},
      {"r_1", "第15行 合格率 偏差原因"}};
  // A saved a reason on row 14; B (who opened the same version) typed row 15 and left row 14.
  const std::map<std::string, std::string> opened = {{"a_0", "400人次"}, {"r_0", ""}};
  const std::map<std::string, std::string> newer = {{"a_0", "400人次"}, {"r_0", "场地改造"}};
  const std::map<std::string, std::string> typed = {
      {"a_0", "400人次"}, {"r_0", ""}, {"a_1", " 96% "}, {"r_1", "抽检延后"}};
  auto m = MergeStale(labels, opened, newer, typed);
  // B's two values are kept as typed; row 14 shows A's reason (B did not change it).
  CHECK(m.kept.size() == 2);
  CHECK(m.kept.at("a_1") == " 96% ");
  CHECK(m.kept.at("r_1") == "抽检延后");
  CHECK(m.kept.count("r_0") == 0);
  REQUIRE(m.changes.size() == 1);
  CHECK(m.changes[0] ==
        "第14行 培训人次 偏差原因：他人改为“场地改造”（原为空）；您未改动此处，下面显示他人的新值");
}

TEST_CASE("stale save: both changed one field — both values named, the writer's kept") {
  const std::vector<std::pair<std::string, std::string>> labels = {{"s_2", "第16行 满意度 得分"},
                                                                   {"total", "表上总分"}};
  auto m = MergeStale(labels, {{"s_2", "8"}, {"total", "90"}}, {{"s_2", "9"}, {"total", "91"}},
                      {{"s_2", "10"}, {"total", "91"}});
  CHECK(m.kept.at("s_2") == "10");
  CHECK(m.kept.at("total") == "91");
  REQUIRE(m.changes.size() == 2);
  CHECK(m.changes[0] ==
        "第16行 满意度 "
        "得分：他人改为“9”（原为“8”）；您填写的是“10”（下面保留您的填写，保存即以它为准）");
  CHECK(m.changes[1] == "表上总分：他人改为“91”（原为“90”）；与您填写的相同");
}

TEST_CASE("stale table save: the rows the newer version changed, added or deleted are named") {
  auto row = [](int line, const char* name, const char* value) {
    TargetRow r;
    r.line = line, r.level3 = name, r.value = value;
    return r;
  };
  const std::vector<TargetRow> opened = {row(2, "培训人次", "≥300人次"), row(3, "合格率", "≥95%"),
                                         row(4, "满意度", "≥90%")};
  const std::vector<TargetRow> newer = {row(2, "培训人次", "≥400人次"), row(3, "合格率", "≥95%"),
                                        row(5, "受益户数", "≥1200户")};
  auto changes = TargetRowChanges(opened, newer);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0] == "第2行：他人改为“培训人次 ≥400人次”（原为“培训人次 ≥300人次”）");
  CHECK(changes[1] == "第4行：他人删除“满意度 ≥90%”");
  CHECK(changes[2] == "第5行：他人添加“受益户数 ≥1200户”");
  CHECK(ChangesSentence(changes, 2) ==
        "其间改动：" + changes[0] + "；" + changes[1] + "；等 3 处。");
  CHECK(ChangesSentence({}).empty());
}
