// The 附件 of a report (docs/templates.md, “附件”): the attachment list, the appended sections of a
// case's attachments/ files, the numbers the generated 评分表 and 问卷调查汇总分析报告 take from
// the references that name them, and number order among the appended chapters. Contract: works on
// the loaded Case and the document being built; reads no file except the pictures an attachment
// embeds (located warnings, as for narrative pictures).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "document/document.h"
#include "model/case.h"

namespace jixiao::report {

// Every text of the case that may cite an attachment: narrative, findings' analysis, experiences,
// problems, suggestions and the appended attachments themselves.
std::vector<std::string> CaseTexts(const Case& c);

// The attachments jixiao generates from case data: the 指标体系及评分表 (always) and the
// 问卷调查汇总分析报告 (with survey/ data). Each takes the number of the first reference whose
// title names it (“见附件1：指标体系及评分表”, “见附件2-2：问卷调查汇总分析报告”) and whose number
// no attachment file or other generated attachment takes. Unreferenced, it keeps its unnumbered
// heading when nothing else is numbered, and otherwise takes the first free whole number
// (the 评分表 附件1 beside 附件2-2).
struct GeneratedAttachment {
  std::string key;     // "scoring", "survey"
  std::string title;   // as the report heads it
  std::string number;  // "" when no reference numbers it
};
std::vector<GeneratedAttachment> GeneratedAttachments(const Case& c);
bool NamesGenerated(const GeneratedAttachment& g, const std::string& title);

// The numbers as printed, without a gap (issue 22: 附件2-2 with no 附件2-1): the numbers the case
// uses (files and generated attachments) in number order become 1, 2, 3…; a group with several
// members keeps them as N-1, N-2…, a lone member of a group is a whole number (2-2 → 2). Maps
// every used number; a number mapped to another is a gap `validate` names.
std::map<std::string, std::string> GaplessAttachmentNumbers(const Case& c);

// The case as the report prints it: attachments renumbered by GaplessAttachmentNumbers and every
// reference in its texts (CaseTexts) respelled to match.
Case WithGaplessAttachmentNumbers(const Case& c);

// The attachment list at the end of the body, as 公文 write it: “附件：1.标题”, then one line per
// further attachment in number order aligned under the first title (“　　　2-2.标题”), external
// ones ending in “（另附）”, with the generated attachments that have a number; a lone unnumbered
// generated attachment is listed without a number (“附件：指标体系及评分表”). Empty when none.
std::vector<std::string> AttachmentListItems(const Case& c,
                                             const std::vector<GeneratedAttachment>& generated);

// Appends each attachment file written in markup (.md) as a chapter: a page break, an unnumbered
// level-1 heading “附件2-1：标题”, its text with headings one level down (unnumbered) and its
// pictures loaded from the case directory. `load_image` is the builder's picture reader, given
// the attachment file that cites the picture.
void AppendAttachmentSections(
    const Case& c, doc::Document& out,
    const std::function<void(doc::Image&, const std::string& cited_in)>& load_image);

// An attachment chapter (headed “附件N：…”) is one entry of the TOC: its own sub-headings
// (调查概况, 说明…) are marked !in_toc.
void KeepAttachmentSubheadingsOutOfToc(doc::Document& document);

// Moves the chapters headed “附件N：…” (with the page break before each) into number order, at the
// place of the first of them; `tags` (one per block) moves with its block.
void OrderAttachmentChapters(doc::Document& document, std::vector<bool>& tags);

}  // namespace jixiao::report
