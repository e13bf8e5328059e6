// A stored 自评表 version loaded and checked: its parts (selfeval_parts.h) read as an upload is
// (the .xlsx through a scratch copy, or the CSVs), the recorded edits replayed through
// EditSelfEval and the form rescored by the rule set it was scored with (app/selfeval_app.h).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "app/selfeval_app.h"

namespace jixiao::web {

struct Loaded {
  SelfEvalCheck check;
  std::map<std::string, std::string> parts;
};

// The rule set a form was scored by (its result's rules_id), for rescoring and the downloads.
std::optional<SelfEvalRules> RulesOf(const SelfEvalResult& r);

// Throws std::runtime_error when the shipped rule sets are missing (an installation fault).
Loaded Load(const std::string& data_dir, const std::string& content, const std::string& name);

}  // namespace jixiao::web
