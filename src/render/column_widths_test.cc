// Column widths and text segments, against widths worked out by hand from the fonts' metrics:
// at 9 pt a Han character is 180 twips, a digit 90 (half an em), "," and "." 45.
#include "render/column_widths.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "render/text_metrics.h"

namespace jixiao::render {
namespace {

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> out;
  for (const Segment& s : Segments(text, 18)) out.push_back(text.substr(s.offset, s.length));
  return out;
}

doc::Table Budget() {
  doc::Table t;
  t.rows.push_back({doc::Cell{"项目名称"}, doc::Cell{"序号"}, doc::Cell{"项目构成"},
                    doc::Cell{"项目明细"}, doc::Cell{"年初预算"}, doc::Cell{"调整金额"},
                    doc::Cell{"调整后预算"}, doc::Cell{"实际支出"}, doc::Cell{"预算执行率"}});
  t.rows.push_back({doc::Cell{"2024年马桥镇医疗救助项目"}, doc::Cell{"5"},
                    doc::Cell{"城乡居民基本医疗保险财政补贴资金"},
                    doc::Cell{"城乡居民基本医疗保险农民个人缴费补助资金"},
                    doc::Cell{"1,350,000.00"}, doc::Cell{"-706,093.81"}, doc::Cell{"1,471,745.31"},
                    doc::Cell{"1,471,745.31"}, doc::Cell{"100.00%"}});
  return t;
}

}  // namespace

TEST_CASE("segments: numbers with units and document numbers hold together") {
  CHECK(Texts("沪医保规〔2022〕7号") ==
        std::vector<std::string>{"沪", "医", "保", "规", "〔2022〕7号"});
  CHECK(Segments("沪医保规〔2022〕7号", 18).back().protect);
  CHECK(Texts("-706,093.81") == std::vector<std::string>{"-706,093.81"});
  // reader7: LibreOffice keeps 云”APP， together, stretching the line before it.
  CHECK(Texts("市民云”APP，在线") == std::vector<std::string>{"市", "民", "云”APP，", "在", "线"});
  CHECK(Texts("100.00%") == std::vector<std::string>{"100.00%"});
  CHECK(Texts("2024年马桥") == std::vector<std::string>{"2024年", "马", "桥"});
  CHECK(Texts("帮困、照护") == std::vector<std::string>{"帮", "困、", "照", "护"});
  CHECK(Texts("1-12月") == std::vector<std::string>{"1-12月"});
  // 9 digits × 90 + 3 separators × 45 = 945 twips; the estimate may be a little more, not less.
  int w = Segments("1,471,745.31", 18)[0].width;
  CHECK(w >= 945);
  CHECK(w <= 980);
}

TEST_CASE("slack: a line ending before an unbreakable 文号 leaves the room justification spreads") {
  // 12 pt, 10 ems a line: "一二三四五六七八" (8 ems) cannot take "〔2022〕7号" (5.5 ems).
  auto seg = Segments("一二三四五六七八〔2022〕7号之后", 24);
  int slack = LargestSlack(seg, 2400, 2400);
  CHECK(slack >= 2 * 240);  // two ems left on the first line
  CHECK(slack <= 2 * 240 + 10);
  CHECK(LargestSlack(Segments("一二三四五六七八九十一二三四五", 24), 2400, 2400) == 0);
  CHECK(LargestSlack(Segments("一二三", 24), 2400, 2400) == 0);  // one line: nothing spread
  // A first-line indent of two ems: the first line holds 8 ems, the rest 10.
  CHECK(LargestSlack(Segments("一二三四五六七八九十一二三四五六七八", 24), 1920, 2400) == 0);
}

TEST_CASE("widths: no number wraps, the long texts get the room, the sum is the text width") {
  TableLayout layout = LayOutColumns(Budget(), 9, 8306);
  REQUIRE(layout.twips.size() == 9);
  // Every label (调整后预算, 预算执行率) whole on one line and the two text columns at least five
  // characters wide do not fit at 9 or 8 pt: 7.5 pt.
  CHECK(layout.half_points == 15);
  int sum = 0;
  for (int w : layout.twips) sum += w;
  CHECK(sum == 8306);
  // At 7.5 pt (75 twips a digit): 1,471,745.31 is 9×75 + 3×37.5 = 788 twips + 160 of cell
  // margins; -706,093.81: 8×75 + 2×37.5 + 50.
  CHECK(layout.twips[4] >= 788 + 160);
  CHECK(layout.twips[6] >= 788 + 160);
  CHECK(layout.twips[7] >= 788 + 160);
  CHECK(layout.twips[5] >= 725 + 160);
  CHECK(layout.twips[8] >= 5 * 75 + 38 + 125 + 160);  // 100.00%
  CHECK(layout.twips[8] >= 5 * 150 + 160);            // 预算执行率 on one line
  CHECK(layout.twips[6] >= 5 * 150 + 160);            // 调整后预算
  // The two long Chinese texts (项目构成, 项目明细) at least five characters wide: at four, 20
  // characters take five lines in a column that reads as a strip.
  CHECK(layout.twips[2] >= 5 * 150 + 160);
  CHECK(layout.twips[3] >= 5 * 150 + 160);
}

TEST_CASE("widths: too many number columns set the table smaller, never wrapping a number") {
  doc::Table t;
  std::vector<doc::Cell> row(8, doc::Cell{"1,471,745.31"});
  t.rows = {std::vector<doc::Cell>(8, doc::Cell{"金额"}), row};
  TableLayout layout = LayOutColumns(t, 8, 8306);
  // 8 × (945 + 160) = 8840 > 8306 at 9 pt; at 8 pt 8 × (840 + 160) = 8000 fits.
  CHECK(layout.half_points == 16);
  for (int w : layout.twips) CHECK(w >= 945 * layout.half_points / 18 + 160);
}

TEST_CASE("protected breaks: a document number that does not fit after its text starts a line") {
  // Room for six Han characters: 沪医保规 fills four, 〔2022〕7号 (about six) goes below whole.
  std::string text = "沪医保规〔2022〕7号";
  std::vector<size_t> at = ProtectedBreaks(text, 6 * 180 + kCellMarginsTwips + 100, 18);
  REQUIRE(at.size() == 1);
  CHECK(text.substr(at[0]) == "〔2022〕7号");
  CHECK(ProtectedBreaks(text, 20 * 180, 18).empty());
}

}  // namespace jixiao::render

namespace jixiao::render {

TEST_CASE("widths: a long table is laid out from its first rows, a long URL may break") {
  doc::Table t;
  t.rows.push_back({doc::Cell{"月份"}, doc::Cell{"金额"}, doc::Cell{"备注"}});
  for (int i = 0; i < 3000; ++i)
    t.rows.push_back({doc::Cell{"12月"}, doc::Cell{"1,471,745.31"}, doc::Cell{"1人发放失败退回"}});
  t.rows.push_back({doc::Cell{"12月"}, doc::Cell{"99,471,745.31"},
                    doc::Cell{"https://example.org/" + std::string(200, 'a')}});
  TableLayout layout = LayOutColumns(t, 3, 8306);
  CHECK(layout.half_points == 18);
  CHECK(layout.twips[1] >= 11 * 90 + 3 * 45 + 160);  // the widest amount is in the last row
  // The URL (about 9,000 twips) neither forces a smaller font nor squeezes the other columns.
  CHECK(layout.twips[0] >= 2 * 90 + 180 + 45 + 160);  // 12月
}

}  // namespace jixiao::render

namespace jixiao::render {

TEST_CASE("widths: 9-em labels wrap when keeping them on one line starves the long texts") {
  doc::Table t;
  t.rows.push_back(
      {doc::Cell{"三级指标"}, doc::Cell{"四级指标"}, doc::Cell{"评分标准"}, doc::Cell{"扣分说明"}});
  std::string criteria, reason;
  for (int i = 0; i < 12; ++i) criteria += "项目申请、设立过程符合相关要求，";
  for (int i = 0; i < 8; ++i) reason += "年度总体目标表述不够全面，";
  for (int i = 0; i < 6; ++i)
    t.rows.push_back({doc::Cell{"A22 绩效指标明确性"}, doc::Cell{"B221 资金使用合规性"},
                      doc::Cell{criteria}, doc::Cell{reason}});
  TableLayout layout = LayOutColumns(t, 4, 8306);
  REQUIRE(layout.twips.size() == 4);
  // The 10-em tier (each label ≈ 9 em, 1,620 twips at 9 pt) would leave the long texts about
  // 5,000 twips; the 8-em tier gives them more and the table is lower.
  CHECK(layout.twips[0] + layout.twips[1] < 2 * 1620 + 2 * 230);
  int sum = 0;
  for (int w : layout.twips) sum += w;
  CHECK(sum == 8306);
}

}  // namespace jixiao::render

namespace jixiao::render {

// The layout search skips the line filling from OneLineWidth up and remembers, per count of
// lines, the least room from the widest segment up: both rest on these properties of LinesAt.
const char* const kTexts[] = {
    "2024年马桥",
    "城乡居民基本医疗保险农民个人缴费补助资金",
    "沪医保规〔2022〕7号 文件要求，预算执行率为 100.00%，调整金额 -706,093.81 元",
    "项目申请、设立过程符合相关要求，年度总体目标表述不够全面（扣 0.5 分）。",
    "https://example.org/a/very/long/address/that/breaks/inside 及其说明",
    "A11 立项依据充分性"};

TEST_CASE("line filling: one line exactly from OneLineWidth up") {
  // 2024年: four digits of 92 twips, the Han-Latin gap of 45, 年 180; then 马 and 桥.
  CHECK(OneLineWidth(Segments("2024年马桥", 18)) == 4 * 92 + 45 + 180 + 2 * 180);
  CHECK(OneLineWidth(Segments("", 18)) == 1);
  for (const char* text : kTexts)
    for (int half_points : {18, 16, 15, 14}) {
      std::vector<Segment> segments = Segments(text, half_points);
      int one = OneLineWidth(segments);
      CHECK(LinesAt(segments, one) == 1);
      CHECK(LinesAt(segments, one - 1) >= 2);
      CHECK(LinesAt(segments, one + 1000) == 1);
    }
}

TEST_CASE("line filling: never more lines with more room, from the widest segment up") {
  for (const char* text : kTexts)
    for (int half_points : {18, 14}) {
      std::vector<Segment> segments = Segments(text, half_points);
      int widest = 0;
      for (const Segment& s : segments) widest = std::max(widest, s.width);
      int before = LinesAt(segments, widest);
      for (int room = widest + 1; room <= OneLineWidth(segments); ++room) {
        int now = LinesAt(segments, room);
        REQUIRE(now <= before);
        before = now;
      }
    }
}

TEST_CASE("line filling: the rooms that break a text at the same places") {
  for (const char* text : kTexts)
    for (int half_points : {18, 14}) {
      std::vector<Segment> segments = Segments(text, half_points);
      int widest = 1;
      for (const Segment& s : segments) widest = std::max(widest, s.width);
      for (int room = widest; room < OneLineWidth(segments); room += 37) {
        int lo = 0, hi = 0;
        std::vector<size_t> breaks, here;
        int lines = LinesSpan(segments, room, &lo, &hi);
        REQUIRE(lines == LinesAt(segments, room, &breaks));
        REQUIRE(lo <= room);
        REQUIRE(room < hi);
        // Every room of the span sets the same lines at the same protected breaks.
        for (int r = lo; r < hi; ++r) {
          here.clear();
          REQUIRE(LinesAt(segments, r, &here) == lines);
          REQUIRE(here == breaks);
        }
        // The spans tile the rooms: the next one starts where this one ends (so two spans found
        // from different rooms are the same span or do not overlap).
        int next_lo = 0, next_hi = 0, before_lo = 0, before_hi = 0;
        if (hi < OneLineWidth(segments)) {
          LinesSpan(segments, hi, &next_lo, &next_hi);
          CHECK(next_lo == hi);
        }
        if (lo > widest) {
          LinesSpan(segments, lo - 1, &before_lo, &before_hi);
          CHECK(before_hi == lo);
        }
      }
    }
}

}  // namespace jixiao::render
