// libFuzzer harness: a case's attachments/ folder (an appended .md attachment | a PNG it or the
// narrative embeds | an attachment file name, split at lines "----") loaded, scored and rendered
// into Markdown, HTML and DOCX. The first byte may turn the picture or the attachment into a
// symlink to a secret outside the case, or the images/ folder into a link out; the secret must
// never reach an output or a message (fuzz_case_dir.h).
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/pipeline.h"
#include "core/guard.h"
#include "fuzz_case_dir.h"
#include "report/builder.h"

namespace {

std::string Base64(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                 (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  return out;  // whole groups only: enough to recognise the secret picture in HTML
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jixiao;
  std::string input(reinterpret_cast<const char*>(data), size);
  char mode = input.empty() ? '\0' : input[0];
  auto parts = fuzz::SplitParts(input.empty() ? input : input.substr(1), 3);
  std::string dir = fuzz::FreshCase("acase");
  std::string outside = fuzz::SecretDir();
  std::filesystem::create_directories(dir + "/attachments");
  // The file name: one path component, never empty; "附件1 访谈.md" when the input gives none.
  std::string name = parts[2];
  for (char& c : name)
    if (c == '/' || c == '\0') c = '_';
  if (name.empty() || name == "." || name == "..") name = "附件1 访谈.md";
  std::string attachment = dir + "/attachments/" + name;
  if (mode == 'A') {
    if (symlink((outside + "/secret.txt").c_str(), attachment.c_str()) != 0) return 0;
  } else {
    fuzz::WriteFile(attachment, parts[0] + "\n\n![图 现场](images/p.png)\n");
  }
  if (mode == 'D') {  // images/ itself leads out of the case
    if (symlink(outside.c_str(), (dir + "/images").c_str()) != 0) return 0;
    if (symlink((outside + "/secret.png").c_str(), (outside + "/p.png").c_str()) != 0 &&
        errno != EEXIST)
      return 0;
  } else {
    std::filesystem::create_directories(dir + "/images");
    std::string picture = dir + "/images/p.png";
    if (mode == 'L') {
      if (symlink((outside + "/secret.png").c_str(), picture.c_str()) != 0) return 0;
    } else {
      fuzz::WriteFile(picture, parts[1]);
    }
  }
  static const std::string secret_png = Base64(ReadFileBytes(outside + "/secret.png").value_or(""));
  Diagnostics diags;
  std::optional<std::vector<OutputFile>> files;
  Guarded("fuzz.attachments", diags, [&] {
    if (auto evaluation = EvaluateCaseDir(dir, diags))
      files = RenderReport(*evaluation, {"md", "html", "docx"}, report::DefaultTemplateDir(), diags,
                           {dir, false});
  });
  fuzz::CheckNoSecret(files, diags);
  if (files)
    for (const auto& f : *files)
      if (fuzz::HashContains(f.bytes, secret_png)) std::abort();
  return 0;
}
