// Issue 21: each item of the evaluation page's 核验清单 links to where it is filled in: the
// indicator's row of the entry form, the metric's row, or the narrative section it names.
#include <catch2/catch.hpp>

#include "casefile/scaffold.h"
#include "report/builder.h"
#include "web/entry_places.h"

using jixiao::Location;
using jixiao::web::EntryLink;

TEST_CASE("a 核验清单 item links to its indicator's or metric's row of the entry form") {
  CHECK(EntryLink({"case.json", 74, 12, "$.findings.A11"}, "e1") == "/evaluations/e1/entry#f-A11");
  CHECK(EntryLink({"case.json", 0, 0, "$.findings.C31.deductions[0]"}, "e1") ==
        "/evaluations/e1/entry#f-C31");
  CHECK(EntryLink({"case.json", 0, 0, "$.metrics.政策知晓率"}, "e1") ==
        "/evaluations/e1/entry#m-%E6%94%BF%E7%AD%96%E7%9F%A5%E6%99%93%E7%8E%87");
  // A code that is not plain letters and digits is not put into the address: the form's top.
  CHECK(EntryLink({"case.json", 0, 0, "$.findings.A\"1"}, "e1") == "/evaluations/e1/entry");
  CHECK(EntryLink({"case.json", 0, 0, "$.findings"}, "e1") == "/evaluations/e1/entry");
}

TEST_CASE("the narrative to write links to the section it names") {
  std::string key;
  for (const auto& [k, heading] : jixiao::NarrativeSections(jixiao::report::DefaultTemplateDir()))
    if (!heading.empty() && key.empty()) key = k;
  REQUIRE(!key.empty());
  CHECK(EntryLink({"narrative/" + key + ".md", 0, 0, ""}, "e1") ==
        "/evaluations/e1/narrative#n-" + key);
}

TEST_CASE("a deduction's place names its row among the indicator's deductions (第N条)") {
  using jixiao::web::EntryPlace;
  CHECK(EntryPlace({"case.json", 0, 0, "$.findings.A21.deductions[0]"}) ==
        "“扣分明细”页 A21 扣分第1条");
  CHECK(EntryPlace({"case.json", 0, 0, "$.findings.A21.deductions[2].amount"}) ==
        "“扣分明细”页 A21 扣分第3条");
  CHECK(EntryPlace({"case.json", 0, 0, "$.findings.A21.deductions"}) == "“扣分明细”页 A21");
}
