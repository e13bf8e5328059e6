// The 财政项目支出绩效目标申报表 as a document (DOCX/HTML/MD) and as a workbook (XLSX): the header
// block (项目名称, 类别, 主管部门, 实施单位, dates, 资金), 总目标 and 年度目标, then the
// 一级/二级/三级/指标值 table with 一级 and 二级 merged.
#pragma once

#include "document/document.h"
#include "document/workbook.h"
#include "model/case.h"

namespace jixiao::report {

doc::Document BuildTargetDocument(const TargetProject& project, const Table<TargetRow>& targets);
doc::Workbook BuildTargetWorkbook(const TargetProject& project, const Table<TargetRow>& targets);

}  // namespace jixiao::report
