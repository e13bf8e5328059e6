#include "app/targets_download.h"

#include <catch2/catch.hpp>

using jixiao::CleanTargetCsvForDownload;

TEST_CASE("targets download: marks move to a 状态 column, stray spaces are trimmed") {
  const std::string stored =
      "\xEF\xBB\xBF一级指标,二级指标,三级指标,指标值\r\n"
      "产出指标,数量指标,购买标准试剂,≥１００个 \r\n"
      ",,农产品例行监测覆盖乡镇农户,\"≥1,200户（待确认）\"\r\n"
      ",质量指标,农产品监督抽样合格率, ≥98% \r\n"
      "满意度指标,服务对象满意度指标,农户满意度,≥95%（待确认）\r\n";
  auto clean = CleanTargetCsvForDownload(stored);
  CHECK(clean.csv ==
        "\xEF\xBB\xBF一级指标,二级指标,三级指标,指标值,状态\r\n"
        "产出指标,数量指标,购买标准试剂,≥１００个,\r\n"
        ",,农产品例行监测覆盖乡镇农户,\"≥1,200户\",待确认\r\n"
        ",质量指标,农产品监督抽样合格率,≥98%,\r\n"
        "满意度指标,服务对象满意度指标,农户满意度,≥95%,待确认\r\n");
  CHECK(clean.pending == 2);
  REQUIRE(clean.trimmed.size() == 2);
  CHECK(clean.trimmed[0] == "第2行 指标值“≥１００个 ”");
  CHECK(clean.trimmed[1] == "第4行 指标值“ ≥98% ”");
  CHECK(clean.csv.find("待确认）") == std::string::npos);
  // What the note says is what the file does (trial 3 item 23): the adopted value is in 指标值.
  CHECK(clean.Note() ==
        "2 行是采纳修改建议后尚未确认的值：下载的 CSV 在“指标值”中写修改后的值，并在“状态”列标"
        "“待确认”；申报表（Excel、Word）印修改后的值，不加标记。请核实后在该行点“修改此行”保存，"
        "即为确认。下载的 CSV 去掉了 2 处单元格首尾的空格（第2行 指标值“≥１００个 ”等）。");
  CHECK(clean.Note().find("不写进指标值") == std::string::npos);
}
