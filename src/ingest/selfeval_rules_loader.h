// Reads a 自评表 rule set (indicators/selfeval-*.json; format in docs/selfeval.md) into
// SelfEvalRules. Contract: returns nullopt when any error was reported; every problem is located
// (file:line:column and JSON path), in Chinese, and says what to write instead. Unknown keys are
// errors (typos must not pass silently); a budget base other than 全年预算数 is refused.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "model/selfeval_rules.h"

namespace jixiao {

std::optional<SelfEvalRules> ParseSelfEvalRules(const std::string& file,
                                                const std::string& json_text, Diagnostics& diags);
std::optional<SelfEvalRules> LoadSelfEvalRules(const std::string& file, Diagnostics& diags);

// Whether a JSON file declares itself a rule set ("kind": "selfeval-rules"); false when it
// cannot be read or parsed (the framework loader then reports why).
bool IsSelfEvalRulesFile(const std::string& file);

}  // namespace jixiao
