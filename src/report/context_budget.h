// Parts of the report context about money: the budget figures, the adjustment by funding source,
// the initial budget's sources and the 近三年 history with its analysis (context.cc assembles
// them). Contract: every amount is printed by core/format; names are listed in docs/templates.md.
#pragma once

#include <kainjow/mustache.hpp>

#include "report/report_input.h"

namespace jixiao::report {

kainjow::mustache::data BudgetContext(const ReportInput& in);
kainjow::mustache::data HistoryContext(const ReportInput& in);
// What the year's spending went to, summing to the budget's 实际支出 (issue 22: 完成情况 gave
// only the 社会化发放): "项目全年实际支出1,471,745.31元，其中：社会化发放…639,318.31元；资金结算
// 划拨2笔…；社区医疗互助帮困资金795,265.75元。社会化发放明细如下。" The rest after the
// disbursements and transfers is named when exactly one budget line spent it, else said not
// itemised. Escaped. Without a budget (or when the itemised parts exceed it) only the disbursements
// are told.
std::string SpendingAccount(const ReportInput& in);

}  // namespace jixiao::report
