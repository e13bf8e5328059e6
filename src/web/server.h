// `jixiao serve`: the web application over app/ — Poco::Net::HTTPServer, the route table, sessions,
// CSRF, security headers, Chinese error pages and JSON errors, page templates from templates/web.
// Contract: Serve() blocks until SIGINT/SIGTERM and returns the exit code; handlers only translate
// HTTP to app/ calls. Files are written only under the data folder, in server-chosen names.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "web/db.h"
#include "web/flash.h"
#include "web/job_keeper.h"
#include "web/routes.h"
#include "web/throttle.h"

namespace jixiao::web {

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "jixiao-data";
  std::string db_url;  // reserved for PostgreSQL (store/); only SQLite in DIR today
  std::string tls_cert, tls_key;
  int idle_seconds = 30 * 60;
  // A running job whose process has shown no heartbeat for this long is failed by any process.
  int job_stale_seconds = 60;
};

int Serve(const ServeOptions& options);

// A folder under DATA/tmp with a random name, removed with everything in it on destruction.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& data_dir);
  ~ScratchFolder();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class Server {
 public:
  Server(ServeOptions options, std::unique_ptr<Db> db);
  Db& db() { return *db_; }
  const ServeOptions& options() const { return options_; }
  std::string CaseDir(const std::string& doc_id) const;
  // Work on one document (its case folder, its read-modify-write saves) holds that document's
  // lock, so different documents are worked on at once. Every holder also shares the all-cases
  // lock, which the bureau's compare export (reading many case folders) takes alone.
  struct ObjectLock {
    std::shared_lock<std::shared_mutex> all;
    std::unique_lock<std::mutex> one;
  };
  ObjectLock LockObject(const std::string& id);
  std::unique_lock<std::shared_mutex> LockAllCases() {
    return std::unique_lock<std::shared_mutex>(cases_mu_);
  }
  // Under the document's lock: brings DATA/cases/ID to version `version` from the store when this
  // data folder holds another (another process saved it, or a save here was refused).
  void SyncCase(const std::string& id, int64_t version);
  // After a save of version `version` (true) or a refused one (false) of the case folder.
  void CaseSaved(const std::string& id, int64_t version, bool saved);
  Throttle& throttle() { return throttle_; }  // counts in the store, shared by processes
  JobKeeper& jobs() { return jobs_; }

  // Renders templates/web/NAME.mustache inside the layout (navigation for the user's role).
  Response Page(Ctx& ctx, const std::string& name, const std::string& title, Data data,
                int status = 200);
  // A Chinese error as JSON (API) or as a page.
  Response Error(Ctx& ctx, int status, const std::string& message,
                 const std::vector<std::string>& items = {});
  // A refused form post: JSON 422 for the API; for a page, `form_page` (the GET handler of the
  // page holding the form) shown again with status 422, the typed values kept (typed_NAME, never
  // a password) and `message` beside field `field` (error_NAME) and at the top with `items`.
  Response Reject(Ctx& ctx, const std::string& field, const std::string& message,
                  Response (*form_page)(Ctx&), const std::vector<std::string>& items = {});
  const std::string* StaticAsset(const std::string& name) const;
  void Audit(Ctx& ctx, const std::string& action, const std::string& object,
             const std::string& before, const std::string& after);

  // Runs one request through the route table: authentication, roles, CSRF, object checks.
  Response Dispatch(Request& req);

 private:
  ServeOptions options_;
  std::unique_ptr<Db> db_;
  std::shared_mutex cases_mu_;
  std::mutex locks_mu_;  // guards object_locks_ (one entry per document worked on; never shrinks)
  std::map<std::string, std::shared_ptr<std::mutex>> object_locks_;
  Throttle throttle_;
  JobKeeper jobs_;
  std::map<std::string, std::string> templates_, static_;
};

}  // namespace jixiao::web
