// Store, PostgreSQL only: rows written with COPY … FROM STDIN (text format) on the session's own
// connection, inside its open transaction — the bulk path of CreateMany. SQLite uses multi-row
// INSERTs instead (the caller decides).
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <libpq-fe.h>

#include "store/store_impl.h"

namespace jixiao::store {

namespace {

void Escape(const std::string& in, std::string& out) {
  for (char c : in) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

[[noreturn]] void Throw(PGconn* conn, const char* what) {
  throw Poco::Data::DataException(std::string(what) + ": " + PQerrorMessage(conn));
}

}  // namespace

void CopyRows(Store::Impl& db, const std::string& table, const std::string& columns,
              const std::vector<Args>& rows) {
  if (rows.empty()) return;
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(db.session.impl());
  if (!impl) throw Poco::Data::DataException("COPY needs a PostgreSQL session");
  PGconn* conn = impl->handle();
  PGresult* start = PQexec(conn, ("COPY " + table + " (" + columns + ") FROM STDIN").c_str());
  bool ready = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!ready) Throw(conn, "COPY");
  std::string buffer;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) buffer += '\t';
      if (row[i].is_int)
        buffer += std::to_string(row[i].number);
      else
        Escape(row[i].text, buffer);
    }
    buffer += '\n';
    if (buffer.size() > (1 << 20)) {
      if (PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
        Throw(conn, "COPY data");
      buffer.clear();
    }
  }
  if (!buffer.empty() && PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1)
    Throw(conn, "COPY data");
  if (PQputCopyEnd(conn, nullptr) != 1) Throw(conn, "COPY end");
  bool ok = true;
  std::string error;
  while (PGresult* r = PQgetResult(conn)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) ok = false, error = PQresultErrorMessage(r);
    PQclear(r);
  }
  if (!ok) throw Poco::Data::DataException("COPY " + table + ": " + error);
}

}  // namespace jixiao::store
