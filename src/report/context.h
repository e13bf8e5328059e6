// The values report templates may name, built from the framework, the case and the scorecard.
// Contract: every figure is already formatted with its unit by core/format and escaped for the
// block markup; templates only place them. docs/templates.md lists the names.
#pragma once

#include <kainjow/mustache.hpp>

#include "report/report_input.h"

namespace jixiao::report {

kainjow::mustache::data BuildContext(const ReportInput& in);

// The 绩效分析 sentence for one 一级, composed from its leaves' results.
std::string CategoryAnalysis(const ReportInput& in, const IndicatorResult& category);

}  // namespace jixiao::report
