// `compare --archive` over many evaluations (above SummaryThreshold(), one framework): the
// comparison is computed from store aggregates — ranking streamed by the database in pages,
// grade counts, points lost per leaf, 一级 rates per region, totals per year — and compare.xlsx's
// 排名 and 指标矩阵 rows are written as they stream, so memory does not grow with the number of
// evaluations. The DOCX/HTML/MD report summarises (top and bottom rows, groups, counts). The
// 指标矩阵 rows (10⁵ × the leaves: most of the time and of the file) only when `matrix` is set;
// otherwise the sheet says how to get them.
// Contract: problems go to `diags`; nullopt when the store failed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "store/store.h"

namespace jixiao {

// 5,000 evaluations, or $JIXIAO_COMPARE_SUMMARY_ABOVE (tests use a small value).
int64_t SummaryThreshold();

std::optional<std::vector<OutputFile>> CompareArchivedSummary(
    store::Store& db, const store::DocumentFilter& f, int64_t count,
    const std::vector<std::string>& formats, const std::string& template_dir, Diagnostics& diags,
    bool matrix);

}  // namespace jixiao
