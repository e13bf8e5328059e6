// Writers from the document model to bytes: Markdown (pipe tables, merged cells repeated), HTML
// (self-contained, print CSS for A4) and DOCX (WordprocessingML through Poco::Zip).
// Contract: the writers know formats, not the domain; escaping for each format lives here.
#pragma once

#include <string>

#include "document/document.h"

namespace jixiao::render {

std::string ToMarkdown(const doc::Document& document);
std::string ToHtml(const doc::Document& document);
// `styles_xml` is the reference word/styles.xml (templates/docx/styles.xml).
std::string ToDocx(const doc::Document& document, const std::string& styles_xml);

std::string XmlEscape(const std::string& text);

}  // namespace jixiao::render
