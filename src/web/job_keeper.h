// Background jobs shared by several serve processes on one store: each process has a worker token
// (host, pid, process start time, random) written on the jobs it runs, and a keeper thread that
// refreshes their heartbeat and fails the jobs of processes that are gone — at once for a process
// of this host that no longer exists, after `stale_seconds` without a heartbeat for any other.
// Contract: Start() sweeps once before returning; Stop() fails this process's running jobs.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "web/db.h"

namespace jixiao::web {

class JobKeeper {
 public:
  static constexpr int kLeastStaleSeconds = 3;  // what --job-stale-seconds may be at least
  JobKeeper(Db& db, int stale_seconds);
  ~JobKeeper();
  const std::string& worker() const { return worker_; }
  // Fails jobs whose process is gone; returns how many. Called by the keeper thread.
  int Sweep();
  void Start();
  void Stop();

  // "HOST:PID:STARTTIME:RANDOM" for this process; whether a token names a process of this host
  // that no longer runs (false for other hosts, whose liveness only the heartbeat tells).
  static std::string MakeWorkerToken();
  static bool GoneOnThisHost(const std::string& worker);

 private:
  Db& db_;
  int stale_seconds_;
  std::string worker_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jixiao::web
