// The 自评 rule set a unit picks when it uploads a 自评表: the shipped sets (national, 湖北式,
// 四川 2023 …) and the admin's enabled uploads, listed by their Chinese names; "" keeps today's
// default (the national rules, a 湖北-style form recognised by its layout).
// Contract: a chosen set is returned as its JSON text, checked by the CLI's loader, to be kept
// with the form (part "rules"); an unknown or disabled choice is an error naming the field.
#pragma once

#include <optional>
#include <string>

#include "web/db.h"
#include "web/http.h"

namespace jixiao::web {

// {id, title, selected} items for a <select name="rules">, the default first; `selected` marks
// the id the user chose (a refused upload shows its choice again).
Data SelfEvalRuleChoices(Db& db, const std::string& selected = "");

// The JSON of the chosen set; "" for the default; nullopt (and `why`) for a bad choice.
std::optional<std::string> ChosenSelfEvalRules(Db& db, const std::string& value, std::string* why);

}  // namespace jixiao::web
