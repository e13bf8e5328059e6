#include "app/targets_download.h"

#include "core/csv_field.h"
#include "core/text.h"
#include "ingest/csv.h"

namespace jixiao {
namespace {

const char kPending[] = "（待确认）";

}  // namespace

std::string CleanTargetCsv::Note() const {
  // A unit that adopted a suggestion expects the new value in its table (docs/design-notes.md):
  // every download carries it; the CSV alone has a column to say it is not yet confirmed.
  std::string out = pending
                        ? std::to_string(pending) +
                              " 行是采纳修改建议后尚未确认的值：下载的 CSV 在“指标值”中写修改后"
                              "的值，并在“状态”列标“待确认”；申报表（Excel、Word）印修改后的值，"
                              "不加标记。请核实后在该行点“修改此行”保存，即为确认。"
                        : "";
  if (!trimmed.empty())
    out += "下载的 CSV 去掉了 " + std::to_string(trimmed.size()) + " 处单元格首尾的空格（" +
           trimmed.front() + (trimmed.size() > 1 ? "等" : "") + "）。";
  return out;
}

CleanTargetCsv CleanTargetCsvForDownload(const std::string& stored) {
  CleanTargetCsv out;
  const CsvTable table = ParseCsvBytes("绩效目标表.csv", stored);
  std::vector<std::string> header;
  for (const auto& h : table.header) header.push_back(Trim(h));
  const bool has_status = !header.empty() && header.back() == "状态";
  if (!has_status) header.push_back("状态");
  out.csv = "\xEF\xBB\xBF" + CsvRecord(header);
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    bool pending = false;
    for (size_t i = 0; i < row.cells.size(); ++i) {
      std::string cell = row.cells[i];
      if (EndsWith(Trim(cell), kPending)) {
        cell = Trim(cell);
        cell = cell.substr(0, cell.size() - (sizeof(kPending) - 1));
        pending = true;
      }
      std::string clean = Trim(cell);
      if (clean != cell && !clean.empty())
        out.trimmed.push_back("第" + std::to_string(row.line) + "行 " +
                              (i < header.size() ? header[i] : "") + "“" + cell + "”");
      cells.push_back(clean);
    }
    cells.resize(header.size() - 1);
    cells.push_back(pending ? "待确认" : "");
    out.pending += pending;
    out.csv += CsvRecord(cells);
  }
  return out;
}

}  // namespace jixiao
