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
// Every data-derived section's draft for this case, rendered (Markdown), by narrative key.
std::map<std::string, std::string> DataDrafts(const ReportInput& in);

// Marks where a narrative section was missing (the builder inserts it, FillBareSections removes
// it): a paragraph whose text is kMissingMark + key.
extern const char* const kMissingMark;
// Marks where a narrative paragraph was dropped as a repeat of this chapter's earlier text
// (DropRepeats inserts it, FillBareSections removes it): kRepeatMark + the paragraph's opening.
extern const char* const kRepeatMark;

// Gives every bare heading (and every "●" run-in heading of the summary) a 【待补充：标题】 line
// and warns where to write it; drops the missing-narrative marks. `title` is the body's title
// line, which is no section.
void FillBareSections(doc::Document& document, const std::string& case_dir,
                      const std::string& title, Diagnostics& diags);

// The code of the warning each 【待补充】 line raises.
extern const char* const kTodoCode;

}  // namespace jixiao::report
