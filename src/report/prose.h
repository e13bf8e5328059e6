// The sentences of the evaluation report that state facts from the case data: the 绩效分析 line per
// 一级, the facts of each 三级 paragraph (评分标准 in brief, target and actual with unit and
// source, the reason of each deduction), and the indicators behind a problem or suggestion, in 公文
// style. Contract: every figure comes from the scorecard through core/format or the rule's own
// evidence; nothing is invented for an indicator the case says nothing about.
#pragma once

#include <string>

#include "report/report_input.h"

namespace jixiao::report {

// "从项目决策方面来看：项目立项依据充分，立项程序规范；但绩效目标不够合理……"
std::string CategoryProse(const ReportInput& in, const IndicatorResult& category);

// "立项依据充分性" + "充分" -> "立项依据充分"; "资金到位率" + "100%" -> "资金到位率为100.00%".
std::string FindingPhrase(const std::string& name, const std::string& value);

// What the 绩效分析 summary says of one leaf: the evaluator's `summary` when given; 成本节约率 as
// reports word it (成本未超过预算限额); for a deducted leaf whose 业绩值 is a word, the reasons of
// its deductions (they cannot contradict the analysis, a name + "不够…" can); else FindingPhrase.
std::string SummaryPhrase(const ReportInput& in, const IndicatorResult& leaf);

// "评分标准为：……。经核查，预算执行率为100.00%（数据来源：……）。" The band's result is left to
// the deduction sentence, and a value the analysis already gives is not repeated. A rate from a
// questionnaire "shows" rather than is checked ("问卷调查显示，政策知晓率为98.90%，达到“≥90%”的满分
// 标准（数据来源：附件2-2 问卷调查汇总分析报告）"); late transfers are counted one by one
// ("经核查，共2笔区镇资金结算划拨，均逾期（分别逾期12天、1天）").
std::string IndicatorFacts(const ReportInput& in, const IndicatorResult& leaf,
                           const std::string& analysis = "");

// Whether IndicatorFacts states the rule's evidence (a metric, a target, the transfers): else the
// paragraph needs the evidence said elsewhere.
bool FactsCarryEvidence(const ReportInput& in, const IndicatorResult& leaf);

// A full-marks leaf with neither the evaluator's analysis nor data of its rule to state (a
// deduction, levels or elements rule with no deduction): the visible line that asks for the
// evidence, "【待补充：A11 立项依据充分性的核查情况（…）】", which validate lists at
// $.findings.A11.analysis (section_drafts.cc); "" when the paragraph has evidence to state.
std::string EvidenceTodo(const ReportInput& in, const IndicatorResult& leaf,
                         const std::string& analysis);

// The deduction sentence with its reasons: "因……，根据评分标准，扣权重的25%，扣0.75分。"
std::string DeductionSentence(const IndicatorResult& leaf, const std::string& analysis);

// "如“绩效目标合理性”“绩效指标明确性”指标所示，两项指标共扣2.75分。" (problems) or
// "针对“……”指标反映的问题，" (suggestions, put before a text that starts with 建议).
std::string ProblemEvidence(const ReportInput& in, const std::vector<std::string>& codes);
std::string SuggestionLead(const ReportInput& in, const std::vector<std::string>& codes);

// A typed source without its own brackets, for use inside "（数据来源：…）": "问卷调查（2025年5月，
// 有效问卷250份）" -> "问卷调查，2025年5月，有效问卷250份"; brackets inside 《…》 stay.
std::string WithoutInnerBrackets(const std::string& text);

}  // namespace jixiao::report
