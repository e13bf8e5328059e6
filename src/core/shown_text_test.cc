// Issue 19: control characters in printed messages, and reading a file only from inside a root.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/diagnostics.h"
#include "core/text.h"

namespace jixiao {

TEST_CASE("ShownText escapes controls, C1 and bidi overrides, keeps Chinese") {
  CHECK(ShownText("附件\x1b[31m红\a\b") == "附件\\x1b[31m红\\x07\\x08");
  CHECK(ShownText("a\nb\tc\rd\x7f") == "a\\nb\\tc\\rd\\x7f");
  CHECK(ShownText("\xc2\x9b"
                  "2J") == "\\u009b2J");
  CHECK(ShownText("名\xe2\x80\xae"
                  "fdp.exe") == "名\\u202efdp.exe");
  CHECK(ShownText("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
  CHECK(ShownText("预算执行率 100.00%，见“附件1”") == "预算执行率 100.00%，见“附件1”");
}

TEST_CASE("a printed diagnostic never carries a raw control character") {
  Diagnostic d{Severity::kWarning,
               "case.attachment_name",
               {"case/attachments/附件\n# 伪造章节.pdf", 0, 0, ""},
               "已略过"};
  std::string line = d.ToString();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("附件\\n# 伪造章节.pdf") != std::string::npos);
}

TEST_CASE("ReadFileInside refuses .., absolute paths and links out of the root") {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("jixiao-inside-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "root" / "sub");
  std::ofstream(base / "secret.txt") << "secret";
  std::ofstream(base / "root" / "ok.txt") << "ok";
  fs::create_symlink(base / "secret.txt", base / "root" / "leak.txt");
  fs::create_directory_symlink(base, base / "root" / "up");
  std::string root = (base / "root").string(), why;
  CHECK(ReadFileInside(root, "ok.txt", &why).value_or("") == "ok");
  CHECK_FALSE(ReadFileInside(root, "leak.txt", &why));
  CHECK(why.find("符号链接") != std::string::npos);
  CHECK_FALSE(ReadFileInside(root, "up/secret.txt", &why));
  CHECK_FALSE(ReadFileInside(root, "../secret.txt", &why));
  CHECK_FALSE(ReadFileInside(root, (base / "secret.txt").string(), &why));
  CHECK_FALSE(ReadFileInside(root, "missing.txt", &why));
  fs::remove_all(base);
}

TEST_CASE("ReadFileBytes takes a lower limit for one kind of file") {
  namespace fs = std::filesystem;
  fs::path file = fs::temp_directory_path() / ("jixiao-limit-" + std::to_string(::getpid()));
  std::ofstream(file) << std::string(2048, 'a');
  std::string why;
  CHECK(ReadFileBytes(file.string(), &why, 2048));
  CHECK_FALSE(ReadFileBytes(file.string(), &why, 2047));
  CHECK(why.find("文件过大") != std::string::npos);
  fs::remove(file);
}

}  // namespace jixiao
