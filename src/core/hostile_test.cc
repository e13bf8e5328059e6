// Hostile-input helpers in core: checked sums, safe file names, path containment, file reading.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "core/money.h"
#include "core/temp_files.h"
#include "core/text.h"

namespace jixiao {
namespace {

TEST_CASE("Money and Score sums throw on overflow instead of wrapping") {
  Money big{std::numeric_limits<int64_t>::max() - 1};
  CHECK_THROWS_AS(big + Money{2}, std::overflow_error);
  Money low{std::numeric_limits<int64_t>::min() + 1};
  CHECK_THROWS_AS(low - Money{2}, std::overflow_error);
  Score s{std::numeric_limits<int64_t>::max()};
  CHECK_THROWS_AS(s += Score{1}, std::overflow_error);
  CHECK((Money{150} + Money{-50}).fen == 100);
  // Beyond 64-bit fen is "not an amount", never a wrapped one.
  CHECK_FALSE(Money::Parse("99999999999999999", MoneyUnit::kWanYuan));
  CHECK_FALSE(Score::Exact(Rational(std::numeric_limits<int64_t>::max())));
}

TEST_CASE("case ids become one safe file name") {
  CHECK(SafeFileName("maqiao-2024") == "maqiao-2024");
  CHECK(SafeFileName("../../..") == "_.._");
  CHECK(SafeFileName("/etc/cron.d/x") == "_etc_cron.d_x");
  CHECK(SafeFileName("a\\b:c*d?e\"f<g>h|i") == "a_b_c_d_e_f_g_h_i");
  CHECK(SafeFileName("..") == "case");
  CHECK(SafeFileName("") == "case");
  CHECK(SafeFileName("马桥\x01镇") == "马桥_镇");
  std::string long_id = std::string(99, 'x') + "镇镇";  // cut inside a character
  std::string safe = SafeFileName(long_id);
  CHECK(safe == std::string(99, 'x'));
  CHECK(IsValidUtf8(safe));
}

TEST_CASE("input paths named in input files stay relative and inside") {
  CHECK(IsPlainRelativePath("background.md"));
  CHECK(IsPlainRelativePath("sub/a.md"));
  CHECK(IsPlainRelativePath("a..b.md"));
  CHECK_FALSE(IsPlainRelativePath(""));
  CHECK_FALSE(IsPlainRelativePath("/etc/passwd"));
  CHECK_FALSE(IsPlainRelativePath("../../etc/passwd"));
  CHECK_FALSE(IsPlainRelativePath("a/../../b"));
  CHECK_FALSE(IsPlainRelativePath("..\\..\\b"));
  std::string dir = "/tmp/jixiao-core-test-" + std::to_string(getpid());
  mkdir(dir.c_str(), 0700);
  mkdir((dir + "/n").c_str(), 0700);
  std::FILE* f = std::fopen((dir + "/secret").c_str(), "w");
  std::fclose(f);
  REQUIRE(symlink("../secret", (dir + "/n/link.md").c_str()) == 0);
  CHECK_FALSE(IsInside(dir + "/n/link.md", dir + "/n"));
  CHECK(IsInside(dir + "/n/link.md", dir));
  CHECK(IsInside(dir + "/n/missing.md", dir + "/n"));
  unlink((dir + "/n/link.md").c_str());
  unlink((dir + "/secret").c_str());
  rmdir((dir + "/n").c_str());
  rmdir(dir.c_str());
}

TEST_CASE("ReadFileBytes refuses FIFOs, directories and symlink loops without blocking") {
  std::string dir = "/tmp/jixiao-read-test-" + std::to_string(getpid());
  mkdir(dir.c_str(), 0700);
  std::string why;
  REQUIRE(mkfifo((dir + "/fifo").c_str(), 0600) == 0);
  CHECK_FALSE(ReadFileBytes(dir + "/fifo", &why));
  CHECK(why.find("不是普通文件") != std::string::npos);
  CHECK_FALSE(ReadFileBytes(dir, &why));
  CHECK(why.find("目录") != std::string::npos);
  REQUIRE(symlink("b", (dir + "/a").c_str()) == 0);
  REQUIRE(symlink("a", (dir + "/b").c_str()) == 0);
  CHECK_FALSE(ReadFileBytes(dir + "/a", &why));
  CHECK(why.find("符号链接形成循环") != std::string::npos);
  CHECK_FALSE(ReadFileBytes(dir + "/none", &why));
  CHECK(why == "文件或目录不存在");
  for (const char* name : {"/fifo", "/a", "/b"}) unlink((dir + name).c_str());
  rmdir(dir.c_str());
}

TEST_CASE("temporaries of dead processes are removed, live ones kept") {
  std::string dir = "/tmp/jixiao-temp-test-" + std::to_string(getpid());
  mkdir(dir.c_str(), 0700);
  std::string mine = temp::TempName(dir, "report.md");
  std::string dead = dir + "/.jixiao-999999999-0-report.md.tmp";
  std::string other = dir + "/.keep.tmp";
  for (const auto& p : {mine, dead, other}) std::fclose(std::fopen(p.c_str(), "w"));
  std::string office = dir + "/.jixiao-office-999999998-0";  // a folder left by a killed run
  mkdir(office.c_str(), 0700);
  std::fclose(std::fopen((office + "/report.docx").c_str(), "w"));
  CHECK(temp::RemoveStaleTemps(dir) == 2);
  CHECK_FALSE(PathExists(office));
  CHECK(PathExists(mine));
  CHECK_FALSE(PathExists(dead));
  CHECK(PathExists(other));
  for (const auto& p : {mine, other}) unlink(p.c_str());
  rmdir(dir.c_str());
}

}  // namespace
}  // namespace jixiao
