#include "report/template_nesting.h"

#include <cctype>

#include "core/limits.h"
#include "core/text.h"

namespace jixiao::report {

bool CheckTemplateNesting(const std::string& text, const std::string& file, Diagnostics& diags) {
  std::string open = "{{", close = "}}";
  int depth = 0, line = 1;
  size_t counted = 0;  // lines are counted up to here
  auto line_at = [&](size_t at) {
    for (; counted < at && counted < text.size(); ++counted) line += text[counted] == '\n';
    return line;
  };
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    size_t inner = at + open.size();
    std::string tag_close = close;
    if (open == "{{" && inner < text.size() && text[inner] == '{') tag_close = "}" + close;
    size_t end = text.find(tag_close, inner);
    if (end == std::string::npos) return true;  // mustache reports the unclosed tag
    size_t kind_at = inner;
    while (kind_at < end && std::isspace(static_cast<unsigned char>(text[kind_at]))) ++kind_at;
    char kind = kind_at < end ? text[kind_at] : '\0';
    if (kind == '#' || kind == '^') {
      if (++depth > limits::kMaxTemplateNesting) {
        diags.Error("template.nesting", {file, line_at(at), 0, ""},
                    "模板的区块（{{#…}}、{{^…}}）嵌套超过 " +
                        std::to_string(limits::kMaxTemplateNesting) +
                        " 层的上限（见 docs/limits.md）：请减少嵌套层数");
        return false;
      }
    } else if (kind == '/') {
      if (depth > 0) --depth;
    } else if (kind == '=' && end > kind_at + 1 && text[end - 1] == '=') {
      // {{=<% %>=}}: the new opening and closing delimiters, separated by blanks.
      std::string spec = Trim(text.substr(kind_at + 1, end - kind_at - 2));
      size_t blank = spec.find_first_of(" \t");
      if (blank != std::string::npos) {
        std::string new_open = spec.substr(0, blank), new_close = Trim(spec.substr(blank));
        if (!new_open.empty() && !new_close.empty()) open = new_open, close = new_close;
      }
    }
    at = end + tag_close.size();
  }
  return true;
}

}  // namespace jixiao::report
