// What the report says of a survey: its sample size, valid responses, sampling method, questions
// and calculation. A fact the case knows is printed (from survey/ data); a fact a written text
// about the survey leaves unsaid gets a visible 【待补充：…】 line, which validate lists and
// report --final refuses, so the survey annex and 6.问卷调查 are never silent about it (issue 22).
#pragma once

#include <string>
#include <vector>

#include "model/case.h"
#include "scoring/survey_stats.h"

namespace jixiao::report {

// The facts among 样本量, 有效问卷数, 抽样方式 (and, when `annex`, 问卷题目, 计算方法) that
// `text` does not state: a figure in 份/人 after 发放/回收/样本/共, a figure in 份 after 有效, a
// word of the method (抽样, 随机, 普查…), 题目/第N题/Q1, 计算.
std::vector<std::string> MissingSurveyFacts(const std::string& text, bool annex);

// The case as printed: with survey data (`stats` non-null) the body's survey paragraph gains the
// counts it lacks ("共回收问卷180份，其中有效问卷180份。"); without, the written survey annex
// and the body's survey paragraph each gain 【待补充：…】 naming what they leave unsaid.
Case WithSurveyFacts(const Case& c, const SurveyStats* stats);

}  // namespace jixiao::report
