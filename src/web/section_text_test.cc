// A narrative section sent back as it was is no change (webtrial5 item 10).
#include "web/section_text.h"

#include <catch2/catch.hpp>

namespace jixiao::web {

TEST_CASE("a section sent back as the browser sends it is not a change") {
  // The textarea drops the leading newline and sends CRLF: the same text.
  CHECK_FALSE(
      SectionTextChanged("\n完成情况\n\n项目按计划实施。\n", "完成情况\r\n\r\n项目按计划实施。"));
  CHECK_FALSE(SectionTextChanged("完成情况", "完成情况"));
  // A real change, inside the text, is one.
  CHECK(SectionTextChanged("完成情况\n项目按计划实施。", "完成情况\n项目已按计划实施。"));
  CHECK(SectionTextChanged("完成情况\n\n项目", "完成情况\n项目"));  // a paragraph joined
  CHECK(SectionTextChanged("", "新写的一节"));
}

}  // namespace jixiao::web
