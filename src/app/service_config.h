// The configuration file of `jixiao serve` (/etc/jixiao/jixiao.conf; docs/deploy.md): one
// "key = value" a line, '#' comments, keys listen, data, db, tls-cert, tls-key.
// Contract: every problem is a located Chinese error (file:line) saying what to fix; a db URL
// holding a password is refused without the password ever appearing in a message. Flags given to
// `serve` on the command line are applied by the caller after this, so they win.
#pragma once

#include <string>

#include "core/diagnostics.h"

namespace jixiao {

struct ServiceConfig {
  std::string listen = "127.0.0.1:8080";
  std::string data;      // data folder; "" = the command's default
  std::string db;        // postgresql:// URL without a password; "" = SQLite in `data`
  std::string tls_cert;  // PEM files; both or neither
  std::string tls_key;
};

// Reads `path` over the defaults already in `config`. False (with errors in `diags`) when the file
// cannot be read or any line is wrong; `config` then holds what the good lines said.
bool ReadServiceConfig(const std::string& path, ServiceConfig& config, Diagnostics& diags);

// Checks one value as the file or a flag gives it; "" when fine, else the Chinese reason.
std::string CheckServiceValue(const std::string& key, const std::string& value);

}  // namespace jixiao
