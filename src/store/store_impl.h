// Internal to store/: the open connection, the one place where SQLite and PostgreSQL differ
// (placeholders, identity columns, write transactions, the migration lock), and small helpers
// that bind arguments and read rows. Not included outside src/store/.
#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace jixiao::store {

// One bound argument: text or a 64-bit integer.
struct Arg {
  Arg(std::string v) : text(std::move(v)) {}   // NOLINT: implicit by design
  Arg(const char* v) : text(v) {}              // NOLINT
  Arg(int64_t v) : is_int(true), number(v) {}  // NOLINT
  bool is_int = false;
  std::string text;
  Poco::Int64 number = 0;
};
using Args = std::vector<Arg>;

struct Store::Impl {
  std::string location;  // redacted, for messages
  bool pg = false;
  Poco::Data::Session session;
  std::recursive_mutex mu;
  bool in_batch = false;
  bool in_txn = false;  // a write transaction of ours is open

  Impl(std::string loc, bool is_pg, const Poco::Data::Session& s)
      : location(std::move(loc)), pg(is_pg), session(s) {}

  // Dialect: `?` placeholders become $1, $2… on PostgreSQL; {ID} is the identity column.
  std::string Sql(const std::string& sql) const;
  // Runs a statement; the number of rows it changed.
  size_t Exec(const std::string& sql, const Args& args = {});
  Poco::Data::RecordSet Query(const std::string& sql, const Args& args = {});
  // Write transactions (no-ops inside a batch, which holds its own).
  void Begin();
  void Commit();
  void Rollback() noexcept;
  // Reports a failed operation in Chinese at the store's location.
  void Fail(Diagnostics& diags, const std::string& code, const std::string& what,
            const Poco::Exception& e, const std::string& path = "") const;
};

// " AND <t>kind = ?" … for the filter's set fields (t: a table prefix such as "d."), args appended.
std::string Where(const DocumentFilter& f, const std::string& t, Args& args);

// Streams matching documents as Store::ForEach does (under the caller's lock; throws
// Poco::Exception); with_result false leaves result_json empty (not read from the database).
void ForEachDocument(Store::Impl& db, const DocumentFilter& f, bool with_result,
                     const std::function<bool(const Document&)>& row);

std::string Text(Poco::Data::RecordSet& rs, size_t col);
int64_t Int(Poco::Data::RecordSet& rs, size_t col);
// A database error as one Chinese sentence (the original text kept in brackets when unknown).
std::string ChineseError(const Poco::Exception& e);
// The migrations (index i brings the schema from version i to i + 1), dialect tokens unexpanded.
const std::vector<std::vector<std::string>>& Migrations();

// PostgreSQL only: `rows` (values in `columns` order) appended to `table` with COPY, inside the
// session's open transaction. Throws Poco::Data::DataException on failure.
void CopyRows(Store::Impl& db, const std::string& table, const std::string& columns,
              const std::vector<Args>& rows);

// "SELECT <every job column> FROM jobs " and the reader of one such row (accounts.cc).
extern const char* const kJobColumns;
Job ReadJob(Poco::Data::RecordSet& rs);

// Tests only: empties a PostgreSQL database's public schema (throws on failure); runs one
// statement on its own connection to a store (SQLite file or PostgreSQL URL), false on failure.
void ResetPostgresForTests(const std::string& url);
bool ExecForTests(const std::string& location, const std::string& sql);

using Lock = std::lock_guard<std::recursive_mutex>;

// Runs `body` (which returns T) under the lock; a database error is reported and yields `fail`
// (an open write transaction is rolled back).
#define JX_GUARDED(code, what, fail, ...) \
  Lock lock(impl_->mu);                   \
  try {                                   \
    __VA_ARGS__                           \
  } catch (const Poco::Exception& e) {    \
    impl_->Rollback();                    \
    impl_->Fail(diags, code, what, e);    \
    return fail;                          \
  }

}  // namespace jixiao::store
