// `jixiao compare CASE…`: loads and scores every case (frameworks cached), compares them, and
// renders compare.xlsx and the 汇总分析 report.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"

namespace jixiao {

// `names`, when given (one per dir, distinct), name the cases in the outputs in place of their
// ids (the web names them by title, not by its internal folder id).
std::optional<std::vector<OutputFile>> CompareCases(
    const std::vector<std::string>& dirs, const std::vector<std::string>& formats,
    const std::string& template_dir, Diagnostics& diags,
    const std::vector<std::string>* names = nullptr);

namespace compare {
struct Comparison;
}
namespace doc {
struct Workbook;
}

// Renders a comparison already computed (by CompareCases, or from the archive). `stream_rows`,
// when set, completes compare.xlsx before it is written (a summarised comparison's rows).
std::optional<std::vector<OutputFile>> RenderComparison(
    const compare::Comparison& cmp, const std::vector<std::string>& formats,
    const std::string& template_dir, Diagnostics& diags,
    const std::function<void(doc::Workbook&)>& stream_rows = {});

}  // namespace jixiao
