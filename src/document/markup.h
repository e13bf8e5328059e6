// A light block markup for report templates, turned into document blocks:
//   # … ####  headings (levels 1–4)        - item   list item      **bold**  bold run
//   [[table:NAME 标题]]  a computed table   [[chart:NAME 标题]]  a chart   [[pagebreak]]  [[toc]]
//   ![图题](images/x.png)  a picture (numbered with the charts)
//   [[cover]] blank lines separate paragraphs; "> " starts a paragraph without first-line indent.
// Contract: values substituted into templates must pass through EscapeValue first, so user text
// can never be read as markup; ParseMarkup restores it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/document.h"

namespace jixiao::doc {

// Called for [[table:NAME caption]] / [[cover]]; appends the blocks it stands for.
using DirectiveHandler =
    std::function<void(const std::string& name, const std::string& argument, Document& out)>;

std::string EscapeValue(const std::string& text);
void ParseMarkup(const std::string& text, const DirectiveHandler& handler, Document& out);
Runs ParseRuns(const std::string& text);  // **bold** handling and unescaping

}  // namespace jixiao::doc
