// libFuzzer harness: a template folder (sections.txt | a section template | styles.xml, split at
// lines "----") rendered over a small scored case into Markdown, HTML and DOCX, and styles.xml
// checked on its own. The first byte may turn a file into a symlink to a secret outside the
// folder; the secret must never reach an output or a message (fuzz_case_dir.h).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/docx_styles.h"
#include "app/pipeline.h"
#include "core/guard.h"
#include "fuzz_case_dir.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jixiao;
  static std::optional<Evaluation> evaluation = [] {
    Diagnostics ignored;
    return EvaluateCaseDir(fuzz::FreshCase("tcase"), ignored);
  }();
  if (!evaluation) std::abort();  // the seed case must score
  std::string input(reinterpret_cast<const char*>(data), size);
  char mode = input.empty() ? '\0' : input[0];
  auto parts = fuzz::SplitParts(input.empty() ? input : input.substr(1), 3);
  std::string tpl = fuzz::ScratchDir() + "/tpl";
  std::filesystem::remove_all(tpl);
  std::filesystem::create_directories(tpl);
  std::string secret = fuzz::SecretDir() + "/secret.txt";
  const char* names[] = {"sections.txt", "a.mustache", "styles.xml"};
  for (int i = 0; i < 3; ++i) {
    std::string path = tpl + "/" + names[i];
    if (mode == '1' + i) {  // '1' '2' '3': that file is a link out of the folder
      if (symlink(secret.c_str(), path.c_str()) != 0) return 0;
    } else if (i < 2 || !parts[i].empty()) {
      fuzz::WriteFile(path, parts[i]);
    }
  }
  Diagnostics diags;
  std::optional<std::vector<OutputFile>> files;
  Guarded("fuzz.templates", diags, [&] {
    files = RenderReport(*evaluation, {"md", "html", "docx"}, tpl, diags, {tpl, false});
    if (!parts[2].empty()) CheckDocxStyles("styles.xml", parts[2], diags);
  });
  fuzz::CheckNoSecret(files, diags);
  return 0;
}
