// The 问卷调查汇总分析 appendix: context values, the metric summary table, per-question
// distribution tables with bar charts, and group breakdowns — built from survey statistics.
#pragma once

#include <kainjow/mustache.hpp>

#include "document/document.h"
#include "document/workbook.h"
#include "report/report_input.h"
#include "scoring/survey_stats.h"

namespace jixiao::report {

kainjow::mustache::data SurveyContext(const SurveyStats& stats, const Questionnaire& q);
doc::Table SurveyMetricsTable(const SurveyStats& stats);
void AppendSurveyQuestions(const SurveyStats& stats, doc::Document& out);
void AppendSurveyBreakdowns(const SurveyStats& stats, doc::Document& out);
doc::Sheet SurveySheet(const SurveyStats& stats, const std::string& title);

}  // namespace jixiao::report
