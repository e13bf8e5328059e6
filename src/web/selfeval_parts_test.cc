// The stored edits of a 自评表 keep what was typed exactly, line breaks included.
#include "web/selfeval_parts.h"

#include <catch2/catch.hpp>

namespace jixiao::web {

TEST_CASE("an edit's text with line breaks and tabs comes back as typed") {
  const std::string reason = "两期培训延至次年\n因场地改造\t（见附件）";
  const std::string stored =
      EditLine(3, "偏差原因", reason) + EditLine(0, "总分", "88") + "2\t得分\t9\n";
  const auto edits = ReadEdits(stored);
  REQUIRE(edits.size() == 3);
  CHECK(edits[0].row == 3);
  CHECK(edits[0].field == "偏差原因");
  CHECK(edits[0].text == reason);
  CHECK(edits[1].field == "总分");
  CHECK(edits[1].text == "88");
  CHECK(edits[2].text == "9");  // lines stored before line breaks were kept read as before
}

}  // namespace jixiao::web
