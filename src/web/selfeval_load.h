// A stored 自评表 version read back as the page, the downloads and the region's exports see it:
// its parts (web/selfeval_parts.h) checked as `jixiao selfeval check` checks them (an .xlsx
// through a scratch copy named as the user knows it), the typed edits replayed and rescored by
// the rule set the form was scored by (an uploaded set kept as its part "rules").
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
std::optional<SelfEvalRules> RulesOf(const SelfEvalResult& r,
                                     const std::map<std::string, std::string>& parts);

// A version's content read and checked; `name` is the form's name in messages.
Loaded Load(const std::string& data_dir, const std::string& content, const std::string& name);

}  // namespace jixiao::web
