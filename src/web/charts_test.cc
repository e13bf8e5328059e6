#include "web/charts.h"

#include <catch2/catch.hpp>

using namespace jixiao;
using namespace jixiao::web;

namespace {
size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

TEST_CASE("charts: bars scaled to the axis end, figures as given, linked") {
  std::vector<ChartBar> bars = {{"1 甲", "95.50分", Rational(9550, 100), "/evaluations/a1"},
                                {"2 乙", "47.75分", Rational(4775, 100), "/evaluations/b2"}};
  std::string svg = BarChartSvg("各评价总分", bars, Rational(100));
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  // The plot is 450 px wide: 95.5% of it is 429.75 -> 430, 47.75% is 214.875 -> 215.
  CHECK(svg.find("width=\"430\"") != std::string::npos);
  CHECK(svg.find("width=\"215\"") != std::string::npos);
  CHECK(svg.find(">95.50分</text>") != std::string::npos);
  CHECK(svg.find("<a href=\"/evaluations/a1\">") != std::string::npos);
  CHECK(Count(svg, "<rect") == 2);
  // Past the axis end a bar stops at the end; an empty chart is nothing at all.
  std::string over = BarChartSvg("t", {{"x", "120分", Rational(120), ""}}, Rational(100));
  CHECK(over.find("width=\"450\"") != std::string::npos);
  CHECK(over.find("<a ") == std::string::npos);
  CHECK(BarChartSvg("t", {}, Rational(100)).empty());
}

TEST_CASE("charts: every text is escaped, no script or style reaches the SVG") {
  std::vector<ChartBar> bars = {
      {"<script>alert(1)</script>", "<img onerror=x>", Rational(1), "/e/\"onload=\"x"}};
  std::string svg = BarChartSvg("<b>&", bars, Rational(2));
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("<img") == std::string::npos);
  CHECK(svg.find("\"onload") == std::string::npos);
  CHECK(svg.find("&lt;b&gt;&amp;") != std::string::npos);
  CHECK(svg.find("style=") == std::string::npos);
}

TEST_CASE("charts: grouped 一级 rates, one colour per series, a missing rate left out") {
  std::vector<ChartGroup> groups = {{"1 甲",
                                     "/evaluations/a1",
                                     {{"决策", "100.00%", Rational(100), "/evaluations/a1"},
                                      {"过程", "", Rational(0), "/evaluations/a1"}}}};
  std::string svg = GroupedChartSvg("一级指标得分率", {"决策", "过程"}, groups, Rational(100));
  CHECK(Count(svg, "<rect") == 2 + 1);  // two legend swatches, one bar (过程 missing)
  CHECK(svg.find(">100.00%</text>") != std::string::npos);
  CHECK(GroupedChartSvg("t", {}, groups, Rational(100)).empty());
}

TEST_CASE("charts: labels shortened by characters, never inside a UTF-8 sequence") {
  CHECK(ShortLabel("马桥镇医疗救助项目", 4) == "马桥镇医…");
  CHECK(ShortLabel("马桥镇", 3) == "马桥镇");
  CHECK(ShortLabel("abc", 10) == "abc");
}

TEST_CASE("charts: labels that share a long prefix stay distinct (the middle cut instead)") {
  const std::vector<std::string> labels = {"2 2024年马桥镇医疗救助项目（一期）",
                                           "2 2024年马桥镇医疗救助项目（二期）", "1 甲"};
  auto shown = DistinctLabels(labels, 15);
  REQUIRE(shown.size() == 3);
  CHECK(shown[0] != shown[1]);
  CHECK(shown[0].find("…") != std::string::npos);
  CHECK(shown[0].find("一期") != std::string::npos);
  CHECK(shown[1].find("二期") != std::string::npos);
  CHECK(shown[0].rfind("2 2024年", 0) == 0);  // the rank and the start kept
  CHECK(shown[2] == "1 甲");                  // short labels as they are
  // Labels that do not collide when cut keep the plain cut at the end.
  auto plain = DistinctLabels({"1 马桥镇医疗救助项目2024年度绩效评价", "2 颛桥镇"}, 15);
  CHECK(plain[0] == ShortLabel("1 马桥镇医疗救助项目2024年度绩效评价", 15));
  // In the chart itself.
  std::vector<ChartBar> bars = {{labels[0], "90分", Rational(90), ""},
                                {labels[1], "80分", Rational(80), ""}};
  std::string svg = BarChartSvg("各评价总分", bars, Rational(100));
  CHECK(svg.find(shown[0] + "</text>") != std::string::npos);
  CHECK(svg.find(shown[1] + "</text>") != std::string::npos);
}
