// A 项目支出绩效自评表 as a unit files it: header fields, 总体目标, the target rows with
// 实际完成值, 分值, 得分 and 偏差原因, the budget block, the printed 总分 and 等级
// (docs/selfeval.md). Contract: plain data, no I/O. Every printed field keeps its text exactly as
// printed and where it was read (Location: file + line for CSV, or file + row + "Sheet!C5" in
// `path` for xlsx), so a finding can point at it. Parsed values sit beside the text; a blank or
// unreadable figure is nullopt, never 0. Readers (ingest/) fill it; the scorer (scoring/) never
// changes it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/money.h"
#include "core/rational.h"
#include "model/target_value.h"

namespace jixiao {

// One printed cell: its text as printed (trimmed) and where it was read.
struct PrintedText {
  std::string text;
  Location where;
  bool blank() const { return text.empty(); }
};

// A printed figure (分值, 得分, 总分, 执行率 …): `value` is nullopt when blank or unreadable; a
// figure that cannot be read keeps its Chinese reason in `error` for the reader to report.
struct PrintedNumber {
  std::string text;
  Location where;
  std::optional<Rational> value;  // points, or percent number (80.4 for "80.4%") for rates
  std::string error;
};

// A printed amount, converted exactly to fen per the column's or the cell's unit (元/万元).
struct PrintedMoney {
  std::string text;
  Location where;
  std::optional<Money> value;
  std::string error;
};

// How the row's printed target value was read: the one parser (model/target_value.h) plus the
// selfeval conventions: ≧ ≦ ═ 以上 以下 小于 … are comparators (NormalizeComparators), a bare
// number is read as ≥ and flagged `bare_read_as_ge` so the reader can warn.
struct SelfEvalTarget {
  TargetValue value;
  bool bare_read_as_ge = false;
};

struct SelfEvalRow {
  int line = 0;  // form.csv line (header = 1) or sheet row
  PrintedText level1, level2, level3;
  PrintedText nature;       // 指标性质 (定量/定性) when the layout splits it; else blank
  PrintedText target;       // 年度指标值 as printed (with 度量单位 appended when split)
  PrintedText target_unit;  // 度量单位 column when split; else blank
  PrintedText actual;       // 实际完成值 as printed
  PrintedNumber weight;     // 分值 (or 权重) as printed; nullopt when the layout has none
  PrintedNumber score;      // 得分 as printed
  PrintedText reason;       // 偏差原因分析及改进措施
  PrintedText level;  // 完成程度 chosen for a qualitative row (达成/部分达成/未达成), if any
  SelfEvalTarget parsed_target;
  TargetValue parsed_actual;    // the 实际完成值 through the same parser
  bool not_applicable = false;  // printed 不适用 / 无 / "/" in 得分 with a real indicator
  bool template_row = false;    // "指标1:", "……", "/": left in by the template, never scored
  std::string indicator() const { return level3.text; }
};

struct FundingSource {  // 四川 2023: the budget split by 资金来源
  PrintedText name;     // 财政拨款, 其他资金 …
  PrintedMoney year_start, full_year, executed;
  PrintedNumber weight,
      score;  // its own 分值 and 得分, when the rule set scores sources ("—": none)
};

struct SelfEvalBudget {
  bool present = false;
  PrintedMoney year_start;  // 年初预算数 (some layouts have none)
  PrintedMoney full_year;   // 全年预算数 (调整后) — the base of 执行率
  PrintedMoney executed;    // 全年执行数
  PrintedNumber weight;     // 分值
  PrintedNumber rate;       // 执行率 as printed, percent number
  PrintedNumber score;      // 得分 as printed
  PrintedText reason;  // 偏差原因 of the block (执行率 below the rule's bar), when printed
  std::vector<FundingSource> sources;
  int line = 0;  // budget.csv data line or sheet row of the block
  // The unit the form printed its amounts in (元 or 万元: the 全年预算数 column's, else the rule
  // set's); messages and rendered forms show amounts in it.
  std::string money_unit = "万元";
};

// An amount in the budget's own unit: "215,457.60元" or "21.55万元" (core/format.h).
std::string FormatBudgetMoney(const SelfEvalBudget& budget, const Money& amount);

struct SelfEvalHeader {
  PrintedText unit;        // 单位 (实施单位)
  PrintedText project;     // 项目名称
  PrintedText department;  // 主管部门
  PrintedText year;        // 年度
  PrintedText region;      // 区域 (省/市/县)
};

struct SelfEvaluation {
  std::string source;  // display name of the form: a folder, a file, or the web upload's name
  std::string layout;  // "csv", "national", "sichuan-2023" …
  SelfEvalHeader header;
  PrintedText goal;         // 总体目标 (年度绩效目标)
  PrintedText goal_actual;  // 实际完成情况
  std::vector<SelfEvalRow> rows;
  SelfEvalBudget budget;
  PrintedNumber total;  // printed 总分
  PrintedText grade;    // printed 等级 / 自评等级
  // The points a workbook's 一级 headings print ("产出指标（40分）" → 产出指标: 40).
  std::map<std::string, Rational> block_points;
};

// A cell that the template left in, not a real indicator: "指标1:", "指标2：", "……", "...", "/",
// "-", "无" standing alone in the 三级 cell, or a row whose 三级 is blank.
bool IsTemplateText(const std::string& level3);

// 不适用 markers in a 得分 or 实际完成值 cell: "不适用", "不涉及", "/" (with a real indicator).
bool IsNotApplicableText(const std::string& text);

// The template's own instruction left in a box instead of an answer: “对照年度目标，说明相关任务
// 目标的完成情况（100字以内）” (四川 2023).
bool IsInstructionText(const std::string& text);

// Rewrites the comparators forms print into the ones TargetValue reads, and reads the target:
// "≧100%" "═1项" "90%以上" "不低于95%" "小于5次" "不超过3天" "100%以内". A bare quantitative value
// ("43.2") is read as ≥ with bare_read_as_ge set.
SelfEvalTarget ReadSelfEvalTarget(const std::string& printed);

}  // namespace jixiao
