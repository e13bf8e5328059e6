// CSV output: the one field and record writer every CSV the program writes uses (RFC 4180
// quoting; "CsvRecord", since ingest/csv.h names a parsed row CsvRow).
// Contract: a field is quoted when it holds , " CR or LF (or always, when asked), with every "
// doubled; nothing else is changed. A leading = + - @ is written as typed (no formula guard): the
// files are read back by jixiao's own readers, where "=100%" is a 指标值, not a formula.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// `cell` as one CSV field: as typed, or in double quotes with " doubled.
std::string CsvField(std::string_view cell, bool always_quote = false);

// One record: the fields joined by "," and ended by `eol` ("\r\n" for files Excel opens, "\n"
// elsewhere).
std::string CsvRecord(const std::vector<std::string>& cells, std::string_view eol = "\r\n");

}  // namespace jixiao
