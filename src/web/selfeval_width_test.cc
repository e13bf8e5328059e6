// Issue 21: the 自评表 page reads full-width figures and says so at the field — under the saved
// value and in the live preview (width_notes), by the one notice of core/half_width.h.
#include <catch2/catch.hpp>

#include "web/selfeval_page.h"

namespace jixiao::web {
namespace {

TEST_CASE("a field typed in full width gets the one notice; half-width and prose get none") {
  CHECK(WidthNote("１２万元") ==
        "已按半角读取“１２万元”，即“12万元”（全角数字和符号按半角含义读取）");
  CHECK(WidthNote("12万元").empty());
  CHECK(WidthNote("").empty());
  CHECK(WidthNote("１，５").empty());  // ambiguous: the reader refuses it, no notice of a reading
  const auto notes = WidthNotes({{"a_0", "≥１００个"},
                                 {"s_0", "５"},
                                 {"r_0", "受疫情影响，完成９０％"},  // 偏差原因 is prose
                                 {"b_done", "４４．４２"},
                                 {"a_1", "105个"}});
  CHECK(notes.size() == 3);
  CHECK(notes.count("a_0"));
  CHECK(notes.count("s_0"));
  CHECK(notes.count("b_done"));
}

TEST_CASE("the live preview carries the notices by field, as text for the page's script") {
  SelfEvalResult r;
  const std::string json =
      PreviewResultJson(r, FillProgress{}, {}, {{"a_0", "已按半角读取“５”，即“5”"}});
  CHECK(
      json.find("\"width_notes\":[{\"field\":\"a_0\",\"message\":\"已按半角读取“５”，即“5”\"}]") !=
      std::string::npos);
  CHECK(PreviewResultJson(r, FillProgress{}, {}).find("\"width_notes\":[]") != std::string::npos);
}

}  // namespace
}  // namespace jixiao::web
