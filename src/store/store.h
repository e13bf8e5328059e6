// The store: evaluations and self-evaluations with versions and per-indicator results, users,
// sessions, jobs and the audit log, behind one interface with two back ends (an SQLite file, the
// default, or a PostgreSQL URL), one schema with versioned migrations checked at open.
// Contract: methods report problems to `diags` (located at the store, password never shown) and
// never throw; one Store may be shared by threads (calls are serialised); times are UTC text
// "YYYY-MM-DDTHH:MM:SSZ" (sorts as text); scores are integer hundredths.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao::store {

// "postgresql://…" or "postgres://…" selects PostgreSQL; anything else is an SQLite file path.
bool IsPostgresUrl(const std::string& location);
// The location as it may be shown: a URL's password replaced by "***".
std::string Redacted(const std::string& location);
// Bytes as Base64 text without line breaks (how binary is kept in TEXT columns on both back
// ends), and back.
std::string ToBase64(const std::string& bytes);
std::string FromBase64(const std::string& text);
// Now as "YYYY-MM-DDTHH:MM:SSZ"; `offset_seconds` added (for expiry times).
std::string UtcNow(int64_t offset_seconds = 0);

struct User {
  int64_t id = 0;
  std::string name, role;  // role: admin | bureau | evaluator | unit
  std::string unit, region, password_hash, created_at;
  bool disabled = false;
};

struct Session {
  std::string token_hash;  // only a hash of the token is ever stored
  int64_t user_id = 0;
  std::string csrf_token, created_at, last_seen, expires_at;
};

struct Job {
  int64_t id = 0;
  std::string kind;
  int64_t owner = 0;
  std::string params_json, status;  // status: running | done | failed
  int64_t done = 0, total = 0;
  std::string result_ref, error, created_at, updated_at;
  std::string worker, heartbeat;  // the process running it (a random token) and its last sign
};

// A job's finished file, kept in the store so any process can serve it.
struct JobFile {
  std::string name, bytes;
};

struct AuditEntry {
  int64_t id = 0;
  std::string who, at, object_kind, object_id, field, old_value, new_value;
};
struct AuditFilter {  // empty fields match anything; at in [since, until)
  std::string who, object_kind, object_id, since, until;
  int64_t limit = 1000, offset = 0;
};

// Indexed result columns of a document's latest version (hundredths; 0 when not applicable).
struct Results {
  int64_t total = 0, total_weight = 0;  // an evaluation's score and the framework's full marks
  std::string grade;
  int64_t claimed_total = 0, computed_total = 0;  // a self-evaluation's 自评分 and 复核分
  int64_t findings = 0;
  // A self-evaluation's 行得分合计: its typed row 得分 plus budget 得分, -1 when none is typed.
  int64_t row_total = -1;
  int64_t Gap() const { return claimed_total - computed_total; }
  // What the 复核 gap list ranks by (the indexed gap column): |Gap()|, except that a form
  // printing no 总分 (claimed_total < 0) with a 行得分合计 ranks by |row_total − computed_total|,
  // and one with neither is -1; a 复核分 over the rule set's 100 points is no gap at all (issue
  // 21: it does not fit its rule set) and is kOverFull, after all of them.
  int64_t RankGap() const;
  static constexpr int64_t kFullMarks = 10000;  // every 自评 rule set's total, hundredths
  static constexpr int64_t kOverFull = -2;
  bool OverFull() const { return computed_total > kFullMarks; }
};

struct IndicatorResult {
  std::string code;
  int64_t level = 1;  // 1 = 一级
  std::string name;
  int64_t weight = 0, score = 0;  // hundredths
  bool leaf = false;
  int64_t parent = -1;  // index of the parent in the version's list, -1 for 一级
};

// What describes a document; `kind` is "evaluation" or "selfeval".
struct DocumentFields {
  std::string kind, owner, unit, region, department, town, year, project, framework,
      framework_title, digest;
  Results results;
  std::string result_json;  // derived output kept with the version (e.g. the scorecard)
  std::vector<IndicatorResult> indicators;
};

struct Document {
  std::string id;
  DocumentFields fields;  // indicators left empty by listings
  int64_t version = 0;
  std::string author, created_at, updated_at;
};

struct VersionInfo {
  int64_t version = 0;
  std::string author, saved_at;
};
struct Version {
  VersionInfo info;
  DocumentFields fields;
  std::string payload;
};

struct NewDocument {
  std::string id;
  DocumentFields fields;
  std::string payload;
};

struct Conflict {  // a save refused: someone saved after the version the writer started from
  int64_t current_version = 0;
  std::string author, saved_at;
};
struct SaveOutcome {
  int64_t version = 0;               // the version written, when no conflict
  std::optional<Conflict> conflict;  // set when refused
};

struct DocumentFilter {  // empty fields match anything
  std::string kind, owner, unit, year, region, department, town, framework, grade;
  // kRateDesc: total ÷ full marks descending (0 without full marks), then id — the ranking of
  // evaluations on several frameworks; computed per page (no index), exact (integer keyset).
  enum class Order { kId, kTotalDesc, kGapDesc, kRateDesc } order = Order::kId;
  int64_t limit = 0, offset = 0;  // limit 0 = all
};

// A page of a list as the web application shows it: the filter's fields (its order and limit
// are not used) plus what a page adds, each bound as a parameter.
struct ListQuery {
  DocumentFilter filter;
  std::vector<std::string> kinds;  // kind IN (…) when not empty
  std::vector<std::string> ids;    // id IN (…) when not empty (what a page then reads more of)
  bool scored = false;             // grade not empty (an evaluation scored)
  bool unmarked = false;           // no full marks recorded (ranks at rate 0 by kRate)
  // kRecent: kind, then last saved first; kTotal / kRate: total or total ÷ full marks descending
  // (the ranking); kGap: the 复核 list — the indexed gap descending, a form printing neither 总分
  // nor 行得分合计 last; kComputed: the recomputed 总分 (复核分 of a 自评表) descending. Ties: last
  // saved first, then id.
  enum class Order { kRecent, kTotal, kRate, kGap, kComputed } order = Order::kRecent;
  // pending | passed | returned: the document's latest 复核 decision ("通过" or another) on its
  // latest version; pending also when there is none or it was made on an earlier version.
  std::string review;
  // The latest version's payload begins (1) or does not begin (0) with `payload_prefix`; -1 any.
  int prefixed = -1;
  std::string payload_prefix;
  int64_t limit = 50, offset = 0;
};

// A bureau's 复核 decision on one version of a document ("通过", or "退回" with an opinion).
struct ReviewDecision {
  int64_t id = 0;
  std::string doc_id;
  int64_t version = 0;  // the version decided on
  std::string decision, opinion, reviewer, decided_at;
};
struct DecideOutcome {
  int64_t id = 0;                    // the decision written, when no conflict
  std::optional<Conflict> conflict;  // set when the document has moved past d.version
};

struct GradeCount {
  std::string framework, grade;
  int64_t count = 0;
};

// Aggregates for comparisons at scale, computed by the database (hundredths).
struct Deduction {  // a leaf indicator's points lost, summed over documents
  std::string code, name;
  int64_t lost = 0, documents = 0;
};
struct GroupRate {  // one 一级 (or other level) name within a group (region, year…)
  std::string group, name;
  int64_t score = 0, weight = 0, documents = 0;
};
struct YearTotal {
  std::string year;
  int64_t documents = 0, total = 0;  // total: the sum of the documents' totals
};

class Store {
 public:
  // Opens (creating if needed) and migrates; nullptr with a located Chinese error otherwise.
  static std::unique_ptr<Store> Open(const std::string& location, Diagnostics& diags);
  ~Store();
  int SchemaVersion();
  static int LatestSchemaVersion();
  bool IsPostgres() const;
  const std::string& Location() const;  // redacted

  // Users.
  std::optional<int64_t> CreateUser(const User& u, Diagnostics& diags);
  std::optional<User> GetUser(int64_t id, Diagnostics& diags);
  std::optional<User> GetUserByName(const std::string& name, Diagnostics& diags);
  std::vector<User> ListUsers(Diagnostics& diags);
  bool SetPasswordHash(int64_t id, const std::string& hash, Diagnostics& diags);
  bool DisableUser(int64_t id, Diagnostics& diags);  // and ends the user's sessions
  bool EnableUser(int64_t id, Diagnostics& diags);
  bool SetUserRegion(int64_t id, const std::string& region, Diagnostics& diags);
  bool DeleteUserSessions(int64_t id, Diagnostics& diags);  // every session of the user ends

  // Sessions.
  bool CreateSession(const Session& s, Diagnostics& diags);
  // The session unless missing or expired at `now`.
  std::optional<Session> GetSession(const std::string& token_hash, const std::string& now,
                                    Diagnostics& diags);
  bool TouchSession(const std::string& token_hash, const std::string& now,
                    const std::string& new_expires_at, Diagnostics& diags);
  bool DeleteSession(const std::string& token_hash, Diagnostics& diags);
  std::optional<int64_t> DeleteExpiredSessions(const std::string& now, Diagnostics& diags);
  // A session's one-time message (schema 11): Put replaces it; Take returns it and clears it, so
  // of two processes taking at once only one gets it; "" when none or set before `not_before`.
  bool PutFlash(const std::string& token_hash, const std::string& message, const std::string& now,
                Diagnostics& diags);
  std::string TakeFlash(const std::string& token_hash, const std::string& not_before,
                        Diagnostics& diags);

  // Jobs.
  // `worker`: the token of the process that runs the job ("" when none does); its heartbeat is
  // set to now.
  std::optional<int64_t> CreateJob(const std::string& kind, int64_t owner,
                                   const std::string& params_json, Diagnostics& diags,
                                   const std::string& worker = "");
  bool SetJobProgress(int64_t id, int64_t done, int64_t total, Diagnostics& diags);
  bool FinishJob(int64_t id, const std::string& result_ref, Diagnostics& diags);
  bool FailJob(int64_t id, const std::string& reason, Diagnostics& diags);
  std::optional<Job> GetJob(int64_t id, Diagnostics& diags);
  std::vector<Job> ListJobs(int64_t owner, Diagnostics& diags);
  // Marks every running job failed with `reason` (a single process owning the store); the count.
  std::optional<int64_t> FailInterrupted(const std::string& reason, Diagnostics& diags);
  // Sets the heartbeat of `worker`'s running jobs to `now`; the count.
  std::optional<int64_t> Heartbeat(const std::string& worker, const std::string& now,
                                   Diagnostics& diags);
  // Marks failed with `reason` the running jobs whose heartbeat is before `stale_before` (their
  // process died or hung); the jobs so failed (as they were before).
  std::vector<Job> FailStale(const std::string& stale_before, const std::string& reason,
                             Diagnostics& diags);
  // The distinct workers that have running jobs, and failing every running job of one worker
  // (its process is known to be gone); the count.
  std::vector<std::string> RunningWorkers(Diagnostics& diags);
  std::optional<int64_t> FailWorker(const std::string& worker, const std::string& reason,
                                    Diagnostics& diags);
  // Finishes a running job with its file kept in the store, in one transaction.
  bool FinishJobWithFile(int64_t id, const JobFile& file, Diagnostics& diags);
  std::optional<JobFile> GetJobFile(int64_t id, Diagnostics& diags);

  // Login failures counted per name (an account or an address), shared by all processes; times
  // in seconds. RecordLoginFailure starts the count again when the last failure is at least
  // `window` seconds before `now`; the count after this failure.
  std::optional<int64_t> RecordLoginFailure(const std::string& name, int64_t now, int64_t window,
                                            Diagnostics& diags);
  struct LoginFailures {
    int64_t failures = 0, last = 0;
  };
  std::optional<LoginFailures> GetLoginFailures(const std::string& name, Diagnostics& diags);
  bool ClearLoginFailures(const std::string& name, Diagnostics& diags);

  // Audit log: append-only.
  bool AppendAudit(const AuditEntry& e, Diagnostics& diags);  // e.at empty = now
  std::vector<AuditEntry> ListAudit(const AuditFilter& f, Diagnostics& diags);

  // Documents. expected_version 0 creates the document (a conflict if it exists); otherwise
  // the save succeeds only when expected_version is the latest.
  std::optional<SaveOutcome> Save(const std::string& id, int64_t expected_version,
                                  const DocumentFields& fields, const std::string& payload,
                                  const std::string& author, Diagnostics& diags);
  // Creates many documents at version 1 with multi-row INSERTs (bulk load); ids that already
  // exist are left alone and returned.
  std::optional<std::vector<std::string>> CreateMany(const std::vector<NewDocument>& docs,
                                                     const std::string& author, Diagnostics& diags);
  // Saves version `old_version`'s payload and fields as a new version.
  std::optional<SaveOutcome> Restore(const std::string& id, int64_t old_version,
                                     int64_t expected_version, const std::string& author,
                                     Diagnostics& diags);
  std::optional<Document> Get(const std::string& id, Diagnostics& diags);
  std::vector<VersionInfo> ListVersions(const std::string& id, Diagnostics& diags);
  std::optional<Version> GetVersion(const std::string& id, int64_t version, Diagnostics& diags);
  bool Remove(const std::string& id, Diagnostics& diags);  // the document and all its versions
  // Streams matching documents (latest version, no payload) in the filter's order; the
  // callback returns false to stop. False when the query failed.
  bool ForEach(const DocumentFilter& f, const std::function<bool(const Document&)>& row,
               Diagnostics& diags);
  std::optional<int64_t> Count(const DocumentFilter& f, Diagnostics& diags);
  std::vector<GradeCount> GradeCounts(const DocumentFilter& f, Diagnostics& diags);
  std::vector<IndicatorResult> Indicators(const std::string& id, Diagnostics& diags);
  // The 一级 matrix: per matching document (in id order) its latest version's indicators of
  // `level` (0 = every level, in stored order), streamed as (document id, indicator).
  bool ForEachIndicator(const DocumentFilter& f, int64_t level,
                        const std::function<bool(const std::string&, const IndicatorResult&)>& row,
                        Diagnostics& diags);

  // Ranking order (total descending, then id; or the filter's kRateDesc) with each document's
  // latest indicator rows of `level` (0 = all, -1 = 一级 and leaves, what a comparison reads;
  // stored order), a page of documents and one indicator query at a time (result_json empty).
  bool ForEachRanked(
      const DocumentFilter& f, int64_t level,
      const std::function<bool(const Document&, const std::vector<IndicatorResult>&)>& row,
      Diagnostics& diags);
  // A page of a list (latest versions, no payload, result_json empty), the count of all its
  // matches, the distinct values of `column` (year, department, town, grade or framework; empty
  // values left out; in byte order) over its matches, and the latest indicator rows of `level`
  // for the given documents (stored order).
  std::optional<std::vector<Document>> ListPage(const ListQuery& q, Diagnostics& diags);
  std::optional<int64_t> ListCount(const ListQuery& q, Diagnostics& diags);
  std::optional<std::vector<std::string>> ListDistinct(const ListQuery& q,
                                                       const std::string& column,
                                                       Diagnostics& diags);
  // The distinct values of each of `columns` in one query (a drop-down per column), in order.
  std::optional<std::vector<std::vector<std::string>>> ListDistincts(
      const ListQuery& q, const std::vector<std::string>& columns, Diagnostics& diags);
  std::optional<std::vector<std::pair<std::string, IndicatorResult>>> LatestIndicators(
      const std::vector<std::string>& ids, int64_t level, Diagnostics& diags);
  // Leaves that lost points, summed per (code, name), largest loss first.
  std::optional<std::vector<Deduction>> Deductions(const DocumentFilter& f, Diagnostics& diags);
  // Score and full marks of the indicators of `level` summed per (`column`, name), where column
  // is one of region, year, town, department; in column order.
  std::optional<std::vector<GroupRate>> RatesBy(const DocumentFilter& f, const std::string& column,
                                                int64_t level, Diagnostics& diags);
  std::optional<std::vector<YearTotal>> YearTotals(const DocumentFilter& f, Diagnostics& diags);

  // 复核 decisions (reviews.cc), append-only. Decide records `d` (decided_at empty = now) only
  // while d.version is the document's latest version; otherwise the outcome names the current
  // version (who saved it and when). Decisions lists a document's decisions oldest first;
  // LatestDecisions the latest decision of every document of `kind` (of `region` only, in SQL,
  // unless it is empty).
  std::optional<DecideOutcome> Decide(const ReviewDecision& d, Diagnostics& diags);
  std::vector<ReviewDecision> Decisions(const std::string& doc_id, Diagnostics& diags);
  std::vector<ReviewDecision> LatestDecisions(const std::string& kind, const std::string& region,
                                              Diagnostics& diags);
  // The latest version of each of `ids` that exists (info and payload; fields left empty), in id
  // order, in one query: what the 复核 list reads of its page's 提交 forms (before, three queries
  // a form: 150 statements a page).
  std::vector<std::pair<std::string, Version>> LatestVersionsOf(const std::vector<std::string>& ids,
                                                                Diagnostics& diags);
  // The latest decision of each of `ids` that has one (a list page's rows), in id order.
  std::vector<ReviewDecision> LatestDecisionsOf(const std::vector<std::string>& ids,
                                                Diagnostics& diags);

  // Regions (regions.cc). Accounts and documents name their region by text: a rename rewrites
  // it in users and in documents' latest rows in one transaction (versions keep what they said
  // when saved). The counts of accounts and documents changed, nullopt on failure.
  std::optional<std::pair<int64_t, int64_t>> RenameRegion(const std::string& from,
                                                          const std::string& to,
                                                          Diagnostics& diags);

  // Members (members.cc, schema 12): the accounts a document is shared with besides its owner
  // (evaluators of the owner's firm), by account id; a list's owner filter reaches them too.
  // AddMember: false when already one; RemoveMember: false when not one; Members in id order.
  bool AddMember(const std::string& doc_id, int64_t member, const std::string& added_by,
                 Diagnostics& diags);
  bool RemoveMember(const std::string& doc_id, int64_t member, Diagnostics& diags);
  std::vector<int64_t> Members(const std::string& doc_id, Diagnostics& diags);

  // Documents of `kind` whose latest version has no indicator rows and no full marks yet
  // (evaluations moved from the former archive; the full-marks test keeps this check, run at
  // every open, from probing 10⁵ documents: 1.9 s on PostgreSQL), at most `limit` ids; and
  // filling those rows in (with the full marks).
  std::vector<std::string> IdsMissingIndicators(const std::string& kind, int64_t limit,
                                                Diagnostics& diags);
  bool SetIndicators(const std::string& id, int64_t version, int64_t total_weight,
                     const std::vector<IndicatorResult>& indicators, Diagnostics& diags);

  // Scored documents of `kind` with no framework id (evaluations scored by a serve before
  // schema 8), ids only, in no particular order: a range of the (kind, framework, grade) index,
  // cheap at every open (an ORDER BY id had PostgreSQL walk the primary key: 195 ms at 10⁵); and
  // setting a latest version's framework id and, where it is 0, its full marks (on the document
  // and that version).
  std::vector<std::string> IdsMissingFramework(const std::string& kind, Diagnostics& diags);
  bool SetFramework(const std::string& id, int64_t version, const std::string& framework,
                    int64_t total_weight, Diagnostics& diags);

  // Moves a whole store as JSON lines: a header, then every row of every table in key order.
  // Import needs an empty store and the same schema version; export → import → export gives the
  // same bytes, between back ends too. `name` locates import errors (file:line).
  bool Export(std::ostream& out, Diagnostics& diags);
  bool Import(std::istream& in, const std::string& name, Diagnostics& diags);

  // Refreshes the query planner's statistics (ANALYZE), after a bulk load; on PostgreSQL also
  // VACUUMs, so index-only scans need not visit the freshly loaded tables.
  bool Analyze(Diagnostics& diags);

  // SQLite: this connection's page cache, which also bounds its sorter's memory (GROUP BY and
  // ORDER BY without an index spill to a temporary file beyond it), to `kib` KiB instead of the
  // 64 MB serve keeps for its indexes. A command that reads the store once, front to back
  // (compare --archive), gains nothing from a large cache; with one its peak memory grew with
  // the store until the cache was full (10³ / 10⁴ / 10⁵: 56 / 64 / 127 MB). No-op on
  // PostgreSQL, whose cache is the server's. `spill_dir`, when given, is where SQLite puts the
  // sorter's temporary files (unlinked as soon as made; the command's output folder, not
  // /var/tmp). Process-wide: for one-shot commands.
  void LimitCache(int64_t kib, const std::string& spill_dir = "");

  // Batches: many saves in one transaction (bulk load). Commit returns false on failure (the
  // whole batch is rolled back).
  bool BeginBatch(Diagnostics& diags);
  bool CommitBatch(Diagnostics& diags);
  void RollbackBatch();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::store
