// The 自评表 jobs the CLI (`jixiao selfeval check`) and the web app (serve) share: resolve a rule
// set, read a form from a CSV folder or from bytes in memory, score and check it, apply an edit
// made in memory (a unit typing 实际完成值) and rescore, and render the results as text, as the
// JSON other tools rely on, and as the 复核汇总 and annotated-form workbooks.
// Contract: nothing here writes files; bytes in, bytes or strings out. Reading problems are
// located errors in `diags`; a form with reading errors is still scored as far as it was read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "core/diagnostics.h"
#include "ingest/selfeval_reader.h"
#include "model/selfeval.h"
#include "model/selfeval_rules.h"
#include "report/selfeval_review.h"
#include "scoring/selfeval_score.h"

namespace jixiao {

inline constexpr char kDefaultSelfEvalRules[] = "selfeval-national";

// An id of a shipped set (selfeval-national, selfeval-hubei, selfeval-sichuan-2023) or a path to
// a rules file; "" is the national default.
std::optional<SelfEvalRules> ResolveSelfEvalRules(const std::string& id_or_file,
                                                  Diagnostics& diags);

struct SelfEvalCheck {
  std::string source;
  std::optional<SelfEvaluation> form;  // nullopt when nothing could be read
  SelfEvalResult result;
  Diagnostics reading;  // the reader's located problems
  // serve: the form as its pages show it (its title, its unit), for 复核汇总; "" in the CLI.
  std::string title;
  std::string unit;
  std::vector<std::string> decision;  // serve: 复核状态, 意见, 复核人, 时间 for 复核汇总
  bool ok() const { return form && !reading.HasErrors(); }
};

// Whether a form looks 湖北-style: no row prints a 分值 and the budget block prints 分值 20.
bool LooksWithoutRowWeights(const SelfEvaluation& form);

// One form from bytes (serve): never touches the file system. `no_weight_rules`, when given
// (no --rules named), scores a form that LooksWithoutRowWeights by it instead, with a hint.
SelfEvalCheck CheckSelfEvalBytes(const SelfEvalCsvInput& input, const SelfEvalRules& rules,
                                 const SelfEvalRules* no_weight_rules = nullptr);
// One CSV folder (the CLI).
SelfEvalCheck CheckSelfEvalFolder(const std::string& dir, const SelfEvalRules& rules,
                                  const SelfEvalRules* no_weight_rules = nullptr);

// An edit made in memory: `field` is one of 实际完成值, 得分, 偏差原因, 分值 of row `row_index`
// (index into form.rows), or 总分 / 等级, or one of the budget block's 年初预算数, 全年预算数,
// 全年执行数 (money as typed: "1,234.5", "100万元"; a bare number is in `money_unit`, the rule
// set's), 预算分值, 预算得分, 预算偏差原因 (row_index ignored for these). The printed text is
// replaced, the figures re-read by the same parsers (ingest/csv.h ReadMoneyText for money); a
// budget edit makes the block present, and a blank 预算分值 is the rule set's. False (with a
// Chinese reason) for an unknown field or row, or an unreadable figure — whose text is still
// kept, with no value, so the page shows what was typed.
bool EditSelfEval(SelfEvaluation& form, size_t row_index, const std::string& field,
                  const std::string& text, std::string* why,
                  const std::string& money_unit = "万元");
// Scoring again after edits (what serve shows as the unit types).
SelfEvalResult RescoreSelfEval(const SelfEvaluation& form, const SelfEvalRules& rules);

// `{"form": {"claimed_total", "computed_total", "findings": []}, "budget": {"claimed",
// "computed", "findings": []}, "rows": [{"line", "indicator", "weight", "claimed", "computed",
// "findings": []}]}`; a finding is {"code", "severity": 错误|警告|提示, "message"} and the
// message starts with its location. Figures are numbers to 0.01, null when absent.
std::string SelfEvalJson(const SelfEvalResult& result);
// The text report of one form, as `selfeval check` prints it.
std::string SelfEvalText(const SelfEvalCheck& check);

// 复核汇总.xlsx and one 复核_<name>.xlsx per readable form.
std::vector<OutputFile> SelfEvalReviewFiles(const std::vector<SelfEvalCheck>& checks);
// One form as 复核汇总 takes it (named by its title when it has one); points into `check`.
report::ReviewedForm ReviewedFormOf(const SelfEvalCheck& check);

}  // namespace jixiao
