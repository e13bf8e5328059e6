// Issue 19: picture sizes a PNG header claims, and the template nesting limit.
#include "report/pictures.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/diagnostics.h"
#include "report/template_nesting.h"

namespace jixiao::report {
namespace {

// A PNG signature and IHDR claiming w×h, padded with `extra` bytes of "data".
std::string Png(uint32_t w, uint32_t h, size_t extra = 0) {
  std::string s = "\x89PNG\r\n\x1a\n";
  s += std::string("\0\0\0\x0dIHDR", 8);
  for (uint32_t v : {w, h})
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
  s += std::string("\x08\x02\0\0\0", 5);
  return s + std::string(extra, 'x');
}

std::string Nested(int depth) {
  std::string t = "# 概述\n";
  for (int i = 0; i < depth; ++i) t += "{{#project}}";
  t += "{{name}}";
  for (int i = 0; i < depth; ++i) t += "{{/project}}";
  return t;
}

}  // namespace

TEST_CASE("PNG sizes: positive, at most 20000 px, no more than the file holds") {
  int w = 0, h = 0;
  std::string why;
  CHECK(CheckPngSize(Png(640, 480, 1000), w, h, why));
  CHECK((w == 640 && h == 480));
  CHECK_FALSE(CheckPngSize(Png(0xFFFFFFFF, 0xFFFFFFFF), w, h, why));
  CHECK(why.find("4294967295×4294967295") != std::string::npos);
  CHECK_FALSE(CheckPngSize(Png(0, 10), w, h, why));
  CHECK_FALSE(CheckPngSize(Png(20001, 1), w, h, why));
  CHECK(CheckPngSize(Png(20000, 1, 100), w, h, why));
  CHECK_FALSE(CheckPngSize(Png(20000, 20000, 100), w, h, why));  // 50 MB of rows in 133 bytes
  CHECK(why.find("超出文件数据能容纳的范围") != std::string::npos);
}

TEST_CASE("template sections nest at most 100 deep, located at the line") {
  Diagnostics diags;
  CHECK(CheckTemplateNesting(Nested(100), "a.mustache", diags));
  CHECK_FALSE(diags.HasErrors());
  CHECK_FALSE(CheckTemplateNesting("\n" + Nested(101), "a.mustache", diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "template.nesting");
  CHECK(diags.items()[0].where.line == 3);
  // Siblings do not add up; inverted sections count; changed delimiters are followed.
  std::string siblings;
  for (int i = 0; i < 500; ++i) siblings += "{{#a}}x{{/a}}{{^b}}y{{/b}}";
  Diagnostics more;
  CHECK(CheckTemplateNesting(siblings, "b.mustache", more));
  std::string spaced;
  for (int i = 0; i < 101; ++i) spaced += "{{\n #a}}";
  CHECK_FALSE(CheckTemplateNesting(spaced, "d.mustache", more));
  std::string changed = "{{=<% %>=}}";
  for (int i = 0; i < 101; ++i) changed += "<%#a%>";
  CHECK_FALSE(CheckTemplateNesting(changed, "c.mustache", more));
}

}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("a picture scaled under 60% to fit the page is a located warning: its text turns small") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("jixiao-pictures-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "images");
  auto load = [&](uint32_t w, uint32_t h) {
    std::ofstream(dir / "images" / "flow.png", std::ios::binary) << Png(w, h, 3 * w * h + h);
    Diagnostics diags;
    doc::Image image;
    image.source = "images/flow.png";
    LoadCasePicture(dir.string(), {"case.json", 0, 0, "$.narrative.organization"}, image, diags);
    CHECK(image.width == static_cast<int>(w));
    for (const auto& d : diags.items())
      if (d.code == "narrative.image_scale") return d.where.file + " " + d.message;
    return std::string();
  };
  std::string wide = load(1130, 260);  // 图1-6-2 as it was: 49%
  CHECK(wide.find("flow.png") != std::string::npos);
  CHECK(wide.find("1130×260") != std::string::npos);
  CHECK(wide.find("缩小到49%") != std::string::npos);
  CHECK(load(908, 300).empty());         // 61%
  CHECK(load(640, 470).empty());         // 图1-6-1: 86%
  CHECK_FALSE(load(500, 1500).empty());  // a tall one: 56%
  fs::remove_all(dir);
}

}  // namespace jixiao::report
