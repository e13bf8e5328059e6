// The finance bureau's comparison outputs: compare.xlsx (排名 with a bar chart of totals, 一级得分
// with a stacked bar, 指标矩阵 with conditional colouring, 等级分布 with a pie, 扣分最多指标,
// 共性问题, 年度对比) and the 街镇财政支出绩效评价结果汇总分析 report from templates/compare.
#pragma once

#include <optional>
#include <string>

#include "compare/comparison.h"
#include "core/diagnostics.h"
#include "document/document.h"
#include "document/workbook.h"

namespace jixiao::report {

doc::Workbook BuildCompareWorkbook(const compare::Comparison& cmp);
std::optional<doc::Document> BuildCompareDocument(const compare::Comparison& cmp,
                                                  const std::string& template_dir,
                                                  Diagnostics& diags);
std::string DefaultCompareTemplateDir();

}  // namespace jixiao::report
