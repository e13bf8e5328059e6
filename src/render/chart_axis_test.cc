// One value axis for the DOCX and the HTML chart: the same step, ticks with the labels' unit.
#include "render/chart_axis.h"

#include <catch2/catch.hpp>

#include "render/render.h"

namespace jixiao::render {
namespace {

doc::Chart Rates() {
  doc::Chart c;
  c.caption = "各一级指标得分率";
  c.labels = {"项目决策", "项目过程", "项目产出", "项目效益"};
  c.values = {68.35, 89.45, 90.87, 91.67};
  c.value_labels = {"68.35%", "89.45%", "90.87%", "91.67%"};
  c.axis_max = 100;
  return c;
}

}  // namespace

TEST_CASE("chart axis: 0–100% in steps of 20 with % ticks (at most five intervals)") {
  ChartAxis axis = AxisOf(Rates());
  CHECK(axis.max == 100);
  CHECK(axis.step == 20);
  CHECK(axis.percent);
  CHECK(TickLabel(axis, 40) == "40%");
  doc::Chart counts = Rates();
  counts.axis_max = 0;
  counts.values = {3, 7};
  counts.value_labels = {"3", "7"};
  ChartAxis plain = AxisOf(counts);
  CHECK(plain.step == 2);
  CHECK(plain.max == 8);
  CHECK_FALSE(plain.percent);
  CHECK(TickLabel(plain, 4) == "4");
  counts.values = {1250};
  CHECK(AxisOf(counts).step == 250);
  CHECK(TickLabel(AxisOf(counts), 2.5) == "2.5");
}

TEST_CASE("chart axis: the HTML chart prints the ticks the DOCX chart's majorUnit gives") {
  doc::Document d;
  d.blocks.push_back(Rates());
  std::string html = ToHtml(d);
  for (const char* tick : {">0%<", ">20%<", ">40%<", ">60%<", ">80%<", ">100%<"})
    CHECK(html.find(tick) != std::string::npos);
  CHECK(html.find(">25<") == std::string::npos);
  CHECK(html.find(">75<") == std::string::npos);
}

}  // namespace jixiao::render
