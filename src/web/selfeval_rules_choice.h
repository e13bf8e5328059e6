// The 自评 rule set a unit picks when it uploads a 自评表: the shipped sets (national, 湖北式,
// 四川 2023 …) and the admin's enabled uploads, listed by their Chinese names; "" keeps today's
// default (the national rules, a 湖北-style form recognised by its layout).
// Contract: a chosen set is returned as its JSON text, checked by the CLI's loader, to be kept
// with the form (part "rules"); an unknown or disabled choice is an error naming the field.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "web/db.h"
#include "web/http.h"

namespace jixiao::web {

// {id, title, selected} items for a <select name="rules">, the default first; `selected` marks
// the id the user chose (a refused upload shows its choice again).
// `with_auto` false: the sets only (the 自评表 page, where one of them is always in force).
Data SelfEvalRuleChoices(Db& db, const std::string& selected = "", bool with_auto = true);

// The choice (a shipped id, or upload:DOC) naming the set a form is scored by: its kept JSON's
// id (a shipped set or an admin's upload of that id), else the set chosen by the form's layout.
std::string SelfEvalRuleChoiceOf(Db& db, const std::string& rules_id);

// A rule set's Chinese name by its id (shipped sets and the admin's uploads); "" when unknown.
// One call per page: the names are read once into the map returned.
std::map<std::string, std::string> SelfEvalRulesTitles(Db& db);

// The JSON of the chosen set; "" for the default; nullopt (and `why`) for a bad choice.
std::optional<std::string> ChosenSelfEvalRules(Db& db, const std::string& value, std::string* why);

}  // namespace jixiao::web
