// LibreOffice headless for what only a layout engine knows: the PDF of a DOCX, and the page on
// which each heading falls (for the TOC's cached page numbers).
// Contract: the binary is $JIXIAO_OFFICE ("none" disables it), else soffice/libreoffice on PATH;
// conversions run in a scratch folder inside `scratch_parent` (the output folder), which is removed
// afterwards; failures are located errors in Chinese, never a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao {

std::optional<std::string> OfficeBinary();

std::optional<std::string> DocxToPdf(const std::string& docx, const std::string& scratch_parent,
                                     Diagnostics& diags);

// The page of each heading as its footer prints it (0 where not found), searched in order after
// the TOC page; needs pdftotext (poppler-utils); empty when it is missing. HeadingPagesInText does
// the search on pdftotext -layout output (pages split by form feeds); a page without a printed
// number counts by its place in the file.
std::vector<int> HeadingPages(const std::string& pdf, const std::vector<std::string>& headings,
                              const std::string& scratch_parent);
std::vector<int> HeadingPagesInText(const std::string& text,
                                    const std::vector<std::string>& headings);

}  // namespace jixiao
