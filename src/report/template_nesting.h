// A guard run on every report template before mustache sees it: the sections ({{#…}}, {{^…}})
// may nest at most limits::kMaxTemplateNesting deep (docs/limits.md). The mustache library's
// memory grows with the square of the depth (20,000 levels crashed at 4.6 GB), so capping the
// depth keeps the cost linear in the template's size. Contract: one linear scan, honouring
// {{=<% %>=}} delimiter changes; a located error (file:line) names the limit; never quotes the
// template's text.
#pragma once

#include <string>

#include "core/diagnostics.h"

namespace jixiao::report {

bool CheckTemplateNesting(const std::string& text, const std::string& file, Diagnostics& diags);

}  // namespace jixiao::report
