// Rows of a 绩效目标表 from a CSV-shaped grid (a CSV file, or a sheet read from an .xlsx).
// Strict mode (a case's targets.csv, which scoring reads) requires 三级 and 指标值 in every row.
// Lenient mode (the standalone checker) reads real tables as they come: header variants
// (一级指标, 指标内容, 年度指标值, 指标值(年度) …), blank cells kept for the checker to report,
// blank 一级/二级 continuing the row above as merged cells do, and the （待确认） marker of
// `targets fix` dropped.
// Contract: missing required columns are located errors; in lenient mode no cell aborts.
#pragma once

#include <optional>
#include <utility>

#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "model/case.h"

namespace jixiao {

void ReadTargetRows(const CsvTable& csv, CsvCells& cells, Table<TargetRow>& t, bool lenient);

// The 一级/二级/三级/指标值 columns under any of the names real tables use.
struct TargetColumns {
  CsvColumn level1, level2, level3, value;
};
TargetColumns FindTargetColumns(const CsvTable& csv);

// A 指标值 with its unit inside, as tables without a 计量单位 column write it: "≥30000人次" ->
// {"≥30000", "人次"}, "≥320(人)" -> {"≥320", "人"}, "100%" -> {"100", "%"}. nullopt for text, a
// bare number, dates and deadlines ("2021年12月底前"), or a unit the quantity parser refuses.
std::optional<std::pair<std::string, std::string>> SplitTrailingUnit(const std::string& value);

// The column of the first name present, e.g. {"三级", "三级指标", "指标内容"}.
CsvColumn FirstColumn(const CsvTable& csv, std::initializer_list<const char*> names);

}  // namespace jixiao
