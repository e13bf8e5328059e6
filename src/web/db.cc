#include "web/db.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <ctime>
#include <stdexcept>
#include <variant>

namespace jixiao::web {

using Poco::Data::Keywords::use;
using Param = std::variant<int64_t, std::string>;
using Row = std::vector<std::string>;

std::string NowText() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

struct Db::Impl {
  Poco::Data::Session session;
  explicit Impl(const std::string& path) : session("SQLite", path) {}

  // Runs `sql` with positional parameters; returns every row as text (NULL -> "").
  std::vector<Row> Run(const std::string& sql, std::vector<Param> params = {}) {
    Poco::Data::Statement st(session);
    st << sql;
    for (auto& p : params) {
      if (auto* i = std::get_if<int64_t>(&p))
        st, use(*i);
      else
        st, use(std::get<std::string>(p));
    }
    st.execute();
    std::vector<Row> rows;
    if (st.columnsExtracted() == 0) return rows;
    Poco::Data::RecordSet rs(st);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      Row r;
      for (size_t c = 0; c < rs.columnCount(); ++c)
        r.push_back(rs.value(c).isEmpty() ? "" : rs.value(c).convert<std::string>());
      rows.push_back(std::move(r));
    }
    return rows;
  }
};

Db::Db(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Db::~Db() = default;

std::unique_ptr<Db> Db::Open(const std::string& data_dir) {
  Poco::Data::SQLite::Connector::registerConnector();
  try {
    auto impl = std::make_unique<Impl>(data_dir + "/jixiao-web.db");
    for (const char* sql : {
             "PRAGMA busy_timeout=60000", "PRAGMA journal_mode=WAL",
             "CREATE TABLE IF NOT EXISTS users(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,"
             " role TEXT NOT NULL, unit TEXT NOT NULL, region TEXT NOT NULL, hash TEXT NOT NULL,"
             " created TEXT NOT NULL)",
             "CREATE TABLE IF NOT EXISTS sessions(token_hash TEXT PRIMARY KEY, user_id INTEGER,"
             " csrf TEXT, created INTEGER, last_seen INTEGER)",
             "CREATE TABLE IF NOT EXISTS docs(id TEXT PRIMARY KEY, kind TEXT, title TEXT, unit TEXT,"
             " region TEXT, year TEXT, department TEXT, town TEXT, grade TEXT, owner INTEGER,"
             " assigned INTEGER, version INTEGER, total INTEGER, scorecard TEXT, updated_at TEXT,"
             " updated_by TEXT)",
             "CREATE INDEX IF NOT EXISTS docs_kind ON docs(kind, region, year)",
             "CREATE TABLE IF NOT EXISTS versions(doc TEXT, version INTEGER, author TEXT, at TEXT,"
             " note TEXT, content BLOB, PRIMARY KEY(doc, version))",
             "CREATE TABLE IF NOT EXISTS audit(id INTEGER PRIMARY KEY, at TEXT, who TEXT,"
             " action TEXT, object TEXT, before TEXT, after TEXT)",
             "CREATE TRIGGER IF NOT EXISTS audit_append_only BEFORE UPDATE ON audit BEGIN"
             " SELECT RAISE(ABORT, 'audit log is append-only'); END",
             "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit BEGIN"
             " SELECT RAISE(ABORT, 'audit log is append-only'); END",
             "CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, doc TEXT, owner INTEGER,"
             " kind TEXT, state TEXT, progress INTEGER, message TEXT, result_name TEXT,"
             " created TEXT, updated TEXT)"})
      impl->Run(sql);
    return std::unique_ptr<Db>(new Db(std::move(impl)));
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("无法打开数据库 " + data_dir + "/jixiao-web.db：" + e.displayText());
  }
}

namespace {
User ToUser(const Row& r) {
  return {std::stoll(r[0]), r[1], r[2], r[3], r[4], r[5]};
}
const char* kUserCols = "SELECT id, name, role, unit, region, hash FROM users ";
const char* kDocCols =
    "SELECT id, kind, title, unit, region, year, department, town, grade, owner, assigned,"
    " version, total, scorecard, updated_at, updated_by FROM docs ";
Doc ToDoc(const Row& r) {
  Doc d;
  d.id = r[0], d.kind = r[1], d.title = r[2], d.unit = r[3], d.region = r[4], d.year = r[5];
  d.department = r[6], d.town = r[7], d.grade = r[8];
  d.owner = std::stoll(r[9]), d.assigned = std::stoll(r[10]), d.version = std::stoll(r[11]);
  d.total = std::stoll(r[12]), d.scorecard_json = r[13], d.updated_at = r[14];
  d.updated_by = r[15];
  return d;
}
}  // namespace

std::optional<User> Db::AddUser(const User& u) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!impl_->Run("SELECT id FROM users WHERE name = ?", {u.name}).empty()) return std::nullopt;
  impl_->Run("INSERT INTO users(name, role, unit, region, hash, created) VALUES(?,?,?,?,?,?)",
             {u.name, u.role, u.unit, u.region, u.password_hash, NowText()});
  auto rows = impl_->Run(std::string(kUserCols) + "WHERE name = ?", {u.name});
  return ToUser(rows.at(0));
}

std::optional<User> Db::FindUser(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = impl_->Run(std::string(kUserCols) + "WHERE name = ?", {name});
  if (rows.empty()) return std::nullopt;
  return ToUser(rows[0]);
}

std::optional<User> Db::GetUser(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = impl_->Run(std::string(kUserCols) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return ToUser(rows[0]);
}

std::vector<User> Db::Users() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<User> out;
  for (const auto& r : impl_->Run(std::string(kUserCols) + "ORDER BY id")) out.push_back(ToUser(r));
  return out;
}

void Db::AddSession(const std::string& token_hash, int64_t user, const std::string& csrf,
                    int64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("INSERT INTO sessions VALUES(?,?,?,?,?)", {token_hash, user, csrf, now, now});
}

std::optional<Session> Db::TouchSession(const std::string& token_hash, int64_t now,
                                        int64_t idle_seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows =
      impl_->Run("SELECT user_id, csrf, last_seen FROM sessions WHERE token_hash = ?", {token_hash});
  if (rows.empty()) return std::nullopt;
  Session s{std::stoll(rows[0][0]), rows[0][1], std::stoll(rows[0][2])};
  if (now - s.last_seen > idle_seconds) {
    impl_->Run("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
    return std::nullopt;
  }
  if (now != s.last_seen)
    impl_->Run("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", {now, token_hash});
  return s;
}

void Db::DeleteSession(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
}

void Db::AddDoc(const Doc& d, const std::string& content, const std::string& author,
                const std::string& note) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string now = NowText();
  impl_->Run("BEGIN IMMEDIATE");
  impl_->Run("INSERT INTO docs VALUES(?,?,?,?,?,?,?,?,?,?,?,1,-1,'',?,?)",
             {d.id, d.kind, d.title, d.unit, d.region, d.year, d.department, d.town, d.grade,
              d.owner, d.assigned, now, author});
  impl_->Run("INSERT INTO versions VALUES(?,1,?,?,?,?)", {d.id, author, now, note, content});
  impl_->Run("COMMIT");
}

std::optional<Doc> Db::GetDoc(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = impl_->Run(std::string(kDocCols) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return ToDoc(rows[0]);
}

std::vector<Doc> Db::Docs(const std::string& kind) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Doc> out;
  for (const auto& r : impl_->Run(std::string(kDocCols) + "WHERE kind = ? ORDER BY updated_at DESC",
                                  {kind}))
    out.push_back(ToDoc(r));
  return out;
}

bool Db::SaveVersion(const std::string& id, int64_t expected, const std::string& content,
                     const std::string& author, const std::string& note) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("BEGIN IMMEDIATE");
  auto rows = impl_->Run("SELECT version FROM docs WHERE id = ?", {id});
  if (rows.empty() || std::stoll(rows[0][0]) != expected) {
    impl_->Run("ROLLBACK");
    return false;
  }
  std::string now = NowText();
  int64_t next = expected + 1;
  impl_->Run("INSERT INTO versions VALUES(?,?,?,?,?,?)", {id, next, author, now, note, content});
  impl_->Run("UPDATE docs SET version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
             {next, now, author, id});
  impl_->Run("COMMIT");
  return true;
}

void Db::SetScore(const std::string& id, int64_t total, const std::string& grade,
                  const std::string& scorecard_json) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("UPDATE docs SET total = ?, grade = ?, scorecard = ? WHERE id = ?",
             {total, grade, scorecard_json, id});
}

std::optional<Version> Db::GetVersion(const std::string& id, int64_t version) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = version > 0
                  ? impl_->Run("SELECT version, author, at, note, content FROM versions WHERE"
                               " doc = ? AND version = ?",
                               {id, version})
                  : impl_->Run("SELECT version, author, at, note, content FROM versions WHERE"
                               " doc = ? ORDER BY version DESC LIMIT 1",
                               {id});
  if (rows.empty()) return std::nullopt;
  return Version{std::stoll(rows[0][0]), rows[0][1], rows[0][2], rows[0][3], rows[0][4]};
}

std::vector<Version> Db::Versions(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<Version> out;
  for (const auto& r : impl_->Run(
           "SELECT version, author, at, note FROM versions WHERE doc = ? ORDER BY version DESC",
           {id}))
    out.push_back({std::stoll(r[0]), r[1], r[2], r[3], ""});
  return out;
}

void Db::Audit(const std::string& who, const std::string& action, const std::string& object,
               const std::string& before, const std::string& after) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("INSERT INTO audit(at, who, action, object, before, after) VALUES(?,?,?,?,?,?)",
             {NowText(), who, action, object, before, after});
}

std::vector<Db::AuditEntry> Db::AuditLog(int limit) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<AuditEntry> out;
  for (const auto& r : impl_->Run(
           "SELECT at, who, action, object, before, after FROM audit ORDER BY id DESC LIMIT ?",
           {static_cast<int64_t>(limit)}))
    out.push_back({r[0], r[1], r[2], r[3], r[4], r[5]});
  return out;
}

int64_t Db::AddJob(const Job& j) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string now = NowText();
  impl_->Run("INSERT INTO jobs(doc, owner, kind, state, progress, message, result_name, created,"
             " updated) VALUES(?,?,?,'running',0,'',?,?,?)",
             {j.doc, j.owner, j.kind, j.result_name, now, now});
  return std::stoll(impl_->Run("SELECT last_insert_rowid()").at(0).at(0));
}

void Db::UpdateJob(int64_t id, const std::string& state, int progress, const std::string& message,
                   const std::string& result_name) {
  std::lock_guard<std::mutex> lock(mu_);
  impl_->Run("UPDATE jobs SET state = ?, progress = ?, message = ?, result_name = ?, updated = ?"
             " WHERE id = ?",
             {state, static_cast<int64_t>(progress), message, result_name, NowText(), id});
}

std::optional<Job> Db::GetJob(int64_t id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = impl_->Run(
      "SELECT id, doc, kind, state, message, result_name, owner, progress FROM jobs WHERE id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  const Row& r = rows[0];
  return Job{std::stoll(r[0]), r[1], r[2], r[3], r[4], r[5], std::stoll(r[6]), std::stoi(r[7])};
}

int Db::FailRunningJobs(const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  auto rows = impl_->Run("SELECT count(*) FROM jobs WHERE state = 'running'");
  impl_->Run("UPDATE jobs SET state = 'failed', message = ?, updated = ? WHERE state = 'running'",
             {reason, NowText()});
  return std::stoi(rows.at(0).at(0));
}

}  // namespace jixiao::web
