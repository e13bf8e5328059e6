// Prints diagnostics to stderr, one per line, errors first counted in a closing summary line.
#pragma once

#include "core/diagnostics.h"

namespace jixiao::cli {

void PrintDiagnostics(const Diagnostics& diags);

}  // namespace jixiao::cli
