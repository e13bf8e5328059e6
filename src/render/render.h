// Writers from the document and workbook models to bytes: Markdown (pipe tables, merged cells
// repeated), HTML (self-contained, print CSS for A4) and DOCX (WordprocessingML through Poco::Zip).
// Contract: the writers know formats, not the domain; escaping for each format lives here.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "document/workbook.h"

namespace jixiao::render {

std::string ToMarkdown(const doc::Document& document);
std::string ToHtml(const doc::Document& document);
// `styles_xml` is the reference word/styles.xml (templates/docx/styles.xml).
// `toc_pages` are the pages of the TOC's headings (levels 1–2) when a render found them; they are
// the cached results of the TOC's PAGEREF fields (Word and LibreOffice recompute them).
std::string ToDocx(const doc::Document& document, const std::string& styles_xml,
                   const std::vector<int>& toc_pages = {});

// The scoring workbook as .xlsx bytes (libxlsxwriter).
std::string ToXlsx(const doc::Workbook& workbook);
// The same written to a new temporary file in temp::ScratchDir(), registered; returns its path.
// The caller renames it into place or removes it: a streamed workbook (Workbook::stream) of 10⁵
// rows is then never held in memory, not even as its compressed bytes.
std::string ToXlsxFile(const doc::Workbook& workbook);

// Removes what XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE, U+FFFF); bytes that are
// not UTF-8 become U+FFFD. Every writer passes user text through this (XmlEscape included).
std::string XmlSafe(const std::string& text);
std::string XmlEscape(const std::string& text);
std::string ValueText(double value);  // chart values as printed: two decimals

}  // namespace jixiao::render
