// Internal to the checker: the context every rule family reads (normalized rows, the project's
// deadline and total, the budget) and the families themselves.
// Contract: rules only append issues; they never change rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "targets/checker.h"
#include "targets/structure.h"

namespace jixiao::targets {

struct Context {
  const Input& in;
  std::vector<Row> rows;
  std::string deadline;  // "2025年12月31日" from 计划完成日期 (or the year in the name)
  std::optional<Money> budget_total;   // budget.csv details summed
  std::optional<Money> project_total;  // 项目资金总额 (when it agrees with its parts)
  std::vector<Issue> issues;

  explicit Context(const Input& input);
  std::optional<Money> Total() const { return budget_total ? budget_total : project_total; }
  Issue& Add(const char* rule, Severity severity, const Row& r, std::string message,
             std::string suggestion = "", std::vector<Fix> fixes = {});
  Issue& AddTable(const char* rule, Severity severity, std::string indicator, std::string message,
                  std::string suggestion = "");
};

void RowRules(Context& c);
// One numeric row's value by meaning and scale (T02 money as output, T08, T10 durations, T28, T29).
void MeaningRules(Context& c, const Row& r);
// One word-valued row by meaning (T30: an 效益 written as a direction, 有所提高, 程度较高).
void WordMeaningRules(Context& c, const Row& r);
// Rows that cannot be checked as written (blank_rows.cc); true when the row needs nothing more:
// a template leftover (T22; `cost_target`: the table has a cost target elsewhere) …
bool PlaceholderRow(Context& c, const Row& r, bool cost_target);
// … or a value that is blank, only a unit, several targets, a grading scale or unreadable (T21).
bool UncheckableValue(Context& c, const Row& r);
void TableRules(Context& c);
void BudgetRules(Context& c);

// How a 指标值 that is not one number is written (word_values.cc):
// the unit alone when the value is only a unit or comparator (`公里`, `≧ %` -> "公里", "%"), else
// "";
std::string BareUnit(const std::string& value);
// the number of comma- or 、-separated parts holding a figure (`432人、1792人` -> 2);
int FiguresInCell(const std::string& value);
// the one figure of a sentence as a value (`群众满意度达95%以上。` -> "≥95%"), else "";
std::string ProseFigure(const std::string& value);
// a 三级 that names nothing (`0`, `1.`, `—`: a template cell left as it was);
bool NotAName(const std::string& name);
// a hedged direction that sets no level (有所提升, 一定程度改善);
bool HedgedDirection(const std::string& value);
// a grading scale offered as the value (高中低, 高/中/低, 优良中低差): no target is chosen.
bool GradingScale(const std::string& value);

// The verb a deadline suggestion uses for a name: 发放完毕, 拨付到位, 完成 …
std::string DeadlineVerb(const std::string& name);

// "220万元" / "5,000元" for suggestions; whole 万元 when exact, else 元.
std::string WanYuanText(Money m);

}  // namespace jixiao::targets
