// Entry point of the jixiao binary; all behaviour lives in cli/. The commands that need the
// database or the web server (archive, serve, user, compare --archive) replace this process with
// jixiao-server beside it (exec: same process id, arguments and environment), so that every other
// command starts without loading Poco Data/Net, libpq and their dependencies (docs/benchmarks.md).
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/commands.h"

namespace {

char** g_argv = nullptr;

// Runs jixiao-server, found beside this binary (symlinks resolved), with the same arguments.
int ExecServer() {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  std::string path = n > 0 ? std::string(exe, static_cast<size_t>(n)) : std::string();
  path = path.substr(0, path.rfind('/') + 1) + "jixiao-server";
  std::fflush(nullptr);
  execv(path.c_str(), g_argv);
  std::fprintf(stderr,
               "%s: 无法运行 jixiao-server（数据库与网页服务命令在其中）。请重新安装 jixiao"
               "（cmake --install 或 .deb 包），使 jixiao-server 与 jixiao 位于同一目录\n",
               path.c_str());
  return 1;
}

}  // namespace

namespace jixiao::cli {

int RunArchive(const Args&) { return ExecServer(); }
int RunServe(const Args&) { return ExecServer(); }
int RunUser(const Args&) { return ExecServer(); }
int CompareFromArchive(const std::string&, const store::DocumentFilter&,
                       const std::vector<std::string>&, const std::string&, const std::string&,
                       Diagnostics&, bool) {
  return ExecServer();
}

}  // namespace jixiao::cli

int main(int argc, char** argv) {
  g_argv = argv;
  return jixiao::cli::Main(argc, argv);
}
