// Prints diagnostics to stderr, one per line (at most the first 500), then a summary line counting
// every error and warning.
#pragma once

#include "core/diagnostics.h"

namespace jixiao::cli {

void PrintDiagnostics(const Diagnostics& diags);

}  // namespace jixiao::cli
