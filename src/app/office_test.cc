// The LibreOffice child dies with its parent: a stand-in for soffice that starts a grandchild (as
// oosplash starts soffice.bin) is run by DocxToPdf in a forked process; after a SIGKILL of that
// process neither the stand-in nor its grandchild may survive.
#include "app/office.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Alive and not a zombie (an orphan may wait a moment for its reaper).
bool Alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  size_t close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

std::vector<pid_t> ReadPids(const std::string& path) {
  std::ifstream in(path);
  std::vector<pid_t> pids;
  for (long p; in >> p;) pids.push_back(static_cast<pid_t>(p));
  return pids;
}

}  // namespace

TEST_CASE("office: a SIGKILL of the process running LibreOffice takes its children with it") {
  fs::path dir = fs::temp_directory_path() / ("jixiao-office-test-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string pids = (dir / "pids").string(), fake = (dir / "soffice").string();
  {
    std::ofstream script(fake);
    script << "#!/bin/sh\nsleep 300 &\necho $$ $! > " << pids << ".tmp\nmv " << pids << ".tmp "
           << pids << "\nwait\n";
  }
  fs::permissions(fake, fs::perms::owner_all);
  pid_t runner = fork();
  REQUIRE(runner >= 0);
  if (runner == 0) {
    setenv("JIXIAO_OFFICE", fake.c_str(), 1);
    jixiao::Diagnostics diags;
    jixiao::DocxToPdf("not a docx", dir.string(), diags);
    _exit(0);
  }
  std::vector<pid_t> started;
  for (int i = 0; i < 200 && started.size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    started = ReadPids(pids);
  }
  REQUIRE(started.size() == 2);
  CHECK(Alive(started[0]));
  CHECK(Alive(started[1]));
  kill(runner, SIGKILL);
  waitpid(runner, nullptr, 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gone = !Alive(started[0]) && !Alive(started[1]);
  }
  CHECK(gone);
  for (pid_t p : started)
    if (Alive(p)) kill(p, SIGKILL);  // ours: started by this test
  fs::remove_all(dir);
}

TEST_CASE("office: the contents give the page number the footer prints, not the page's place") {
  // Cover (no number), contents (no number), then the body counting from 1.
  std::string text =
      "  某项目绩效评价报告\n\f      目录\n摘要......1\n一、概况......2\n\f摘要\n正文\n\n   1\n"
      "\f一、概况\n正文\n   2\n";
  CHECK(jixiao::HeadingPagesInText(text, {"摘要", "一、概况"}) == std::vector<int>{1, 2});
  // Without a printed number a page counts by its place in the file.
  std::string bare = "封面\n\f目录\n\f摘要\n正文\n\f一、概况\n正文\n";
  CHECK(jixiao::HeadingPagesInText(bare, {"摘要", "一、概况"}) == std::vector<int>{3, 4});
  CHECK(jixiao::HeadingPagesInText(bare, {"二、缺"}) == std::vector<int>{0});
}
