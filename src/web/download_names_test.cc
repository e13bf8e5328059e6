#include "web/download_names.h"

#include <catch2/catch.hpp>

using jixiao::web::DownloadName;

TEST_CASE("download names carry the project and the year") {
  CHECK(DownloadName("农产品质检体系建设项目", "2024", "申报表", ".xlsx") ==
        "农产品质检体系建设项目_2024年_申报表.xlsx");
  // The year already in the title is not repeated; nor is the kind at the title's end.
  CHECK(DownloadName("2024年马桥镇医疗救助项目", "2024", "评价比较", ".xlsx") ==
        "2024年马桥镇医疗救助项目_评价比较.xlsx");
  CHECK(DownloadName("社区助餐绩效目标表", "2025", "绩效目标表", ".csv") ==
        "社区助餐绩效目标表_2025年_绩效目标表.csv");
  CHECK(DownloadName("a/b\\c", "", "申报表", ".docx") == "a_b_c_申报表.docx");
  CHECK(DownloadName("", "", "复核汇总", ".xlsx") == "复核汇总.xlsx");
}
