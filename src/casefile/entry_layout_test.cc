// The entry workbook's 项目信息 hints are neutral examples (webtrial5 item 13: “如：马桥镇” on a
// 临湘县 project); they still show the form of each field.
#include "casefile/entry_layout.h"

#include <catch2/catch.hpp>

namespace jixiao::entry {

TEST_CASE("the 项目信息 hints name no real project or place") {
  for (const auto& f : ProjectFields()) {
    const std::string hint = f.hint;
    INFO(f.label << "：" << hint);
    for (const char* place : {"马桥", "闵行", "上海", "医疗救助"})
      CHECK(hint.find(place) == std::string::npos);
  }
  auto hint_of = [](const std::string& key) {
    for (const auto& f : ProjectFields())
      if (std::string(f.key) == key) return std::string(f.hint);
    return std::string();
  };
  CHECK(hint_of("name").find("2024年") != std::string::npos);  // the form: 年度 + 地区 + 事项
  CHECK(hint_of("town").find("留空") != std::string::npos);
}

}  // namespace jixiao::entry
