// Builds the evaluation report as a document from templates (templates/report/): each section
// template is rendered with mustache over the report context, then read as block markup;
// [[table:NAME]] inserts a computed table, [[narrative:KEY]] the evaluator's text, [[cover]] the
// cover. Headings are numbered 一、/（一）/1./（1） unless they end in "{-}"; tables are numbered
// by chapter and section (表1-3-2), appendix tables as 附表N.
// Contract: template problems are located errors naming the template file; nothing is invented
// for a table whose data the case lacks (a warning names the reference instead).
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "document/document.h"
#include "report/report_input.h"

namespace jixiao::report {

// The default template directory: $JIXIAO_TEMPLATES, else <templates>/report of the shipped
// templates found at run time (core/resources.h: $JIXIAO_HOME, beside the binary, share/jixiao).
std::string DefaultTemplateDir();
// "" when the shipped templates/ is found, else "；" and every place it was looked for (Chinese).
std::string ShippedTemplatesHint();

// `sections` names the file in template_dir listing the section templates (the survey appendix
// alone uses survey-sections.txt).
std::optional<doc::Document> BuildReport(const ReportInput& in, const std::string& template_dir,
                                         Diagnostics& diags,
                                         const std::string& sections = "sections.txt");

// Numbers headings and tables in place (exposed for tests).
void NumberDocument(doc::Document& document);

}  // namespace jixiao::report
