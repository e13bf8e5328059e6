// Files the handlers write into a scratch or case folder, and the locations of what is read back:
// messages name a file as the user knows it (the form, the table, a file inside the case), never
// the server's own folders. Used by the evaluation, target-table and 自评表 handlers alike.
#pragma once

#include <string>

#include "core/diagnostics.h"

namespace jixiao::web {

// Writes BYTES to PATH as they are (binary), replacing what was there.
void WriteBytes(const std::string& path, const std::string& bytes);

// Locations under SCRATCH become SHOWN (e.g. "绩效目标表", "自评表.xlsx").
void RelocateScratch(Diagnostics& diags, const std::string& scratch, const std::string& shown);

// Locations under the case folder DIR become paths inside the case ("case.json"); the folder
// itself becomes "案例"; any other absolute path keeps only its file name.
void RelocateInCase(Diagnostics& diags, const std::string& dir);

}  // namespace jixiao::web
