// Whether a narrative section typed in the page differs from its saved text (webtrial5 item 10):
// a browser drops a textarea's leading newline and sends CRLF, so blanks at the section's edges
// and line endings are not a change. Only a real change makes a version and an audit entry.
// Contract: pure on two UTF-8 strings; nothing throws.
#pragma once

#include <string>

namespace jixiao::web {

bool SectionTextChanged(const std::string& saved, const std::string& typed);

}  // namespace jixiao::web
