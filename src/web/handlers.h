// Helpers shared by the handler files (handlers_*.cc); not part of the module's interface.
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "web/server.h"
#include "web/users.h"

namespace jixiao::web {

std::string MakeSessionCookie(const std::string& token, bool tls, bool clear);
std::string WebTemplateDir();

// A diagnostic as one line for the page, with its location.
std::string DiagnosticLine(const Diagnostic& d);
std::string DiagnosticJson(const Diagnostic& d);
Data DiagnosticData(const Diagnostic& d);

}  // namespace jixiao::web
