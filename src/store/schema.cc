// The store's schema as migrations, shared by SQLite and PostgreSQL (types both accept: TEXT,
// BIGINT; {ID} is the dialect's identity column). Versions 1–2 are the former archive's; 3 adds
// the store's tables and moves archived cases into documents; 4 adds full marks, the indicator
// tree and an index; 5 index orders; 6 job workers and heartbeats, job files, login failures
// (docs/design-notes.md); 7 the bureau's 复核 decisions and a self-evaluation's 行得分合计; 8
// indexes for serve's list pages (a region's or an owner's documents of a kind); 9 the region's
// ranking index, the gap column's one meaning and a backfill of full marks; 10 covering indexes
// for the dashboard's 一级 rates and grade counts; 11 a session's one-time message; 12 the
// evaluators an evaluation is shared with.
#include "store/store_impl.h"

namespace jixiao::store {

namespace {

// Columns describing a document, kept on the document (latest) and on every version.
#define JX_DOC_COLUMNS                                                                  \
  "kind TEXT NOT NULL, owner TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '', " \
  "region TEXT NOT NULL DEFAULT '', department TEXT NOT NULL DEFAULT '', "              \
  "town TEXT NOT NULL DEFAULT '', year TEXT NOT NULL DEFAULT '', "                      \
  "project TEXT NOT NULL DEFAULT '', framework TEXT NOT NULL DEFAULT '', "              \
  "framework_title TEXT NOT NULL DEFAULT '', digest TEXT NOT NULL DEFAULT '', "         \
  "total BIGINT NOT NULL DEFAULT 0, grade TEXT NOT NULL DEFAULT '', "                   \
  "claimed_total BIGINT NOT NULL DEFAULT 0, computed_total BIGINT NOT NULL DEFAULT 0, " \
  "gap BIGINT NOT NULL DEFAULT 0, findings BIGINT NOT NULL DEFAULT 0, "                 \
  "result TEXT NOT NULL DEFAULT ''"

#define JX_MOVE_COLUMNS \
  "kind, town, year, project, framework, framework_title, digest, total, grade, result"
#define JX_MOVE_VALUES                                                                           \
  "'evaluation', COALESCE(town, ''), COALESCE(year, ''), COALESCE(project, ''), "                \
  "COALESCE(framework, ''), COALESCE(framework_title, ''), digest, total, COALESCE(grade, ''), " \
  "'{\"grades\":' || grades || ',\"problems\":' || problems || '}'"

}  // namespace

const std::vector<std::vector<std::string>>& Migrations() {
  static const std::vector<std::vector<std::string>> kMigrations = {
      // 1, 2: the archive of scored evaluations.
      {"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
       "CREATE TABLE cases (id TEXT PRIMARY KEY, digest TEXT NOT NULL, town TEXT, project TEXT, "
       "year TEXT, framework TEXT, framework_title TEXT, total INTEGER NOT NULL, grade TEXT, "
       "scorecard TEXT NOT NULL, grades TEXT NOT NULL, problems TEXT NOT NULL, "
       "added_at TEXT NOT NULL)"},
      {"CREATE INDEX cases_year_framework ON cases (year, framework)"},
      // 3: the store.
      {"CREATE TABLE users (id {ID}, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL, "
       "unit TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '', "
       "password_hash TEXT NOT NULL, disabled BIGINT NOT NULL DEFAULT 0, "
       "created_at TEXT NOT NULL)",
       "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, "
       "user_id BIGINT NOT NULL REFERENCES users (id), csrf_token TEXT NOT NULL, "
       "created_at TEXT NOT NULL, last_seen TEXT NOT NULL, expires_at TEXT NOT NULL)",
       "CREATE INDEX sessions_expires ON sessions (expires_at)",
       "CREATE TABLE jobs (id {ID}, kind TEXT NOT NULL, owner BIGINT NOT NULL, "
       "params TEXT NOT NULL, status TEXT NOT NULL, done BIGINT NOT NULL DEFAULT 0, "
       "total BIGINT NOT NULL DEFAULT 0, result_ref TEXT NOT NULL DEFAULT '', "
       "error TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
       "CREATE INDEX jobs_owner ON jobs (owner, id)",
       "CREATE INDEX jobs_status ON jobs (status)",
       "CREATE TABLE audit (id {ID}, who TEXT NOT NULL, at TEXT NOT NULL, "
       "object_kind TEXT NOT NULL, object_id TEXT NOT NULL, field TEXT NOT NULL, "
       "old_value TEXT NOT NULL, new_value TEXT NOT NULL)",
       "CREATE INDEX audit_object ON audit (object_kind, object_id, id)",
       "CREATE INDEX audit_at ON audit (at)",
       "CREATE TABLE documents (id TEXT{C} PRIMARY KEY, " JX_DOC_COLUMNS
       ", version BIGINT NOT NULL, author TEXT NOT NULL, created_at TEXT NOT NULL, "
       "updated_at TEXT NOT NULL)",
       "CREATE INDEX documents_kind_year_region ON documents (kind, year, region, total)",
       "CREATE INDEX documents_kind_total ON documents (kind, total, id)",
       "CREATE INDEX documents_kind_gap ON documents (kind, gap, id)",
       "CREATE INDEX documents_framework ON documents (kind, framework, grade)",
       "CREATE TABLE versions (doc_id TEXT{C} NOT NULL, version BIGINT NOT NULL, " JX_DOC_COLUMNS
       ", author TEXT NOT NULL, saved_at TEXT NOT NULL, payload TEXT NOT NULL, "
       "PRIMARY KEY (doc_id, version))",
       "CREATE TABLE indicators (doc_id TEXT{C} NOT NULL, version BIGINT NOT NULL, "
       "seq BIGINT NOT NULL, code TEXT NOT NULL, level BIGINT NOT NULL, name TEXT NOT NULL DEFAULT "
       "'', "
       "weight BIGINT NOT NULL, score BIGINT NOT NULL, PRIMARY KEY (doc_id, version, seq))",
       "CREATE INDEX indicators_level ON indicators (level, doc_id)",
       "INSERT INTO documents (id, " JX_MOVE_COLUMNS
       ", version, author, created_at, updated_at) SELECT id, " JX_MOVE_VALUES
       ", 1, 'archive', added_at, added_at FROM cases",
       "INSERT INTO versions (doc_id, version, " JX_MOVE_COLUMNS
       ", author, saved_at, payload) SELECT id, 1, " JX_MOVE_VALUES
       ", 'archive', added_at, scorecard FROM cases",
       "DROP TABLE cases"},
      // 4: full marks (ranking across frameworks), the indicator tree, paging by (kind, id).
      {"ALTER TABLE documents ADD COLUMN total_weight BIGINT NOT NULL DEFAULT 0",
       "ALTER TABLE versions ADD COLUMN total_weight BIGINT NOT NULL DEFAULT 0",
       "ALTER TABLE indicators ADD COLUMN leaf BIGINT NOT NULL DEFAULT 0",
       "ALTER TABLE indicators ADD COLUMN parent BIGINT NOT NULL DEFAULT -1",
       "CREATE INDEX documents_kind_id ON documents (kind, id)"},
      // 5: rankings and gap lists in index order (total or gap descending, then id), so a keyset
      // page reads its 1,000 rows instead of sorting every row below the last key.
      {"DROP INDEX documents_kind_total",
       "CREATE INDEX documents_kind_total ON documents (kind, total DESC, id)",
       "DROP INDEX documents_kind_gap",
       "CREATE INDEX documents_kind_gap ON documents (kind, gap DESC, id)"},
      // 6: several serve processes on one store. A job names the process running it (worker, a
      // random token per process) and when that process last showed it was alive (heartbeat);
      // only jobs whose heartbeat is stale are failed. A finished job's file is kept in the store
      // (Base64) so any process serves the download. Login failures are counted in the store so
      // throttling holds across processes.
      {"ALTER TABLE jobs ADD COLUMN worker TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE jobs ADD COLUMN heartbeat TEXT NOT NULL DEFAULT ''",
       "CREATE INDEX jobs_heartbeat ON jobs (status, heartbeat)",
       "CREATE TABLE job_files (job_id BIGINT PRIMARY KEY, name TEXT NOT NULL, "
       "bytes TEXT NOT NULL)",
       "CREATE TABLE login_failures (name TEXT{C} PRIMARY KEY, failures BIGINT NOT NULL, "
       "last_failure BIGINT NOT NULL)"},
      // 7: the bureau's 复核 decisions (通过 / 退回 with an opinion) on one version of a document,
      // append-only (the latest per document counts; a later version is 待复核 again); and a
      // self-evaluation's 行得分合计 — the sum of its typed row 得分 and budget 得分, -1 when none
      // is typed — which the 复核 list ranks by when the form prints no 总分.
      {"CREATE TABLE reviews (id {ID}, doc_id TEXT{C} NOT NULL, version BIGINT NOT NULL, "
       "decision TEXT NOT NULL, opinion TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL, "
       "decided_at TEXT NOT NULL)",
       "CREATE INDEX reviews_doc ON reviews (doc_id, id)",
       "ALTER TABLE documents ADD COLUMN row_total BIGINT NOT NULL DEFAULT -1",
       "ALTER TABLE versions ADD COLUMN row_total BIGINT NOT NULL DEFAULT -1"},
      // 8: serve's list pages filter a bureau's region or a unit's / evaluator's own documents in
      // SQL (issue 20): without these every page view read all documents of the kind. The region
      // index covers what the pages filter, count, group and order by, so a region's 5,000 rows
      // are read from the index, not from table rows that carry each scorecard (SQLite).
      {"CREATE INDEX documents_region_kind ON documents (region, kind, grade, year, department, "
       "town, framework, total, total_weight, gap, claimed_total, row_total, updated_at, id)",
       "CREATE INDEX documents_owner_kind ON documents (owner, kind, updated_at, id)"},
      // 9 (issue 20): the ranking of a region's scored evaluations read in index order (at 10⁵
      // PostgreSQL walked the kind's total index and filtered 50,000 rows: 88 ms a view); the
      // gap column given one meaning everywhere — a form printing neither 总分 nor 行得分合计
      // ranks last (-1), as the 复核 page and 复核汇总 put it; and the full marks of evaluations
      // scored by a serve before schema 8 (which kept their 一级 rows, not the sum) backfilled.
      {"CREATE INDEX documents_region_rank ON documents (region, kind, total DESC, "
       "updated_at{C} DESC, id, grade)",
       "UPDATE documents SET gap = -1 WHERE claimed_total < 0 AND row_total < 0",
       "UPDATE versions SET gap = -1 WHERE claimed_total < 0 AND row_total < 0",
       "UPDATE documents SET total_weight = (SELECT COALESCE(SUM(i.weight), 0) FROM indicators i "
       "WHERE i.doc_id = documents.id AND i.version = documents.version AND i.level = 1) "
       "WHERE kind = 'evaluation' AND grade <> '' AND total_weight = 0",
       "UPDATE versions SET total_weight = (SELECT COALESCE(SUM(i.weight), 0) FROM indicators i "
       "WHERE i.doc_id = versions.doc_id AND i.version = versions.version AND i.level = 1) "
       "WHERE kind = 'evaluation' AND grade <> '' AND total_weight = 0"},
      // 10 (issue 20): the dashboard's 一级 rates of a year by region and its grade counts read
      // from indexes alone. The year index now carries what the rates join on (id, version) and
      // the grade counts group by; the 一级 rows have a partial covering index (a tenth of the
      // indicator rows). Before, SQLite read each document's table row — past its scorecard — for
      // its version and PostgreSQL hashed all 400,000 一级 rows (860 ms of a 1,020 ms view at
      // 10⁵); the grade counts walked the framework index and read every evaluation's row.
      {"DROP INDEX IF EXISTS documents_kind_year_region",
       "CREATE INDEX documents_kind_year_region ON documents (kind, year, region, total, "
       "framework, grade, id, version)",
       "DROP INDEX IF EXISTS documents_framework",
       "CREATE INDEX documents_framework ON documents (kind, framework, grade, year, region)",
       "CREATE INDEX IF NOT EXISTS indicators_level1 ON indicators (doc_id, version, level, name, "
       "score, "
       "weight) WHERE level = 1"},
      // 11 (issue 21): a session's one-time message (the text a form post's redirect carries,
      // shown once by the next page) kept with the session, so with several serve processes on
      // one store the page showing it may be served by any of them.
      {"ALTER TABLE sessions ADD COLUMN flash TEXT NOT NULL DEFAULT ''",
       "ALTER TABLE sessions ADD COLUMN flash_at TEXT NOT NULL DEFAULT ''"},
      // 12 (issue 21, trial 5 item 2): the evaluators an evaluation's owner shares it with (a
      // colleague of the same firm). `member` is the account id as text, as documents.owner is,
      // so a list's owner filter reaches the shared documents through the member index.
      {"CREATE TABLE doc_members (doc_id TEXT{C} NOT NULL, member TEXT{C} NOT NULL, "
       "added_by TEXT NOT NULL, added_at TEXT NOT NULL, PRIMARY KEY (doc_id, member))",
       "CREATE INDEX doc_members_member ON doc_members (member, doc_id)"},
  };
  return kMigrations;
}

}  // namespace jixiao::store
