#include "store/store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Statement.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "store/store_impl.h"

namespace jixiao::store {

using namespace Poco::Data::Keywords;

namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() + 0 && isxdigit(s[i + 1]) && isxdigit(s[i + 2])) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string Quoted(const std::string& v) {  // a libpq keyword value
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// postgresql://[user[:password]@][host][:port][/db][?key=value&…] as libpq keywords.
std::string ConnectionString(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3), query;
  size_t q = rest.find('?');
  if (q != std::string::npos) query = rest.substr(q + 1), rest = rest.substr(0, q);
  std::string authority = rest, db;
  size_t slash = rest.find('/');
  if (slash != std::string::npos) authority = rest.substr(0, slash), db = rest.substr(slash + 1);
  std::vector<std::pair<std::string, std::string>> kv;
  size_t at = authority.rfind('@');
  if (at != std::string::npos) {
    std::string userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    size_t colon = userinfo.find(':');
    kv.push_back({"user", PercentDecode(userinfo.substr(0, colon))});
    if (colon != std::string::npos)
      kv.push_back({"password", PercentDecode(userinfo.substr(colon + 1))});
  }
  size_t colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']') == std::string::npos) {
    kv.push_back({"port", authority.substr(colon + 1)});
    authority = authority.substr(0, colon);
  }
  if (!authority.empty()) kv.push_back({"host", PercentDecode(authority)});
  if (!db.empty()) kv.push_back({"dbname", PercentDecode(db)});
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? amp : amp - start);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) {
      std::string key = PercentDecode(pair.substr(0, eq));
      kv.erase(std::remove_if(kv.begin(), kv.end(), [&](auto& p) { return p.first == key; }),
               kv.end());
      kv.push_back({key, PercentDecode(pair.substr(eq + 1))});
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  std::string out;
  for (const auto& [k, v] : kv) out += (out.empty() ? "" : " ") + k + "=" + Quoted(v);
  return out;
}

void MakeParentDirs(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return;
  std::string dir = path.substr(0, slash);
  for (size_t i = 1; i <= dir.size(); ++i)
    if (i == dir.size() || dir[i] == '/') mkdir(dir.substr(0, i).c_str(), 0755);
}

bool IsBusy(const Poco::Exception& e) {
  std::string lower = Lower(e.displayText());
  return lower.find("locked") != std::string::npos || lower.find("busy") != std::string::npos;
}

}  // namespace

bool IsPostgresUrl(const std::string& location) {
  return StartsWith(location, "postgresql://") || StartsWith(location, "postgres://");
}

std::string Redacted(const std::string& location) {
  if (!IsPostgresUrl(location)) return location;
  size_t scheme = location.find("://") + 3;
  size_t end = location.find_first_of("/?", scheme);
  std::string authority = location.substr(scheme, end == std::string::npos ? end : end - scheme);
  size_t at = authority.rfind('@');
  if (at == std::string::npos) return location;
  size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return location;
  return location.substr(0, scheme) + authority.substr(0, colon) + ":***" + authority.substr(at) +
         (end == std::string::npos ? "" : location.substr(end));
}

std::string UtcNow(int64_t offset_seconds) {
  std::time_t t = std::time(nullptr) + offset_seconds;
  char buffer[32];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string Text(Poco::Data::RecordSet& rs, size_t col) {
  const auto& v = rs[col];
  return v.isEmpty() ? std::string() : v.convert<std::string>();
}

int64_t Int(Poco::Data::RecordSet& rs, size_t col) {
  const auto& v = rs[col];
  return v.isEmpty() ? 0 : v.convert<Poco::Int64>();
}

std::string ChineseError(const Poco::Exception& e) {
  std::string text = e.displayText(), lower = Lower(text);
  auto has = [&](const char* s) { return lower.find(s) != std::string::npos; };
  if (has("locked") || has("busy")) return "数据库正被其他进程使用，等待超时，请稍后重试";
  if (has("unable to open") || has("cannot open"))
    return "无法打开档案库文件（目录不存在或没有写权限）";
  if (has("not a database") || has("malformed")) return "该文件不是 jixiao 档案库，或已损坏";
  if (has("connection refused") || has("no such file or directory") || has("could not connect") ||
      has("could not translate host"))
    return "无法连接 PostgreSQL 服务器（服务器未启动，或主机、端口、套接字目录有误）";
  if (has("password authentication failed") || has("authentication"))
    return "PostgreSQL 拒绝登录（用户名或密码不对）";
  if (has("database") && has("does not exist")) return "PostgreSQL 中没有这个数据库，请先创建";
  if (has("disk") || has("full")) return "磁盘已满或读写出错";
  if (has("readonly") || has("read-only")) return "档案库文件只读，无法写入";
  return "数据库错误（" + text + "）";
}

std::string Store::Impl::Sql(const std::string& sql) const {
  std::string out;
  int n = 0;
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '?' && pg) {
      out += "$" + std::to_string(++n);
    } else if (!quoted && sql.compare(i, 4, "{ID}") == 0) {
      out += pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
      i += 3;
    } else if (!quoted && sql.compare(i, 3, "{C}") == 0) {
      if (pg) out += " COLLATE \"C\"";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {
void Bind(Poco::Data::Statement& st, const Args& args) {
  for (const auto& a : args) {
    if (a.is_int)
      st, useRef(a.number);
    else
      st, useRef(a.text);
  }
}
}  // namespace

size_t Store::Impl::Exec(const std::string& sql, const Args& args) {
  Poco::Data::Statement st(session);
  st << Sql(sql);
  Bind(st, args);
  return st.execute();
}

Poco::Data::RecordSet Store::Impl::Query(const std::string& sql, const Args& args) {
  Poco::Data::Statement st(session);
  st << Sql(sql);
  Bind(st, args);
  st.execute();
  return Poco::Data::RecordSet(st);
}

void Store::Impl::Begin() {
  if (in_batch) return;
  if (pg)
    session.begin();
  else
    session << "BEGIN IMMEDIATE", now;
  in_txn = true;
}

void Store::Impl::Commit() {
  if (in_batch) return;
  if (pg)
    session.commit();
  else
    session << "COMMIT", now;
  in_txn = false;
}

void Store::Impl::Rollback() noexcept {
  if (in_batch || !in_txn) return;
  in_txn = false;
  try {
    if (pg)
      session.rollback();
    else
      session << "ROLLBACK", now;
  } catch (...) {
  }
}

void Store::Impl::Fail(Diagnostics& diags, const std::string& code, const std::string& what,
                       const Poco::Exception& e, const std::string& path) const {
  diags.Error(code, {location, 0, 0, path}, what + "：" + ChineseError(e));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;
bool Store::IsPostgres() const { return impl_->pg; }
const std::string& Store::Location() const { return impl_->location; }
int Store::LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

int Store::SchemaVersion() {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  auto rs = impl_->Query("SELECT value FROM meta WHERE key='schema_version'");
  return rs.rowCount() ? std::atoi(Text(rs, 0).c_str()) : 0;
}

namespace {

// Creates or migrates the schema inside one write transaction that holds the migration lock,
// so exactly one process migrates and the others see the result. False: newer than supported.
bool Migrate(Store::Impl& db, Diagnostics& diags) {
  int target = static_cast<int>(Migrations().size());
  db.Begin();
  try {
    int version = 0;
    std::string exists =
        db.pg ? "SELECT count(*) FROM information_schema.tables WHERE table_name='meta' AND "
                "table_schema=current_schema()"
              : "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'";
    if (db.pg) db.Exec("SELECT pg_advisory_xact_lock(20200520)");
    auto found = db.Query(exists);
    if (Int(found, 0)) {
      auto rs = db.Query("SELECT value FROM meta WHERE key='schema_version'");
      version = rs.rowCount() ? std::atoi(Text(rs, 0).c_str()) : 0;
    }
    if (version > target) {
      db.Rollback();
      diags.Error("store.version", {db.location, 0, 0, ""},
                  "档案库版本" + std::to_string(version) + "高于本程序支持的" +
                      std::to_string(target) + "，请升级 jixiao");
      return false;
    }
    for (int v = version; v < target; ++v) {
      for (const auto& sql : Migrations()[static_cast<size_t>(v)]) db.Exec(sql);
      db.Exec("DELETE FROM meta WHERE key='schema_version'");
      db.Exec("INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
              {std::to_string(v + 1)});
    }
    // A store migrated with data: the planner's statistics cover the new indexes too (without,
    // SQLite read the 复核 gap list of 10⁵ through a new index: 0.7 → 400 ms).
    if (version > 0 && version < target) db.Exec("ANALYZE");
    db.Commit();
    return true;
  } catch (...) {
    db.Rollback();
    throw;
  }
}

}  // namespace

std::unique_ptr<Store> Store::Open(const std::string& location, Diagnostics& diags) {
  bool pg = IsPostgresUrl(location);
  std::string shown = Redacted(location);
  // SQLite reports some lock conflicts while a new file is being set up (the switch to WAL,
  // recovery) without waiting in the busy handler: retry those for up to about a minute.
  for (int attempt = 0;; ++attempt) {
    try {
      std::unique_ptr<Impl> impl;
      if (pg) {
        Poco::Data::PostgreSQL::Connector::registerConnector();
        Poco::Data::Session session("PostgreSQL", ConnectionString(location));
        impl = std::make_unique<Impl>(shown, true, session);
        impl->Exec("SET client_min_messages TO warning");
        // Scorecard payloads (about 15 KB) are compressed with lz4, not pglz: a 10⁴ bulk load
        // 633 → 804 evaluations/s. Servers built without lz4 keep their default.
        try {
          impl->Exec("SET default_toast_compression = lz4");
        } catch (const Poco::Exception&) {
        }
      } else {
        Poco::Data::SQLite::Connector::registerConnector();
        MakeParentDirs(location);
        Poco::Data::Session session("SQLite", location);
        session << "PRAGMA busy_timeout=60000", now;
        session << "PRAGMA journal_mode=WAL", now;
        session << "PRAGMA synchronous=FULL", now;
        session << "PRAGMA foreign_keys=ON", now;
        session << "PRAGMA cache_size=-65536", now;  // 64 MB of pages: indexes of a 10⁵ store
        impl = std::make_unique<Impl>(shown, false, session);
      }
      if (!Migrate(*impl, diags)) return nullptr;
      return std::unique_ptr<Store>(new Store(std::move(impl)));
    } catch (const Poco::Exception& e) {
      if (!pg && IsBusy(e) && attempt < 1000) {
        usleep(static_cast<useconds_t>(10000 + std::rand() % 50000));
        continue;
      }
      diags.Error("store.open", {shown, 0, 0, ""},
                  "无法打开档案库 " + shown + "：" + ChineseError(e) +
                      (pg ? "。请检查 PostgreSQL 地址（postgresql://用户@主机:端口/数据库）" : ""));
      return nullptr;
    }
  }
}

void ResetPostgresForTests(const std::string& url) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::Session session("PostgreSQL", ConnectionString(url));
  session << "SET client_min_messages TO warning", now;
  session << "DROP SCHEMA IF EXISTS public CASCADE", now;
  session << "CREATE SCHEMA public", now;
}

bool ExecForTests(const std::string& location, const std::string& sql) {
  try {
    if (IsPostgresUrl(location)) {
      Poco::Data::PostgreSQL::Connector::registerConnector();
      Poco::Data::Session session("PostgreSQL", ConnectionString(location));
      session << sql, now;
    } else {
      Poco::Data::SQLite::Connector::registerConnector();
      Poco::Data::Session session("SQLite", location);
      session << sql, now;
    }
    return true;
  } catch (const Poco::Exception&) {
    return false;
  }
}

bool Store::Analyze(Diagnostics& diags) {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  try {
    // PostgreSQL: VACUUM as well. Freshly loaded tables have no visibility map, so the list
    // pages' covering indexes still visited the table (a region's 5,000 rows: 2 → 30 ms a query;
    // the bureau's dashboard at 10⁵ made 10 such queries). Not inside a transaction, as VACUUM
    // requires (autovacuum would get there later, after the load's first views).
    impl_->Exec(impl_->pg && !impl_->in_batch && !impl_->in_txn ? "VACUUM (ANALYZE)" : "ANALYZE");
    return true;
  } catch (const Poco::Exception& e) {
    impl_->Fail(diags, "store.write", "更新查询统计信息失败", e);
    return false;
  }
}

void Store::LimitCache(int64_t kib, const std::string& spill_dir) {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  if (impl_->pg) return;
  try {
    impl_->Exec("PRAGMA cache_size=-" + std::to_string(kib));
    if (!spill_dir.empty()) {
      std::string quoted = "'";  // a string literal: quotes doubled
      for (char c : spill_dir) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      impl_->Exec("PRAGMA temp_store_directory=" + quoted + "'");
    }
  } catch (const Poco::Exception&) {  // a larger cache, or /var/tmp, is still correct
  }
}

namespace {
// Back to full durability after a batch (SQLite; no-op on PostgreSQL, whose setting was LOCAL).
void RestoreSync(Store::Impl& db) noexcept {
  if (db.pg) return;
  try {
    db.Exec("PRAGMA wal_autocheckpoint=1000");
    db.Exec("PRAGMA synchronous=FULL");
  } catch (...) {
  }
}
}  // namespace

bool Store::BeginBatch(Diagnostics& diags) {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  try {
    // A bulk load's commits do not wait for the disk (a crash of the machine may lose the last
    // batches, never half of one; a crash of jixiao loses nothing committed): on PostgreSQL the
    // WAL flush (5,000 evaluations 633 → 848/s with fsync on); on SQLite the fsync of each
    // commit (synchronous=NORMAL, WAL mode) and a checkpoint per 4 MB (one per 64 MB instead).
    if (!impl_->pg) {
      impl_->Exec("PRAGMA synchronous=NORMAL");
      impl_->Exec("PRAGMA wal_autocheckpoint=16384");
    }
    impl_->Begin();
    if (impl_->pg) impl_->Exec("SET LOCAL synchronous_commit = off");
    impl_->in_batch = true;
    return true;
  } catch (const Poco::Exception& e) {
    impl_->Fail(diags, "store.write", "开始批量写入失败", e);
    return false;
  }
}

bool Store::CommitBatch(Diagnostics& diags) {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  impl_->in_batch = false;
  try {
    impl_->Commit();
    RestoreSync(*impl_);
    return true;
  } catch (const Poco::Exception& e) {
    impl_->Rollback();
    RestoreSync(*impl_);
    impl_->Fail(diags, "store.write", "批量写入失败，本批已撤销", e);
    return false;
  }
}

void Store::RollbackBatch() {
  std::lock_guard<std::recursive_mutex> lock(impl_->mu);
  impl_->in_batch = false;
  impl_->Rollback();
  RestoreSync(*impl_);
}

}  // namespace jixiao::store
