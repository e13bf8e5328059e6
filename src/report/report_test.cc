// Heading and table numbering by chapter and section; Chinese numerals.
#include <catch2/catch.hpp>

#include "report/builder.h"
#include "report/report_input.h"

namespace jixiao::report {

TEST_CASE("headings are numbered 一、/（一）/1.; tables by chapter and section; appendix 附表") {
  doc::Document d;
  d.blocks = {doc::Heading{1, "摘要 {-}"},
              doc::Heading{1, "项目概况"},
              doc::Heading{2, "背景"},
              doc::Heading{2, "预算"},
              doc::Heading{3, "支出"},
              doc::Table{},
              doc::Table{},
              doc::Heading{1, "评价结论"},
              doc::Table{},
              doc::Heading{1, "附件 {-}"},
              doc::Table{}};
  NumberDocument(d);
  CHECK(std::get<doc::Heading>(d.blocks[0]).text == "摘要");
  CHECK(std::get<doc::Heading>(d.blocks[1]).text == "一、项目概况");
  CHECK(std::get<doc::Heading>(d.blocks[3]).text == "（二）预算");
  CHECK(std::get<doc::Heading>(d.blocks[4]).text == "1.支出");
  CHECK(std::get<doc::Table>(d.blocks[5]).number == "表1-2-1");
  CHECK(std::get<doc::Table>(d.blocks[6]).number == "表1-2-2");
  CHECK(std::get<doc::Table>(d.blocks[8]).number == "表2-1");
  CHECK(std::get<doc::Table>(d.blocks[10]).number == "附表1");
}

TEST_CASE("Chinese numerals") {
  CHECK(ChineseNumber(4) == "四");
  CHECK(ChineseNumber(10) == "十");
  CHECK(ChineseNumber(12) == "十二");
  CHECK(ChineseNumber(21) == "二十一");
}

}  // namespace jixiao::report
