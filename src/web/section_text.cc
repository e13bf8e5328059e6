#include "web/section_text.h"

#include "core/text.h"

namespace jixiao::web {
namespace {

std::string Normal(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return Trim(out);
}

}  // namespace

bool SectionTextChanged(const std::string& saved, const std::string& typed) {
  return Normal(saved) != Normal(typed);
}

}  // namespace jixiao::web
