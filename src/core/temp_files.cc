#include "core/temp_files.h"

#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace jixiao::temp {
namespace {

// Fixed storage so the signal handler touches no allocator: one slot per live temporary.
constexpr int kSlots = 256;
constexpr int kPathMax = 4096;
char g_paths[kSlots][kPathMax];
std::atomic<bool> g_used[kSlots];
std::mutex g_mutex;
std::string g_scratch = ".";
std::atomic<unsigned> g_counter{0};
const char kPrefix[] = ".jixiao-";

void OnSignal(int sig) {
  for (int i = 0; i < kSlots; ++i)
    if (g_used[i].load()) unlink(g_paths[i]);
  signal(sig, SIG_DFL);
  raise(sig);
}

}  // namespace

void SetScratchDir(const std::string& dir) {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_scratch = dir.empty() ? "." : dir;
}

std::string ScratchDir() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_scratch;
}

std::string TempName(const std::string& dir, const std::string& label) {
  std::string safe;
  for (char c : label) safe += (c == '/' || c == '\0') ? '_' : c;
  return dir + "/" + kPrefix + std::to_string(getpid()) + "-" + std::to_string(g_counter++) + "-" +
         safe + ".tmp";
}

void Register(const std::string& path) {
  if (path.size() >= kPathMax) return;
  std::lock_guard<std::mutex> lock(g_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (!g_used[i].load()) {
      std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
      g_used[i].store(true);
      return;
    }
  }
}

void Unregister(const std::string& path) {
  std::lock_guard<std::mutex> lock(g_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (g_used[i].load() && path == g_paths[i]) {
      g_used[i].store(false);
      return;
    }
  }
}

void InstallSignalCleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction action {};
      action.sa_handler = OnSignal;
      sigemptyset(&action.sa_mask);
      sigaction(sig, &action, nullptr);
    }
  });
}

int RemoveStaleTemps(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) return 0;
  int removed = 0;
  const size_t prefix = sizeof kPrefix - 1;
  while (dirent* entry = readdir(d)) {
    std::string name = entry->d_name;
    if (name.compare(0, prefix, kPrefix) != 0 || name.size() < 5 ||
        name.compare(name.size() - 4, 4, ".tmp") != 0)
      continue;
    size_t dash = name.find('-', prefix);
    if (dash == std::string::npos) continue;
    long pid = std::strtol(name.substr(prefix, dash - prefix).c_str(), nullptr, 10);
    if (pid <= 0 || pid == getpid()) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // owner alive
    if (unlink((dir + "/" + name).c_str()) == 0) ++removed;
  }
  closedir(d);
  return removed;
}

}  // namespace jixiao::temp
