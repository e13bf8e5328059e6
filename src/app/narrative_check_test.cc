// validate lints the framework's texts as it lints narrative (issue 22): a planted slip each.
#include "app/narrative_check.h"

#include <catch2/catch.hpp>

namespace jixiao {

TEST_CASE("framework texts: ASCII brackets and a dash range are warned at the indicator") {
  Framework fw;
  Indicator leaf;
  leaf.code = "A32";
  leaf.criteria = "预算调整率为0得满分；5%-10%(含)得分值的50%。";
  leaf.explanation = "资金分配依据是否充分。";
  leaf.where = {"fw.json", 12, 5, "$.indicators[0]"};
  fw.indicators = {leaf};
  Diagnostics diags;
  LintFrameworkTexts(fw, diags);
  REQUIRE(diags.items().size() == 2);
  for (const auto& d : diags.items()) {
    CHECK(d.code == "framework.text");
    CHECK(d.where.file == "fw.json");
    CHECK(d.message.rfind("指标 A32 的评分标准：", 0) == 0);
  }
  fw.indicators[0].criteria = "预算调整率为0得满分；5%～10%（含）得分值的50%。";
  Diagnostics clean;
  LintFrameworkTexts(fw, clean);
  CHECK(clean.items().empty());
}

}  // namespace jixiao
