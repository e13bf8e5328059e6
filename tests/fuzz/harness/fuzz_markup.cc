// libFuzzer harness: template block markup, then every text writer over the resulting document
// (escaping for Markdown, HTML and DOCX XML).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/guard.h"
#include "document/markup.h"
#include "render/render.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  jixiao::Diagnostics diags;
  jixiao::Guarded("fuzz.mustache", diags, [&] {
    jixiao::doc::Document document;
    jixiao::doc::ParseMarkup(
        text, [](const std::string&, const std::string&, jixiao::doc::Document&) {}, document);
    jixiao::render::ToMarkdown(document);
    jixiao::render::ToHtml(document);
    jixiao::render::ToDocx(document, "<w:styles/>");
    jixiao::doc::ParseRuns(jixiao::doc::EscapeValue(text));
  });
  return 0;
}
