// The sparse case: what the report writes where the evaluator wrote nothing. Sections the data can
// tell (评价对象、范围, 评价依据, 计划实施内容, 其他) get a draft rendered from the report context;
// any other heading left with nothing under it gets a visible 【待补充：…】 line and a warning
// (code report.todo) naming where the evaluator writes it. `validate` lists these warnings and
// `report --final` refuses while any remains. Contract: no heading is printed bare.
#pragma once

#include <map>
#include <string>

#include "core/diagnostics.h"
#include "document/document.h"
#include "report/report_input.h"

namespace jixiao::report {

// The mustache draft of a data-derived narrative section, "" when only the evaluator can write it.
std::string DataDraftTemplate(const std::string& key);
// Every data-derived section's draft for this case, rendered (Markdown), by narrative key: the
// report's own drafts above and those `jixiao draft` (生成初稿) writes for the evaluator to edit
// (引言, 项目预算及支出情况, 绩效目标及实现情况, 计划完成情况), each figure from the data through
// core/format, judgement left as 【待补充：…】; quotes inside quotes as ‘…’.
std::map<std::string, std::string> DataDrafts(const ReportInput& in);
// Whether 生成初稿 can draft the narrative section `key` for some case (what the 核验清单 may
// promise).
bool DraftableSection(const std::string& key);
// Full-width digits, ％ and ． of a value as typed ("≥２０个") as the report prints them ("≥20个").
std::string NarrowFullWidth(const std::string& text);
// The drafts only `jixiao draft` writes (section_drafts_data.cc), "" where the data cannot tell.
std::string EditorDraft(const ReportInput& in, const std::string& key);

// Marks where a narrative section was missing (the builder inserts it, FillBareSections removes
// it): a paragraph whose text is kMissingMark + key.
extern const char* const kMissingMark;
// Marks where a narrative paragraph was dropped as a repeat of this chapter's earlier text
// (DropRepeats inserts it, FillBareSections removes it): kRepeatMark + the paragraph's opening.
extern const char* const kRepeatMark;

// Gives every bare heading (and every "●" run-in heading of the summary) a 【待补充：标题】 line
// and warns where to write it; drops the missing-narrative marks. `title` is the body's title
// line, which is no section. A 【待补充…】 left in a text (a drafted 经验) is warned once for
// each text of `c` holding it, at that text's case.json path (issue 21 N4), however often the
// report prints it; without `c`, or when no text holds it, once at the case.
void FillBareSections(doc::Document& document, const std::string& case_dir,
                      const std::string& title, Diagnostics& diags, const Case* c = nullptr);

// The code of the warning each 【待补充】 line raises.
extern const char* const kTodoCode;

}  // namespace jixiao::report
