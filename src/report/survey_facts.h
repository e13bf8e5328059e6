// What the report says of a survey: its sample size, valid responses and sampling method. A fact
// the case knows is printed (from survey/ data or case.json "survey"); when the case knows the
// counts but a text leaves one unsaid, a visible 【待补充：…】 line, which validate lists and
// report --final refuses. When it knows no count at all, the body cites the survey and its
// results and the written survey annex is dropped (validate gives a 提示 instead; issue 22).
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

// Whether the case knows how many were sampled or answered: survey/ responses, case.json
// "survey", or a count written in the body's survey paragraphs or in a written survey annex.
bool KnowsSurveyCounts(const Case& c);

// The case cites a survey (a survey paragraph, a rate whose source names 问卷, a written survey
// annex) but knows none of its counts: what validate notes with a 提示.
bool CitesSurveyWithoutCounts(const Case& c);

// The case as printed: with survey data (`stats` non-null) the body's survey paragraph gains the
// counts it lacks ("共回收问卷180份，其中有效问卷180份。"). Without, when the case knows counts,
// the body's survey paragraph and the written survey annex gain what case.json "survey" states
// ("本次调查抽样方式为…，共发放问卷200份，…") and 【待补充：…】 naming what is still unsaid; when
// it knows none, the body's survey paragraph states the survey's results in place of its
// reference to the annex, and the written survey annex and every “（见附件N：…）” to it go.
Case WithSurveyFacts(const Case& c, const SurveyStats* stats);

}  // namespace jixiao::report
