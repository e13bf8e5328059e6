// Parts of the report context about money: the budget figures, the adjustment by funding source,
// the initial budget's sources and the 近三年 history with its analysis (context.cc assembles
// them). Contract: every amount is printed by core/format; names are listed in docs/templates.md.
#pragma once

#include <kainjow/mustache.hpp>

#include "report/report_input.h"

namespace jixiao::report {

kainjow::mustache::data BudgetContext(const ReportInput& in);
kainjow::mustache::data HistoryContext(const ReportInput& in);

}  // namespace jixiao::report
