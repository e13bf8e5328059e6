// The reference word/styles.xml a report's DOCX carries: a template folder's own styles.xml, or
// the shipped templates/docx/styles.xml. Contract: the file is read only from inside its folder
// (no symlink out), must be UTF-8, well-formed XML without any DOCTYPE/DTD or entity declaration
// (so no XXE or entity expansion reaches Word), and its root must be <w:styles>; otherwise a
// located Chinese error (file:line:column) and nullopt.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"

namespace jixiao {

// Checks `xml` as read from `file`; true when it may go into word/styles.xml.
bool CheckDocxStyles(const std::string& file, const std::string& xml, Diagnostics& diags);

// The styles for a report rendered with `template_dir`: its styles.xml when present, else the
// shipped one; each checked as above.
std::optional<std::string> ReadDocxStyles(const std::string& template_dir, Diagnostics& diags);

}  // namespace jixiao
