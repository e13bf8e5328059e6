// What the report module reads: the framework, the case and its scorecard, nothing else.
// Contract: the scorecard must have passed every error-level check (see scoring/score.h).
#pragma once

#include "model/case.h"
#include "model/framework.h"
#include "scoring/scorecard.h"

namespace jixiao::report {

struct ReportInput {
  const Framework& framework;
  const Case& c;
  const Scorecard& card;
};

// Chinese numerals for headings and lists: 1 -> "一", 12 -> "十二".
std::string ChineseNumber(int n);
// "A" → "项目决策"-style label used in 表3-1-1 and the 绩效分析 paragraphs.
std::string CategoryLabel(const std::string& name);

}  // namespace jixiao::report
