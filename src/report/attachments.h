// The 附件 of a report (docs/templates.md, “附件”): the attachment list, the appended sections of a
// case's attachments/ files, the number the generated 问卷调查汇总分析报告 takes from the reference
// that names it, and number order among the appended chapters.
// Contract: works on the loaded Case and the document being built; reads no file except the
// pictures an attachment embeds (located warnings, as for narrative pictures).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.h"
#include "model/case.h"

namespace jixiao::report {

// Every text of the case that may cite an attachment: narrative, findings' analysis, experiences,
// problems, suggestions and the appended attachments themselves.
std::vector<std::string> CaseTexts(const Case& c);

// The number of the generated 问卷调查汇总分析报告: the first reference whose title names it
// (“见附件2-2：问卷调查汇总分析报告”) and whose number no attachment file takes; "" when none does
// or the case has no survey.
std::string SurveyAttachmentNumber(const Case& c);

// The 附件目录: one line per numbered attachment in number order, “附件2-1：标题”, external
// ones ending in “（另附）”; `survey_number` adds the generated survey report. Empty when none.
std::vector<std::string> AttachmentListItems(const Case& c, const std::string& survey_number);

// Appends each attachment file written in markup (.md) as a chapter: a page break, an unnumbered
// level-1 heading “附件2-1：标题”, its text with headings one level down (unnumbered) and its
// pictures loaded from the case directory. `load_image` is the builder's picture reader.
void AppendAttachmentSections(const Case& c, doc::Document& out,
                              const std::function<void(doc::Image&)>& load_image);

// Moves the chapters headed “附件N：…” (with the page break before each) into number order, at the
// place of the first of them; `tags` (one per block) moves with its block.
void OrderAttachmentChapters(doc::Document& document, std::vector<bool>& tags);

}  // namespace jixiao::report
