// Internal to web/db*.cc: the store behind Db and the conversions its files share (a store
// failure thrown as the store's Chinese message; store rows as the handlers' Doc and Decision).
#pragma once

#include <memory>

#include "store/store.h"
#include "web/db.h"

namespace jixiao::web {

struct Db::Impl {
  std::unique_ptr<store::Store> store;
};

namespace db_detail {
void Check(const Diagnostics& diags);
Doc ToDoc(const store::Document& d);
Decision ToDecision(const store::ReviewDecision& r);
Version ToVersion(const store::Version& v);  // its time as pages show it, note and content unpacked
// Writes the framework id and full marks recorded in their scorecards to scored evaluations that
// lack them (saved by a serve before schema 8); the number filled (db_backfill.cc).
int64_t BackfillFrameworks(store::Store& s);
// The documents matching `f`, streamed from the store, last saved first (as Db::Docs); their
// scorecard JSON dropped unless `with_scorecard`.
std::vector<Doc> Collect(store::Store& s, const store::DocumentFilter& f, bool with_scorecard);
}  // namespace db_detail

}  // namespace jixiao::web
