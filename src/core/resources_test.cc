// The lookup order of the shipped folders, on fake layouts built in a temporary folder.
#include "core/resources.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace jixiao {
namespace {

namespace fs = std::filesystem;

// A fresh empty folder under the system temp folder, removed when the fixture ends.
struct FakeTree {
  fs::path root;
  FakeTree() {
    root = fs::temp_directory_path() /
           ("jixiao-resources-" + std::to_string(getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~FakeTree() { fs::remove_all(root); }
  static int& counter() {
    static int n = 0;
    return n;
  }
  // Creates root/rel (and its folders) holding one line.
  std::string Touch(const std::string& rel) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << "x\n";
    return (root / rel).string();
  }
  std::string Path(const std::string& rel) const { return (root / rel).string(); }
};

}  // namespace

TEST_CASE("The shipped folders are found in the installed layout <prefix>/share/jixiao") {
  FakeTree t;
  t.Touch("prefix/bin/jixiao");
  t.Touch("prefix/share/jixiao/templates/report/sections.txt");
  t.Touch("prefix/share/jixiao/indicators/national-2020.json");
  t.Touch("prefix/share/jixiao/docs/case-format.md");
  const std::string exe = t.Path("prefix/bin/jixiao");
  CHECK(LocateResource("templates", "", exe).dir == t.Path("prefix/share/jixiao/templates"));
  CHECK(LocateResource("indicators", "", exe).dir == t.Path("prefix/share/jixiao/indicators"));
  CHECK(LocateResource("docs", "", exe).dir == t.Path("prefix/share/jixiao/docs"));
}

TEST_CASE("A moved prefix is found again: nothing depends on where it was installed") {
  FakeTree t;
  t.Touch("a/bin/jixiao");
  t.Touch("a/share/jixiao/templates/report/sections.txt");
  fs::rename(t.root / "a", t.root / "b");
  auto lookup = LocateResource("templates", "", t.Path("b/bin/jixiao"));
  CHECK(lookup.dir == t.Path("b/share/jixiao/templates"));
}

TEST_CASE("The source-tree layout build/jixiao -> ../templates is found") {
  FakeTree t;
  t.Touch("src/build/jixiao");
  t.Touch("src/templates/report/sections.txt");
  t.Touch("src/indicators/national-2020.json");
  CHECK(LocateResource("templates", "", t.Path("src/build/jixiao")).dir == t.Path("src/templates"));
  CHECK(LocateResource("indicators", "", t.Path("src/build/jixiao")).dir ==
        t.Path("src/indicators"));
}

TEST_CASE("Lookup order: JIXIAO_HOME, beside the binary, ../share/jixiao, then ../") {
  FakeTree t;
  const std::string exe = t.Path("p/bin/jixiao");
  t.Touch("p/bin/jixiao");
  t.Touch("p/templates/report/sections.txt");  // source-tree layout: last
  CHECK(LocateResource("templates", "", exe).dir == t.Path("p/templates"));
  t.Touch("p/share/jixiao/templates/report/sections.txt");  // install prefix beats source tree
  CHECK(LocateResource("templates", "", exe).dir == t.Path("p/share/jixiao/templates"));
  t.Touch("p/bin/templates/report/sections.txt");  // beside the binary beats the prefix
  CHECK(LocateResource("templates", "", exe).dir == t.Path("p/bin/templates"));
  t.Touch("home/templates/report/sections.txt");  // the explicit override beats everything
  CHECK(LocateResource("templates", t.Path("home"), exe).dir == t.Path("home/templates"));
  auto lookup = LocateResource("templates", t.Path("home"), exe);
  REQUIRE(lookup.tried.size() == 4);
  CHECK(lookup.tried[0] == t.Path("home/templates"));
  CHECK(lookup.tried[1] == t.Path("p/bin/templates"));
  CHECK(lookup.tried[2] == t.Path("p/share/jixiao/templates"));
  CHECK(lookup.tried[3] == t.Path("p/templates"));
}

TEST_CASE("A candidate without its marker file is passed over") {
  FakeTree t;
  const std::string exe = t.Path("p/bin/jixiao");
  t.Touch("p/bin/jixiao");
  fs::create_directories(t.root / "home/templates");     // empty: no report/sections.txt
  t.Touch("p/share/jixiao/templates/report/other.txt");  // wrong file
  t.Touch("p/templates/report/sections.txt");
  CHECK(LocateResource("templates", t.Path("home"), exe).dir == t.Path("p/templates"));
}

TEST_CASE("A missing folder gives a Chinese message naming every place looked at") {
  FakeTree t;
  t.Touch("p/bin/jixiao");
  auto lookup = LocateResource("indicators", t.Path("home"), t.Path("p/bin/jixiao"));
  CHECK_FALSE(lookup.found());
  const std::string message = ResourceMissingMessage(lookup);
  CHECK(message.find("找不到随附的 indicators/ 目录") != std::string::npos);
  CHECK(message.find("national-2020.json") != std::string::npos);
  CHECK(message.find(t.Path("home/indicators")) != std::string::npos);
  CHECK(message.find(t.Path("p/bin/indicators")) != std::string::npos);
  CHECK(message.find(t.Path("p/share/jixiao/indicators")) != std::string::npos);
  CHECK(message.find(t.Path("p/indicators")) != std::string::npos);
  CHECK(message.find("JIXIAO_HOME") != std::string::npos);
  CHECK(ResourceMissingMessage(LocateResource("indicators", "", "")).find("JIXIAO_HOME") !=
        std::string::npos);
}

TEST_CASE("This test binary finds the source tree's folders (it runs from build/)") {
  const std::string exe = ExecutablePath();
  REQUIRE_FALSE(exe.empty());
  auto lookup = LocateResource("templates", "", exe);
  REQUIRE(lookup.found());
  CHECK(fs::equivalent(lookup.dir, fs::path(JIXIAO_SOURCE_DIR) / "templates"));
}

}  // namespace jixiao
