// Where a store test opens its store: the PostgreSQL named by JIXIAO_TEST_DB_URL, emptied first,
// when the suite runs against one; otherwise a new SQLite file under /tmp named by the test's tag,
// the process and a counter (left-over -wal/-shm files removed). For *_test.cc files only.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "store/store_impl.h"

namespace jixiao::store {

inline std::string FreshTestLocation(const std::string& tag) {
  if (const char* url = std::getenv("JIXIAO_TEST_DB_URL"); url && *url) {
    ResetPostgresForTests(url);
    return url;
  }
  static int n = 0;
  std::string path = "/tmp/jixiao-" + tag + "-test-" + std::to_string(getpid()) + "-" +
                     std::to_string(n++) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
  return path;
}

}  // namespace jixiao::store
