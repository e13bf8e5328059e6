// Quotes inside quotes and ISO dates (issue 22): planted slips each pass must mend.
#include "report/running_text.h"

#include <catch2/catch.hpp>

namespace jixiao::report {

TEST_CASE("running text: a quote inside a quote becomes ‘…’") {
  CHECK(NestQuotes("对“民生保险“沪惠保”补贴项目”进行评价") ==
        "对“民生保险‘沪惠保’补贴项目”进行评价");
  CHECK(NestQuotes("“免申即享”和“沪惠保”") == "“免申即享”和“沪惠保”");  // siblings stay
  CHECK(NestQuotes("“a‘b’c”") == "“a‘b’c”");                            // already right
  // Across the runs of one paragraph (a bold name inside a quoted title).
  std::string open;
  std::string first = NestQuotes("“民生保险", &open), second = NestQuotes("“沪惠保”项目”", &open);
  CHECK(first + second == "“民生保险‘沪惠保’项目”");
  CHECK(open.empty());
  // Other characters that share the quotes' first byte (… — ≥ ‰), and a cut-off sequence at the
  // end, pass through unchanged.
  CHECK(NestQuotes("“≥90%…—‰“甲””\xE2\x80") == "“≥90%…—‰‘甲’”\xE2\x80");
  CHECK(NestQuotes("") == "");
}

TEST_CASE("running text: ISO dates read as the report writes dates") {
  CHECK(ChineseDates("截至2024-12-31，项目实际支出") == "截至2024年12月31日，项目实际支出");
  CHECK(ChineseDates("2024-01-01至2024-1-5") == "2024年1月1日至2024年1月5日");
  CHECK(ChineseDates("沪医保规〔2022〕12号，编号12024-12-31") ==
        "沪医保规〔2022〕12号，编号12024-12-31");
  CHECK(ChineseDates("0–5%，2024-13-01") == "0–5%，2024-13-01");
}

TEST_CASE("running text: the pass covers paragraphs, headings and cells; cells keep ISO dates") {
  doc::Document d;
  doc::Paragraph p;
  p.runs = {doc::Run{"截至2024-12-31，“民生保险“沪惠保”补贴项目”"}};
  d.blocks.push_back(p);
  doc::Table t;
  t.rows = {{doc::Cell{"“a“b”c”"}, doc::Cell{"2024-12-31"}}};
  d.blocks.push_back(t);
  TidyRunningText(d);
  CHECK(doc::PlainText(std::get<doc::Paragraph>(d.blocks[0]).runs) ==
        "截至2024年12月31日，“民生保险‘沪惠保’补贴项目”");
  CHECK(std::get<doc::Table>(d.blocks[1]).rows[0][0].text == "“a‘b’c”");
  CHECK(std::get<doc::Table>(d.blocks[1]).rows[0][1].text == "2024-12-31");
}

}  // namespace jixiao::report
