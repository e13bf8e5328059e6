// Renders the evaluation report of a scored case into named files (report.docx/.html/.md) and the
// scoring workbook (scoring.xlsx).
// Contract: nothing is written here; the caller writes the buffers atomically. Template problems
// are located errors; an unknown format is an error naming the accepted ones.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "core/diagnostics.h"
#include "report/workbook_builder.h"

namespace jixiao {

struct OutputFile {
  std::string name;
  std::string bytes;
  // Or, when set, the content is this finished temporary file in the output folder (registered
  // with core/temp_files), renamed into place by the writer: a streamed compare.xlsx of 10⁵ rows.
  std::string staged;
};

const std::vector<std::string>& ReportFormats();  // docx, html, md, xlsx, pdf

// Removes the staged temporaries of files that will not be written (a later step failed).
void DiscardStaged(const std::vector<OutputFile>& files);

// LibreOffice use (app/office.h): `pdf` always needs it; with `toc_pages` a DOCX is laid out once
// to write each heading's page into the TOC. Scratch files go into `scratch_dir` (the output
// folder).
struct OfficeOptions {
  std::string scratch_dir;
  bool toc_pages = true;
};

// The 【待补充】 lines the report would print (sections only the evaluator can write, left
// empty): each a warning (code report.todo) for `validate`; returns how many.
size_t ListReportTodo(const Evaluation& evaluation, Diagnostics& diags);
// `report --final`: an error listing every 【待补充】 among `diags` (false) or true when none.
bool FinalReportReady(const std::string& case_dir, Diagnostics& diags);

// `places`: how the scoring workbook's 数据核查 sheet names places (report/workbook_builder.h);
// the CLI leaves it empty (file:line), the web names its pages.
std::optional<std::vector<OutputFile>> RenderReport(const Evaluation& evaluation,
                                                    const std::vector<std::string>& formats,
                                                    const std::string& template_dir,
                                                    Diagnostics& diags,
                                                    const OfficeOptions& office = {},
                                                    const report::CheckPlaces& places = {});

// The 问卷调查汇总分析报告 appendix alone (survey.docx/.html/.md); an error if the case has no
// survey.
std::optional<std::vector<OutputFile>> RenderSurveyAppendix(const Evaluation& evaluation,
                                                            const std::vector<std::string>& formats,
                                                            const std::string& template_dir,
                                                            Diagnostics& diags,
                                                            const OfficeOptions& office = {});

}  // namespace jixiao
