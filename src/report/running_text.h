// The last pass over the report's words (issue 22), whatever wrote them (template, data, the
// evaluator): quotes inside quotes become ‘…’ (GB/T 15834: “民生保险‘沪惠保’补贴项目”) in
// paragraphs, headings and table cells, and an ISO date in running text reads as the report writes
// dates ("截至2024-12-31" -> "截至2024年12月31日"). Contract: figures and brackets are untouched.
#pragma once

#include <string>

#include "document/document.h"

namespace jixiao::report {

// “a“b”c” -> “a‘b’c”; `open` carries the open quotes from one run of a paragraph to the next.
std::string NestQuotes(const std::string& text, std::string* open = nullptr);

// 2024-12-31 / 2024-1-5 -> 2024年12月31日 / 2024年1月5日 (not inside a longer number).
std::string ChineseDates(const std::string& text);

void TidyRunningText(doc::Document& document);

}  // namespace jixiao::report
