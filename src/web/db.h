// The web application's records as the handlers see them, kept in store/ (DIR/jixiao.db, or the
// PostgreSQL database --db names): accounts, sessions (only token hashes), documents (绩效目标表,
// evaluations) with numbered versions and optimistic concurrency, jobs and the audit log.
// Contract: thread-safe (store/ serialises calls); a store failure throws std::runtime_error
// with the store's Chinese message (never a password); a stale save returns false.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace jixiao::web {

struct User {
  int64_t id = 0;
  std::string name, role, unit, region, password_hash;
  bool disabled = false;  // set only in Users(); FindUser and GetUser never return one
};

struct Session {
  int64_t user_id = 0;
  std::string csrf;
  int64_t last_seen = 0;
};

// A document a user owns: kind "targets" (a unit's 绩效目标表), "evaluation" (a case folder) or
// "selfeval" (a unit's 自评表).
struct Doc {
  std::string id;  // random hex, server-chosen
  std::string kind, title, unit, region, year, department, town, grade;
  int64_t owner = 0;             // the unit account (targets) or the creating evaluator
  int64_t assigned = 0;          // evaluations: the evaluator it is assigned to
  std::vector<int64_t> members;  // evaluations: the colleagues it is shared with (GetDoc only)
  int64_t version = 0;
  int64_t total = -1;  // evaluations: score in hundredths once scored, else -1
  int64_t claimed = 0, computed = 0, findings = 0;  // 自评表: printed and recomputed 总分
  int64_t row_total = -1;  // 自评表: 行得分合计 (typed row 得分 + budget 得分), -1 when none typed
  std::string scorecard_json;  // evaluations: the last `score --json` (empty in DocsPage rows)
  std::string framework;       // evaluations: the scored framework's id
  int64_t full = 0;            // evaluations: full marks (the 一级 weights summed), hundredths
  std::string updated_at, updated_by;
};

struct Version {
  int64_t version = 0;
  std::string author, at, note, content;
};

// The bureau's 复核 decision on one version of a document ("通过" or "退回"); `at` UTC as
// "YYYY-MM-DD HH:MM:SS".
struct Decision {
  std::string doc, decision, opinion, reviewer, at;
  int64_t version = 0;
};

struct Job {
  int64_t id = 0;
  std::string doc, kind, state, message, result_name, worker;
  int64_t owner = 0;
  int progress = 0;
};

class Db {
 public:
  // `db_url` empty: SQLite in DATA_DIR/jixiao.db. Throws on failure.
  static std::unique_ptr<Db> Open(const std::string& data_dir, const std::string& db_url = "");
  ~Db();

  std::optional<User> AddUser(const User& u);  // nullopt when the name is taken
  std::optional<User> FindUser(const std::string& name);
  std::optional<User> GetUser(int64_t id);
  std::vector<User> Users();
  // The admin's changes to an account; each ends every session of that user. False: no user.
  bool SetPasswordHash(int64_t id, const std::string& hash);
  bool SetUserDisabled(int64_t id, bool disabled);
  bool SetUserRegion(int64_t id, const std::string& region);

  void AddSession(const std::string& token_hash, int64_t user, const std::string& csrf,
                  int64_t idle_seconds);
  std::optional<Session> TouchSession(const std::string& token_hash, int64_t idle_seconds);
  void DeleteSession(const std::string& token_hash);
  // The session's one-time message, kept in the store (any serve process on it shows it, once);
  // Take returns "" when none or older than kFlashKeepSeconds, and clears it.
  static constexpr int64_t kFlashKeepSeconds = 600;
  void PutFlash(const std::string& token_hash, const std::string& message);
  std::string TakeFlash(const std::string& token_hash);

  // Inserts version 1 with `content`.
  void AddDoc(const Doc& d, const std::string& content, const std::string& author,
              const std::string& note);
  std::optional<Doc> GetDoc(const std::string& id);
  std::vector<Doc> Docs(const std::string& kind);
  // Scored evaluations of `region` per grade, counted by the store (filter fields empty = any),
  // summed over frameworks; grades in the store's order.
  struct GradeFilter {
    std::string region, year, department, town, grade;
    std::string kind = "evaluation";  // or selfeval
    int submitted = -1;  // 自评表: only those whose latest version is their 提交 (1); -1 any
  };
  std::vector<std::pair<std::string, int64_t>> GradeCounts(const GradeFilter& f);
  // Renames a region in accounts and documents; the counts of accounts and documents changed.
  std::pair<int64_t, int64_t> RenameRegion(const std::string& from, const std::string& to);
  // Saves a new version of `doc` (its fields as given, e.g. a new score) when `expected` is the
  // current version; otherwise returns false and leaves the document unchanged (the caller shows
  // who changed it). `categories`: the 一级 results (code, name, weight, score in hundredths).
  struct Category {
    std::string code, name;
    int64_t weight = 0, score = 0;
  };
  bool SaveVersion(const Doc& doc, int64_t expected, const std::string& content,
                   const std::string& author, const std::string& note,
                   const std::vector<Category>& categories = {});
  // A list page done by the store (filters, reach, order, count, dropdown values) — never every
  // document in memory. NarrowToReach (routes.h) sets what a user may see: region or owner.
  struct ListFilter {
    std::vector<std::string> kinds, ids;  // ids: only these (a page's rows)
    std::string region, year, department, town, grade;
    int64_t owner = 0;      // the owning unit or assigned evaluator; 0 = any
    bool scored = false;    // evaluations with a score
    bool unmarked = false;  // evaluations without full marks (rate 0 in a ranking by rate)
    // kRecent: evaluations before targets, last saved first (as Docs); kTotal / kRate: the
    // ranking by total or by total ÷ full marks; kGap: the 复核 list's order; kComputed: 自评表
    // by 复核分 (kept in the store's order's numbering).
    enum class Order { kRecent, kTotal, kRate, kGap, kComputed } order = Order::kRecent;
    std::string review;  // pending | passed | returned ("" any)
    int submitted = -1;  // 自评表 whose latest version is its 提交 (1) or not (0); -1 any
  };
  std::vector<Doc> DocsPage(const ListFilter& f, int64_t limit, int64_t offset);
  // Every document of f.kinds[0] matching f's region, owner, year, department, town and grade
  // (filtered in SQL, streamed page by page), last saved first as Docs; kept without their
  // scorecard JSON (a region's exports: not every region's rows and scorecards in memory).
  std::vector<Doc> MatchingDocs(const ListFilter& f);
  int64_t CountDocs(const ListFilter& f);
  // Distinct non-empty values of year, department, town, grade or framework, in byte order.
  std::vector<std::string> DistinctValues(const ListFilter& f, const std::string& column);
  // The same for several columns in one query, per column.
  std::map<std::string, std::vector<std::string>> DistinctValuesOf(
      const ListFilter& f, const std::vector<std::string>& columns);
  // The 一级 results of the latest versions of `ids`, per document id (stored order).
  std::map<std::string, std::vector<Category>> LatestCategories(
      const std::vector<std::string>& ids);
  // The 一级 score and full marks summed per name over every evaluation the filter matches (its
  // region, year, department, town and grade; kinds and paging not used): one SQL aggregate,
  // no row loaded. By name, in byte order.
  struct CategoryTotal {
    std::string name;
    int64_t score = 0, weight = 0, documents = 0;
  };
  std::vector<CategoryTotal> CategoryTotals(const ListFilter& f);

  // The evaluators a document is shared with besides its owner (schema 12): added (false when
  // already one), removed (false when not one), listed by account id.
  bool AddMember(const std::string& doc_id, int64_t user, const std::string& by);
  bool RemoveMember(const std::string& doc_id, int64_t user);
  std::vector<int64_t> Members(const std::string& doc_id);

  // Saves version `from`'s content and fields as a new version when `expected` is current.
  bool Restore(const std::string& id, int64_t from, int64_t expected, const std::string& author);
  std::optional<Version> GetVersion(const std::string& id, int64_t version);  // 0 = latest
  // The latest version of each of `ids` that exists, in one query, by document id.
  std::map<std::string, Version> LatestVersionsOf(const std::vector<std::string>& ids);
  std::vector<Version> Versions(const std::string& id);  // no content

  // Records `d` (made on d.version) when d.version is still the document's latest; false
  // (nothing written) when someone saved since. Decisions: oldest first. LatestDecisions: the
  // latest decision per document of `kind` (of `region` only unless empty), by document id.
  bool Decide(const Decision& d);
  std::vector<Decision> Decisions(const std::string& doc);
  std::map<std::string, Decision> LatestDecisions(const std::string& kind,
                                                  const std::string& region);
  std::map<std::string, Decision> LatestDecisionsOf(const std::vector<std::string>& ids);

  void Audit(const std::string& who, const std::string& action, const std::string& object,
             const std::string& before, const std::string& after);
  struct AuditEntry {
    std::string at, who, action, object, before, after;
  };
  std::vector<AuditEntry> AuditLog(int limit);
  // The entries about one document (object "KIND:ID" or "KIND:ID …"), oldest first.
  std::vector<AuditEntry> ObjectAudit(const std::string& kind, const std::string& id);

  int64_t AddJob(const Job& j);  // j.worker: the token of the process that runs it
  void UpdateJob(int64_t id, const std::string& state, int progress, const std::string& message,
                 const std::string& result_name);
  std::optional<Job> GetJob(int64_t id);
  // Shows that `worker` (this process) is alive: its running jobs' heartbeat becomes now.
  void Heartbeat(const std::string& worker);
  // Fails the running jobs whose heartbeat is older than `stale_seconds` (their process died or
  // hung) with `reason`; those jobs.
  std::vector<Job> FailStaleJobs(int64_t stale_seconds, const std::string& reason);
  std::vector<std::string> RunningWorkers();
  int FailWorker(const std::string& worker, const std::string& reason);
  // Finishes a job with its file kept in the store (any process serves it); false when the job
  // was no longer running.
  bool FinishJobWithFile(int64_t id, const std::string& name, const std::string& bytes);
  std::optional<std::string> JobFileBytes(int64_t id);

  // Login failures per key ("acct:NAME", "addr:ADDRESS"), shared by every process on the store.
  std::pair<int64_t, int64_t> LoginFailures(const std::string& key);  // failures, last (seconds)
  void RecordLoginFailure(const std::string& key, int64_t now, int64_t window);
  void ClearLoginFailures(const std::string& key);

 private:
  struct Impl;
  explicit Db(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

std::string NowText();
// The note of the version a unit's 提交 saves (the 复核 list's 已提交 is "latest version's note").
inline constexpr char kSubmitNote[] = "提交";  // "2026-12-07 01:02:03" UTC

}  // namespace jixiao::web
