// Trial 3 item 11: an effect that shares many words with an output but names another thing is
// not “重复了产出指标” (环评审批 is not 验收, 实施情况 is not 实施时间); an effect that only
// restates an output still is.
#include <catch2/catch.hpp>

#include "targets/checker.h"
#include "targets/terms.h"

namespace jixiao::targets {
namespace {

std::vector<Issue> Check2(const std::string& output, const std::string& output_value,
                          const std::string& effect, const std::string& effect_value) {
  Table<TargetRow> t;
  t.present = true;
  auto add = [&](const char* l1, const char* l2, const std::string& l3, const std::string& value,
                 int line) {
    TargetRow row;
    row.level1 = l1, row.level2 = l2, row.level3 = l3, row.value = value, row.line = line;
    t.rows.push_back(row);
  };
  add("产出指标", "质量指标", output, output_value, 2);
  add("产出指标", "数量指标", "普通省道改造里程", "≥12公里", 3);
  add("效益指标", "社会效益指标", effect, effect_value, 4);
  add("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 5);
  return Check({t, nullptr, nullptr});
}

bool Restates(const std::vector<Issue>& issues) {
  for (const auto& i : issues)
    if (i.rule == "T26" && i.message.find("重复了产出指标") != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("names sharing words but each with its own are different things", "[targets][T26]") {
  CHECK(DifferentWords("交通建设符合环评审批要求", "建设符合验收要求"));
  CHECK(DifferentWords("项目实施情况", "项目实施时间"));
  CHECK_FALSE(DifferentWords("清算8个安置小区物业费", "安置小区物业费"));
  CHECK_FALSE(DifferentWords("居家养老上门服务", "居家养老上门服务覆盖"));  // one word only
}

TEST_CASE("T26 does not call a different effect a repeat of an output", "[targets][T26]") {
  CHECK_FALSE(Restates(Check2("建设符合验收要求", "符合", "交通建设符合环评审批要求", "符合")));
  CHECK_FALSE(Restates(Check2("项目实施时间", "2021年12月底前", "项目实施情况", "良好")));
  // A true repeat stays flagged.
  CHECK(Restates(Check2("安置小区物业费清算", "完成", "安置小区物业费清算到位", "到位")));
}

}  // namespace jixiao::targets

namespace jixiao::targets {

TEST_CASE("a clause-like quality name is not glued to a rate word", "[targets][T23]") {
  Table<TargetRow> t;
  t.present = true;
  TargetRow row;
  row.level1 = "产出指标", row.level2 = "质量指标", row.level3 = "建设符合验收要求";
  row.value = "符合", row.line = 2;
  t.rows.push_back(row);
  std::string suggestion;
  for (const auto& i : Check({t, nullptr, nullptr}))
    if (i.rule == "T23") suggestion = i.suggestion;
  CHECK(suggestion == "建设符合验收要求的比例=100%");
}

}  // namespace jixiao::targets
