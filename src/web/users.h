// Accounts for `jixiao user add`, the admin page and the API: one validation, one hash.
// Contract: CreateUser returns "" on success, else a Chinese message saying what to fix; the
// password is only ever hashed (web/crypto.h), never stored or printed.
#pragma once

#include <string>

#include "web/db.h"

namespace jixiao::web {

std::string CreateUser(Db& db, const std::string& name, const std::string& role,
                       const std::string& unit, const std::string& region,
                       const std::string& password);
// "" or what is wrong with a new password (10 to 1024 characters).
std::string PasswordProblem(const std::string& password);
// The admin's changes to account NAME (disabled ones too); each ends all its sessions.
// "" on success, else the Chinese message.
std::string ResetUserPassword(Db& db, const std::string& name, const std::string& password);
std::string SetUserEnabled(Db& db, const std::string& name, bool enabled);

}  // namespace jixiao::web
