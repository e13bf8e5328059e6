#include <catch2/catch.hpp>

#include "web/selfeval_page.h"

namespace jixiao::web {
namespace {

TEST_CASE("a 自评表 made from a 绩效目标表 is titled by its project, not by the table") {
  // The browser trial saw “社区老年助餐项目绩效目标表 自评表”.
  CHECK(SelfEvalTitleFromTargets("社区老年助餐项目绩效目标表") == "社区老年助餐项目 自评表");
  CHECK(SelfEvalTitleFromTargets("社区养老项目支出绩效目标申报表") == "社区养老项目 自评表");
  CHECK(SelfEvalTitleFromTargets(" 农村公路建设项目绩效目标申报表 ") == "农村公路建设项目 自评表");
  CHECK(SelfEvalTitleFromTargets("古美社区居家养老服务项目绩效目标表（示例）") ==
        "古美社区居家养老服务项目（示例） 自评表");
  // A title that is no table's name, or only the table's name, is kept whole.
  CHECK(SelfEvalTitleFromTargets("社区老年助餐") == "社区老年助餐 自评表");
  CHECK(SelfEvalTitleFromTargets("绩效目标表") == "绩效目标表 自评表");
}

TEST_CASE("the project FillKnownHeader reads back from such a title is the project") {
  Doc doc;
  doc.title = SelfEvalTitleFromTargets("社区老年助餐项目绩效目标表");
  doc.unit = "古美社区";
  SelfEvaluation form;
  FillKnownHeader(doc, form);
  CHECK(form.header.project.text == "社区老年助餐项目");
}

}  // namespace
}  // namespace jixiao::web
