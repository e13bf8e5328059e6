// Trial 4 item 9: the published 财政部 template's empty rows (指标2, ……) are not numbered, and
// 一级/ 二级 are printed once per group as merged cells print them.
#include "web/selfeval_rows.h"

#include <catch2/catch.hpp>

namespace jixiao::web {

namespace {
SelfEvalRow Row(const std::string& l1, const std::string& l2, const std::string& l3,
                bool template_row = false) {
  SelfEvalRow r;
  r.level1.text = l1;
  r.level2.text = l2;
  r.level3.text = l3;
  r.template_row = template_row;
  return r;
}
}  // namespace

TEST_CASE("self-evaluation page rows: template rows unnumbered, groups spanned",
          "[web][selfeval]") {
  SelfEvaluation form;
  form.rows = {Row("产出指标", "数量指标", "指标1工程资金金额"),
               Row("", "", "指标2", true),
               Row("", "", "……", true),
               Row("", "质量指标", "指标1工程完工率"),
               Row("", "", "指标2工程验收合格率"),
               Row("", "", "……", true),
               Row("效益指标", "经济效益指标", "指标1安全率"),
               Row("", "", "指标2", true),
               Row("", "生态效益指标", "指标1", true),
               Row("", "可持续影响指标", "指标1长期使用性"),
               Row("满意度指标", "服务对象满意度指标", "指标1学生满意度")};
  const auto rows = ShownRows(form);
  REQUIRE(rows.size() == 6);
  std::vector<int> numbers, indices;
  for (const auto& r : rows) numbers.push_back(r.number), indices.push_back(int(r.index));
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(indices == std::vector<int>{0, 3, 4, 6, 9, 10});
  CHECK(rows[0].level1 == "产出指标");
  CHECK(rows[0].level1_span == 3);
  CHECK(rows[1].level1_span == 0);
  CHECK(rows[0].level2_span == 1);
  CHECK(rows[1].level2 == "质量指标");
  CHECK(rows[1].level2_span == 2);
  CHECK(rows[2].level2_span == 0);
  CHECK(rows[3].level1 == "效益指标");
  CHECK(rows[3].level1_span == 2);
  CHECK(rows[4].level2 == "可持续影响指标");  // not 生态效益: its only row is a template row
  CHECK(rows[4].level2_span == 1);
  CHECK(rows[5].level1_span == 1);
  CHECK(ShownNumber(form, 4) == 3);
  CHECK(ShownNumber(form, 1) == 0);
}

}  // namespace jixiao::web
