// The 自评表 page's budget block, its findings and live preview, what a refused save shows
// again (the inputs as typed and each refused field's reason at it), and the header a
// downloaded form takes from the stored document (handlers_selfeval.cc).
#pragma once

#include <map>
#include <set>
#include <string>

#include "app/selfeval_app.h"
#include "web/db.h"
#include "web/http.h"

namespace jixiao::web {

// What the unit typed when a save was refused: the inputs (by form key) shown again, and each
// refused field's Chinese reason shown at it.
struct Typed {
  std::map<std::string, std::string> values, errors;
  std::string Value(const std::string& key, const std::string& saved) const {
    auto it = values.find(key);
    return it == values.end() ? saved : it->second;
  }
  std::string Error(const std::string& key) const {
    auto it = errors.find(key);
    return it == errors.end() ? "" : it->second;
  }
};

// The budget block's inputs: form key, EditSelfEval field, the label shown.
struct BudgetInput {
  const char* key;
  const char* field;
};
inline constexpr BudgetInput kBudgetInputs[] = {{"b_start", "年初预算数"},
                                                {"b_full", "全年预算数"},
                                                {"b_done", "全年执行数"},
                                                {"b_score", "预算得分"},
                                                {"b_reason", "预算偏差原因"}};

// How far the unit has filled its form: rows with an 实际完成值 or 得分 typed, of the scored
// rows. Until the form is complete its score is provisional and no grade is shown: "blank"
// (nothing typed, budget block included) shows 待填写, "partial" "已填 k/n 行，暂算".
// A row with neither typed is 待填写 until the form is submitted: no 复核得分 (not 0分) and none
// of its 未填… findings; on submit each unfilled field has its own located finding again.
struct FillProgress {
  size_t filled = 0, rows = 0;
  bool budget_typed = false;
  bool submitted = false;
  std::set<size_t> unfilled;  // row indices (SelfEvalRowResult::index)
  std::string State() const;  // blank | partial | complete
  std::string Note() const;   // "" when complete
  std::string Json() const;   // {"filled","rows","state"}
  bool Waiting(size_t row) const { return !submitted && unfilled.count(row) > 0; }
  // Whether the page shows finding `d` of row `row` (the 未填 ones of a waiting row: not yet).
  bool Shows(size_t row, const Diagnostic& d) const;
  size_t ShownCount(const SelfEvalResult& r) const;  // the page's 条复核意见
};
FillProgress ProgressOf(const SelfEvaluation& form, const SelfEvalResult& r,
                        bool submitted = false);

// A finding as the page shows it: the rule set named in words, not by its id.
Data FindingData(const Diagnostic& d);

// The live preview's answer (nothing saved): 复核分, 等级, the number of findings, the form's
// and each row's findings as the page shows them, and the refused fields with their reasons.
// The grade is "" and `progress` says so until the form is complete.
std::string PreviewResultJson(const SelfEvalResult& r, const FillProgress& progress,
                              const std::map<std::string, std::string>& errors,
                              const std::map<std::string, std::string>& notes = {});

// The 提示 shown at a field whose typed figure holds full-width characters ("１２万元" is read
// "12万元", core/half_width.h); "" otherwise.
std::string WidthNote(const std::string& typed);
// Those 提示 for the typed form fields (实际完成值, 得分, 表上总分, budget inputs), by field key.
std::map<std::string, std::string> WidthNotes(const std::map<std::string, std::string>& typed);

// The filled form carries what the page knows: 年度, 项目名称 and 单位 left blank in the form are
// taken from the stored document (a title made as "<项目> 自评表" gives the project).
void FillKnownHeader(const Doc& doc, SelfEvaluation& form);

// The 复核 list's figures, computed as 复核汇总 computes them (report::ReviewFiguresOf), kept on
// the document: printed and recomputed 总分, findings, 行得分合计, the grade once the form is
// complete, and the rule set's id (Doc::framework).
void RecordSelfEvalFigures(Doc& d, const SelfEvalCheck& check);

// The saved text of a budget input (by form key).
std::string BudgetText(const SelfEvalBudget& b, const std::string& key);
// The budget block as the page shows it: inputs (typed values win), 分值, 执行率, 复核得分.
Data BudgetData(const SelfEvalCheck& check, const Typed& typed);
// The title of a 自评表 made from a unit's 绩效目标表: "<项目> 自评表", the table's own ending
// (绩效目标表, 绩效目标申报表, 目标表 …) dropped, so the page and FillKnownHeader name the project.
std::string SelfEvalTitleFromTargets(const std::string& targets_title);

}  // namespace jixiao::web
