// HTTP as plain data for the web handlers: the request (fields, uploads held in memory, cookies,
// the CSRF header) and the response (status, body, download name), with the helpers every handler
// uses to answer in Chinese as an HTML page or as JSON.
// Contract: nothing here touches the file system; uploads never carry their file name into a path.
#pragma once

#include <cstdint>
#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::web {

inline constexpr size_t kMaxUpload = 10 * 1024 * 1024;  // one uploaded file
inline constexpr size_t kMaxBody = 12 * 1024 * 1024;    // a whole request body
inline constexpr size_t kMaxFields = 2000;              // the entry form has ~5 per indicator

struct Upload {
  std::string field, filename, bytes;
};

struct Request {
  std::string method, path, remote;
  std::map<std::string, std::string> query, form, params, cookies;
  std::vector<Upload> files;
  std::string csrf_header;
  bool api = false;  // path starts with /api/v1/
  bool tls = false;

  std::string Field(const std::string& name) const;  // form, then query; "" when absent
  const Upload* File(const std::string& field) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::string download_name;  // set: served as an attachment under this name
  std::string location;       // set: a 303 redirect
  std::vector<std::pair<std::string, std::string>> cookies;  // Set-Cookie values
  // Set: this Content-Security-Policy instead of the application's, and framing by the same
  // origin allowed (the report preview shown in the evaluation page's sandboxed iframe).
  std::string framed_csp;
};

Response Json(std::string body, int status = 200);
Response Redirect(const std::string& location);
Response Download(std::string bytes, const std::string& name, const std::string& content_type);

// A JSON object {"error": {"status": N, "message": "…", "items": [...]}}.
Response JsonError(int status, const std::string& message,
                   const std::vector<std::string>& items = {});

// JSON writing helpers (values already quoted by JsonQuoted).
std::string Q(const std::string& text);
std::string JsonArray(const std::vector<std::string>& items);

// "attachment; filename="x"; filename*=UTF-8''…" with the name percent-encoded.
std::string ContentDisposition(const std::string& name);
std::string UrlEncode(const std::string& text);
std::string UrlDecode(const std::string& text);
std::map<std::string, std::string> ParseQuery(const std::string& query);

using Data = kainjow::mustache::data;
Data List();
// A mustache object of texts; empty texts are left out so that {{#key}} is false for them.
Data Object(std::initializer_list<std::pair<const std::string, std::string>> fields);

}  // namespace jixiao::web
