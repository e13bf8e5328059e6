#include "web/job_keeper.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "web/crypto.h"

namespace jixiao::web {

namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

// The start time of process `pid` in clock ticks since boot (field 22 of /proc/PID/stat); empty
// when there is no such process (or it is a zombie).
std::string StartTime(long pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return "";
  size_t close = line.rfind(')');
  if (close == std::string::npos) return "";
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  for (int i = 3; i <= 22 && rest >> field; ++i) {
    if (i == 3 && field == "Z") return "";
    if (i == 22) return field;
  }
  return "";
}

constexpr char kGone[] = "运行该任务的服务进程已停止（服务器重启或崩溃），任务已中止；请重新提交";

}  // namespace

std::string JobKeeper::MakeWorkerToken() {
  long pid = static_cast<long>(getpid());
  return HostName() + ":" + std::to_string(pid) + ":" + StartTime(pid) + ":" + RandomHex(8);
}

bool JobKeeper::GoneOnThisHost(const std::string& worker) {
  std::vector<std::string> parts;
  std::istringstream in(worker);
  for (std::string p; std::getline(in, p, ':');) parts.push_back(p);
  if (parts.size() != 4 || parts[0] != HostName()) return false;
  long pid = 0;
  try {
    pid = std::stol(parts[1]);
  } catch (...) {
    return false;
  }
  return pid <= 0 || StartTime(pid) != parts[2];
}

JobKeeper::JobKeeper(Db& db, int stale_seconds)
    : db_(db),
      stale_seconds_(std::max(kLeastStaleSeconds, stale_seconds)),
      worker_(MakeWorkerToken()) {}

JobKeeper::~JobKeeper() { Stop(); }

int JobKeeper::Sweep() {
  int failed = 0;
  for (const auto& w : db_.RunningWorkers())
    if (w.empty() || (w != worker_ && GoneOnThisHost(w))) failed += db_.FailWorker(w, kGone);
  std::string stale = "运行该任务的服务进程已超过 " + std::to_string(stale_seconds_) +
                      " 秒没有响应（已停止、重启或失联），任务已中止；请重新提交";
  failed += static_cast<int>(db_.FailStaleJobs(stale_seconds_, stale).size());
  return failed;
}

void JobKeeper::Start() {
  db_.Heartbeat(worker_);
  if (int n = Sweep()) std::fprintf(stderr, "已把 %d 个服务进程已停止的后台任务标记为失败\n", n);
  thread_ = std::thread([this] {
    // The heartbeat every 750 ms whatever this process's own stale time: another process on the
    // store may judge staleness by the least allowed (3 s), and a heartbeat paced by this one's
    // (60 s: every 15 s) let it fail a running job of a live process after 3–4 s (the cause of
    // web.two-servers-postgresql failing under load). The sweep keeps its own pace.
    const auto beat = std::chrono::milliseconds(kLeastStaleSeconds * 1000 / 4);
    const auto sweep_every = std::chrono::milliseconds(stale_seconds_ * 1000 / 4);
    auto last_sweep = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mu_);
    while (!wake_.wait_for(lock, beat, [this] { return stopping_; })) {
      lock.unlock();
      try {
        db_.Heartbeat(worker_);
        if (std::chrono::steady_clock::now() - last_sweep >= sweep_every) {
          Sweep();
          last_sweep = std::chrono::steady_clock::now();
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "jixiao serve: 任务心跳失败：%s\n", e.what());
      }
      lock.lock();
    }
  });
}

void JobKeeper::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  try {
    db_.FailWorker(worker_, "服务器停止时任务尚未完成，已中止；请重新提交");
  } catch (const std::exception&) {
  }
}

}  // namespace jixiao::web
