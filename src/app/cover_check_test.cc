// The cover's signatories: a placeholder is named, a real agency is not (reader7 on xinqiao).
#include "app/cover_check.h"

#include <catch2/catch.hpp>

namespace jixiao {

TEST_CASE("cover: a （示例） or generic evaluator and lead are named, a real one is not") {
  Case c;
  c.dir = "case";
  c.project.evaluator = "（样例）评估公司";
  c.project.lead = "评价人";
  c.project.commissioner = "某区财政局";
  Diagnostics diags;
  CheckCoverSigned(c, diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].code == kCoverPlaceholderCode);
  CHECK(diags.items()[0].where.path == "$.project.evaluator");
  CHECK(diags.items()[1].where.path == "$.project.lead");
  CHECK(diags.items()[1].message.find("“评价人”") != std::string::npos);

  c.project.evaluator = "上海立丰税务师事务所有限公司";
  c.project.lead = "王某某";
  Diagnostics one;
  CheckCoverSigned(c, one);
  REQUIRE(one.items().size() == 1);  // 某某 marks a name still to fill in
  CHECK(one.items()[0].where.path == "$.project.lead");

  c.project.lead = "王明";
  c.project.evaluator = "";  // not given at all: the cover leaves the line out, nothing to sign
  Diagnostics none;
  CheckCoverSigned(c, none);
  CHECK(none.items().empty());
}

}  // namespace jixiao
