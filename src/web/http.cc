#include "web/http.h"

#include "core/text.h"

namespace jixiao::web {

std::string Request::Field(const std::string& name) const {
  auto it = form.find(name);
  if (it != form.end()) return it->second;
  it = query.find(name);
  return it == query.end() ? "" : it->second;
}

const Upload* Request::File(const std::string& field) const {
  for (const auto& f : files)
    if (f.field == field) return &f;
  return nullptr;
}

Response Json(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.location = location;
  return r;
}

Response Download(std::string bytes, const std::string& name, const std::string& content_type) {
  Response r;
  r.body = std::move(bytes);
  r.download_name = name;
  r.content_type = content_type;
  return r;
}

std::string Q(const std::string& text) { return JsonQuoted(text); }

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
  return out + "]";
}

Response JsonError(int status, const std::string& message, const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const auto& i : items) quoted.push_back(Q(i));
  return Json("{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":" + Q(message) +
                  ",\"items\":" + JsonArray(quoted) + "}}",
              status);
}

std::string UrlEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string UrlDecode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+')
      out += ' ';
    else if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(text[i + 1]) &&
             std::isxdigit(text[i + 2])) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else
      out += text[i];
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(const std::string& query) {
  std::map<std::string, std::string> out;
  size_t start = 0;
  while (start <= query.size() && out.size() < kMaxFields) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    std::string pair = query.substr(start, end - start);
    size_t eq = pair.find('=');
    if (!pair.empty())
      out[UrlDecode(pair.substr(0, eq))] =
          eq == std::string::npos ? "" : UrlDecode(pair.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

std::string ContentDisposition(const std::string& name) {
  // Plain-ASCII clients get "download.EXT"; others read the UTF-8 name.
  std::string ascii = "download";
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && name.size() - dot <= 6) {
    bool plain = true;
    for (unsigned char c : name.substr(dot + 1)) plain = plain && std::isalnum(c);
    if (plain) ascii += name.substr(dot);
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + UrlEncode(name);
}

Data List() { return Data(Data::type::list); }

Data Object(std::initializer_list<std::pair<const std::string, std::string>> fields) {
  // An empty text is left out: kainjow treats "" as true in {{#key}} sections, and a missing key
  // renders as nothing.
  Data d;
  for (const auto& [k, v] : fields)
    if (!v.empty()) d.set(k, v);
  return d;
}

}  // namespace jixiao::web
