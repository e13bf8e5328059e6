#include "core/temp_files.h"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace jixiao::temp {
namespace {

// Fixed storage so the signal handler touches no allocator: one slot per live temporary.
constexpr int kSlots = 256;
constexpr int kPathMax = 4096;
char g_paths[kSlots][kPathMax];
std::atomic<bool> g_used[kSlots];
std::mutex g_mutex;
std::string g_scratch = ".";
// Set by SetScratchDir on this thread: threads that each set their own (serve's request and job
// threads, report's batch workers) never see another's folder.
thread_local std::string t_scratch;
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
  t_scratch = dir.empty() ? "." : dir;
  std::lock_guard<std::mutex> lock(g_mutex);
  g_scratch = t_scratch;
}

std::string ScratchDir() {
  if (!t_scratch.empty()) return t_scratch;
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

namespace {

// The owner of ".jixiao-<pid>-…" or ".jixiao-<word>-<pid>-…": the first all-digit part.
long OwnerPid(const std::string& name) {
  const size_t prefix = sizeof kPrefix - 1;
  size_t start = prefix;
  for (int part = 0; part < 2 && start < name.size(); ++part) {
    size_t dash = name.find('-', start);
    std::string token =
        name.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    if (!token.empty() && token.size() < 10 &&
        token.find_first_not_of("0123456789") == std::string::npos)
      return std::strtol(token.c_str(), nullptr, 10);
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return 0;
}

// Removes a file, or a folder and everything in it; symlinks are removed, never followed.
bool RemoveTree(const std::string& path) {
  struct stat st {};
  if (lstat(path.c_str(), &st) != 0) return false;
  if (S_ISDIR(st.st_mode)) {
    if (DIR* d = opendir(path.c_str())) {
      while (dirent* entry = readdir(d)) {
        std::string name = entry->d_name;
        if (name != "." && name != "..") RemoveTree(path + "/" + name);
      }
      closedir(d);
    }
    return rmdir(path.c_str()) == 0;
  }
  return unlink(path.c_str()) == 0;
}

}  // namespace

int RemoveStaleTemps(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) return 0;
  std::vector<std::string> stale;
  const size_t prefix = sizeof kPrefix - 1;
  while (dirent* entry = readdir(d)) {
    std::string name = entry->d_name;
    if (name.compare(0, prefix, kPrefix) != 0) continue;
    long pid = OwnerPid(name);
    if (pid <= 0 || pid == getpid()) continue;
    if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // owner alive
    stale.push_back(dir + "/" + name);
  }
  closedir(d);
  int removed = 0;
  for (const auto& path : stale) removed += RemoveTree(path) ? 1 : 0;
  return removed;
}

}  // namespace jixiao::temp
