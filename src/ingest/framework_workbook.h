// The framework workbook (指标体系表): a framework as an .xlsx a person edits in Excel — sheet 体系
// (id, 名称, 依据, 总分, 等级, 录入数据, 取整, 不适用), sheet 指标 (one row per indicator).
// Contract: ReadFrameworkWorkbook turns the workbook into the framework's JSON text and loads it
// through ParseFramework (the one JSON reader and its checks); every problem names sheet!cell.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "ingest/xlsx.h"
#include "model/framework.h"

namespace jixiao {

namespace fwbook {
inline constexpr char kInfoSheet[] = "体系";
inline constexpr char kRowsSheet[] = "指标";
inline constexpr char kGuideSheet[] = "说明";
// 指标 columns (1-based): 编码, 一级…四级 名称, 分值, 评分方法, 评分参数, 指标解释, 评分标准.
enum Column { kCode = 1, kLevel1 = 2, kWeight = 6, kMethod, kParams, kExplain, kCriteria };
inline constexpr int kMaxRows = 5000;  // indicators read; more is refused
// Rule kind ↔ its Chinese name in 评分方法 ("扣分制" ↔ "deduction"); nullptr/"" when unknown.
const char* MethodName(const std::string& kind);
std::string MethodKind(const std::string& name);
}  // namespace fwbook

// The framework in a parsed workbook (book.file names it in messages), loaded by ParseFramework
// with every problem moved to its sheet!cell; `json_text` receives the JSON when it loads.
std::optional<Framework> FrameworkFromWorkbook(const XlsxWorkbook& book, Diagnostics& diags,
                                               std::string* json_text = nullptr);
// Reads `file` (an .xlsx); `shown` names it in messages. Validated exactly as the JSON file is.
std::optional<Framework> ReadFrameworkWorkbook(const std::string& file, const std::string& shown,
                                               Diagnostics& diags,
                                               std::string* json_text = nullptr);

}  // namespace jixiao
