// The evidence of two kinds of 三级 indicator worded as published reports word it: a rate from a
// questionnaire ("问卷调查显示，……达到“≥90%”的满分标准", never "经核查") and the transfers of a
// timeliness rule counted in the unit the 评分标准 use ("共2笔区镇资金结算划拨，均逾期（分别逾期
// 12天、1天）"). Contract: reads the case, the framework and the scorecard only; every figure
// through core/format; report/prose composes the sentences.
#pragma once

#include <optional>
#include <string>

#include "report/report_input.h"

namespace jixiao::report {

// Whether the rule's metric comes from a survey: computed from survey/responses.csv, or typed
// with a source that names a 问卷, 满意度调查, 抽样调查 or 满意度测评 (a 现场调查 is a check).
bool FromSurvey(const ReportInput& in, const Rule& rule);

// The survey's source note: the appended or generated survey report by its number
// ("附件2-2 问卷调查汇总分析报告") when the case has one, else `fallback`.
std::string SurveySource(const ReportInput& in, const std::string& fallback);

// "达到“≥90%”的满分标准" when the metric lies in a band that gives the full score; nullopt
// otherwise (the caller then says where the value lies).
std::optional<std::string> FullBandStandard(const ReportInput& in, const Rule& rule);

// "共2笔区镇资金结算划拨，均逾期（分别逾期12天、1天）", "…，其中1笔逾期12天，1笔按期完成",
// "…，均按期完成": the count word and the name of the transfers from the criteria (一笔, …划拨),
// else 笔 and 资金划拨. Empty without transfers.
std::string TransferFacts(const ReportInput& in, const std::string& criteria);

}  // namespace jixiao::report
