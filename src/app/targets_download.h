// The 绩效目标表 a unit downloads as CSV (the web page's 下载 CSV): the stored table with every
// cell's stray spaces trimmed and the （待确认） mark of an accepted suggestion moved out of the
// value into a 状态 column, so the file can be pasted into a 一体化 system or uploaded again
// without carrying markers (issue 21, trial 2 item 7). Contract: pure on the CSV text.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

struct CleanTargetCsv {
  std::string csv;                   // UTF-8 with BOM
  std::vector<std::string> trimmed;  // "第7行 指标值“ ≥98% ”" for each cell trimmed
  int pending = 0;                   // rows marked 待确认 in 状态
  // What the page says beside the download: "2 行是采纳修改建议后尚未确认的值：下载的 CSV
  // 在…；下载的 CSV 去掉了 1 处单元格首尾的空格（第7行 指标值“ ≥98% ”）。"; "" when nothing was
  // changed.
  std::string Note() const;
};

// `stored` is a table as FixTargetTable/EditTargetTable write it (header on line 1).
CleanTargetCsv CleanTargetCsvForDownload(const std::string& stored);

}  // namespace jixiao
