// Helpers shared by the handler files (handlers_*.cc); not part of the module's interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/pipeline.h"
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

// The evaluation's case folder scored again: `doc` with total, grade and score --json set (or
// cleared when it cannot be scored) and the 一级 results in `categories`, for SaveVersion.
Doc RescoredDoc(Server& server, const Doc& doc, std::vector<Db::Category>& categories,
                std::optional<Evaluation>* evaluation = nullptr);

// Stores a new 自评表 kept as the .xlsx bytes given (the blank form `selfeval new` makes) for the
// signed-in unit, and answers as an upload does (redirect, or 201 with its id).
Response CreateSelfEvalFromWorkbook(Ctx& ctx, const std::string& xlsx, const std::string& title,
                                    const std::string& year);

}  // namespace jixiao::web
