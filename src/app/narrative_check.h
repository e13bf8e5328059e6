// Narrative hygiene for a case directory: `validate` reports what a reviewer would have to edit in
// narrative/*.md, attachments/*.md and the texts of case.json; `tidy` applies the safe fixes to
// narrative/*.md and attachments/*.md.
// Contract: lint adds warnings (never errors) located at file:line or the JSON path; TidyCase
// returns the new text of each changed file and writes nothing itself.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/case.h"
#include "model/framework.h"
#include "scoring/evaluation.h"

namespace jixiao {

// Narrative files of a case directory (narrative/*.md), sorted by name.
std::vector<std::string> NarrativeFiles(const std::string& case_dir);

// The appended attachments written in markup (attachments/附件N 标题.md, regular files inside the
// case), sorted by name; validate and tidy treat them as narrative.
std::vector<std::string> AttachmentTextFiles(const std::string& case_dir);

void LintCaseNarrative(const std::string& case_dir, const Case* loaded, Diagnostics& diags);

// The framework's texts the report quotes (评分标准, 指标解释), linted as narrative is, plus a
// range joined with a dash (code framework.text, warnings at each indicator).
void LintFrameworkTexts(const Framework& framework, Diagnostics& diags);

// Figures in the narrative and in the 经验/问题 texts that disagree with what the case computes,
// and blanket claims its scores contradict (report/narrative_figures.h), as warnings located at
// narrative/FILE:line (or case.json's JSON path), each naming the report section it prints under.
void LintNarrativeFigures(const Evaluation& evaluation, Diagnostics& diags);

struct TidiedFile {
  std::string path;  // case_dir/narrative/x.md
  std::string before, after;
};
std::vector<TidiedFile> TidyCase(const std::string& case_dir);

// A line diff for the terminal: "- old" / "+ new" per changed paragraph.
std::string ParagraphDiff(const TidiedFile& file);

}  // namespace jixiao
