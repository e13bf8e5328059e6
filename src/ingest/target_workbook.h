// A 绩效目标申报表 kept as an .xlsx, as units keep it: a header block (项目名称, 主管部门,
// 实施单位, 项目资金总额/年度资金总额, 其中：财政拨款/财政资金, 其他资金, 计划开始/完成日期,
// 总目标/总体目标, 年度目标 — each label followed by its value to the right, or below) above the
// indicator table (一级指标 | 二级指标 | 三级指标 | 指标值 …, merged 一级/二级 cells). The sheet is
// the first one whose rows hold the indicator header. Contract: the indicator rows come back as a
// CSV-shaped grid (line = the sheet's row number) for ReadTargetRows; unreadable workbooks and a
// missing indicator header are located errors.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "ingest/csv.h"
#include "model/case.h"

namespace jixiao {

struct TargetWorkbook {
  CsvTable grid;          // the indicator table: header row and the rows below it
  TargetProject project;  // present when the sheet has a header block
  std::string sheet;
};

bool LoadTargetWorkbook(const std::string& file, TargetWorkbook& out, Diagnostics& diags);

}  // namespace jixiao
