// A stored 自评表 version's content (the uploaded parts and the edits typed since); see the header.
#include "web/selfeval_parts.h"

namespace jixiao::web {

namespace {
constexpr char kLineBreak = '\x1e';  // a line break inside an edit's text
}  // namespace

// A version's content: parts "NAME SIZE\n" + bytes; NAME: form, budget, summary, project, edits.
std::string PackParts(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out;
  for (const auto& [name, bytes] : parts)
    out += name + " " + std::to_string(bytes.size()) + "\n" + bytes;
  return out;
}

std::map<std::string, std::string> UnpackParts(const std::string& content) {
  std::map<std::string, std::string> out;
  size_t at = 0;
  while (at < content.size()) {
    size_t nl = content.find('\n', at);
    if (nl == std::string::npos) break;
    std::string head = content.substr(at, nl - at);
    size_t sp = head.find(' ');
    if (sp == std::string::npos) break;
    size_t size = std::stoul(head.substr(sp + 1));
    out[head.substr(0, sp)] = content.substr(nl + 1, size);
    at = nl + 1 + size;
  }
  return out;
}

std::vector<Edit> ReadEdits(const std::string& text) {
  std::vector<Edit> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    std::string line = text.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    at = nl == std::string::npos ? text.size() : nl + 1;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    std::string typed = line.substr(b + 1);
    for (auto& c : typed)
      if (c == kLineBreak) c = '\n';
    out.push_back({std::stoul(line.substr(0, a)), line.substr(a + 1, b - a - 1), typed});
  }
  return out;
}

std::string EditLine(size_t row, const std::string& field, const std::string& text) {
  std::string kept = text;
  for (auto& c : kept)
    if (c == '\n') c = kLineBreak;
  return std::to_string(row) + "\t" + field + "\t" + kept + "\n";
}

}  // namespace jixiao::web
