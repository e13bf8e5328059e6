// Db's list pages (db.h: DocsPage, CountDocs, DistinctValues, MatchingDocs, LatestCategories,
// LatestDecisionsOf): what a list asks, handed to the store's SQL (store/listing.cc).
#include <algorithm>

#include "store/store.h"
#include "web/db.h"
#include "web/db_impl.h"

namespace jixiao::web {

using namespace db_detail;

namespace {
store::ListQuery ToQuery(const Db::ListFilter& l) {
  store::ListQuery q;
  q.kinds = l.kinds;
  q.ids = l.ids;
  q.filter.region = l.region, q.filter.year = l.year, q.filter.department = l.department;
  q.filter.town = l.town, q.filter.grade = l.grade;
  if (l.owner) q.filter.owner = std::to_string(l.owner);
  q.scored = l.scored, q.unmarked = l.unmarked;
  q.order = static_cast<store::ListQuery::Order>(static_cast<int>(l.order));
  q.review = l.review;
  q.prefixed = l.submitted;
  q.payload_prefix = std::string(kSubmitNote) + "\n";  // Pack(note, content)
  return q;
}
}  // namespace

std::vector<Doc> db_detail::Collect(store::Store& s, const store::DocumentFilter& f,
                                    bool with_scorecard) {
  Diagnostics diags;
  std::vector<Doc> out;
  s.ForEach(
      f,
      [&](const store::Document& d) {
        out.push_back(ToDoc(d));
        if (!with_scorecard) out.back().scorecard_json.clear();
        return true;
      },
      diags);
  Check(diags);
  std::stable_sort(out.begin(), out.end(),
                   [](const Doc& a, const Doc& b) { return a.updated_at > b.updated_at; });
  return out;
}

std::vector<Doc> Db::DocsPage(const ListFilter& f, int64_t limit, int64_t offset) {
  Diagnostics diags;
  store::ListQuery q = ToQuery(f);
  q.limit = limit, q.offset = offset;
  auto page = impl_->store->ListPage(q, diags);
  Check(diags);
  std::vector<Doc> out;
  if (page)
    for (const auto& d : *page) out.push_back(ToDoc(d));
  return out;
}

std::vector<Doc> Db::MatchingDocs(const ListFilter& f) {
  if (f.kinds.empty()) return {};
  store::DocumentFilter q;
  q.kind = f.kinds.front();
  q.region = f.region, q.year = f.year, q.department = f.department, q.town = f.town;
  q.grade = f.grade;
  if (f.owner) q.owner = std::to_string(f.owner);
  return Collect(*impl_->store, q, false);
}

int64_t Db::CountDocs(const ListFilter& f) {
  Diagnostics diags;
  auto n = impl_->store->ListCount(ToQuery(f), diags);
  Check(diags);
  return n ? *n : 0;
}

std::vector<std::string> Db::DistinctValues(const ListFilter& f, const std::string& column) {
  Diagnostics diags;
  auto values = impl_->store->ListDistinct(ToQuery(f), column, diags);
  Check(diags);
  return values ? *values : std::vector<std::string>{};
}

std::map<std::string, std::vector<std::string>> Db::DistinctValuesOf(
    const ListFilter& f, const std::vector<std::string>& columns) {
  Diagnostics diags;
  auto values = impl_->store->ListDistincts(ToQuery(f), columns, diags);
  Check(diags);
  std::map<std::string, std::vector<std::string>> out;
  for (size_t k = 0; values && k < columns.size(); ++k) out[columns[k]] = (*values)[k];
  return out;
}

std::map<std::string, std::vector<Db::Category>> Db::LatestCategories(
    const std::vector<std::string>& ids) {
  Diagnostics diags;
  auto rows = impl_->store->LatestIndicators(ids, 1, diags);
  Check(diags);
  std::map<std::string, std::vector<Category>> out;
  if (rows)
    for (const auto& [id, i] : *rows) out[id].push_back({i.code, i.name, i.weight, i.score});
  return out;
}

std::vector<Db::CategoryTotal> Db::CategoryTotals(const ListFilter& l) {
  Diagnostics diags;
  store::DocumentFilter f;
  f.kind = "evaluation", f.region = l.region, f.year = l.year, f.department = l.department;
  f.town = l.town, f.grade = l.grade;
  if (l.owner) f.owner = std::to_string(l.owner);
  auto rows = impl_->store->RatesBy(f, "region", 1, diags);  // the filter's region: one group
  Check(diags);
  std::vector<CategoryTotal> out;
  if (rows)
    for (const auto& r : *rows) {
      auto at =
          std::find_if(out.begin(), out.end(), [&](const auto& c) { return c.name == r.name; });
      if (at == out.end()) at = out.insert(out.end(), CategoryTotal{r.name, 0, 0, 0});
      at->score += r.score, at->weight += r.weight, at->documents += r.documents;
    }
  return out;
}

std::map<std::string, Version> Db::LatestVersionsOf(const std::vector<std::string>& ids) {
  Diagnostics diags;
  std::map<std::string, Version> out;
  for (const auto& [id, v] : impl_->store->LatestVersionsOf(ids, diags)) out[id] = ToVersion(v);
  Check(diags);
  return out;
}

std::map<std::string, Decision> Db::LatestDecisionsOf(const std::vector<std::string>& ids) {
  Diagnostics diags;
  std::map<std::string, Decision> out;
  for (const auto& r : impl_->store->LatestDecisionsOf(ids, diags)) out[r.doc_id] = ToDecision(r);
  Check(diags);
  return out;
}

bool Db::AddMember(const std::string& doc_id, int64_t user, const std::string& by) {
  Diagnostics diags;
  bool added = impl_->store->AddMember(doc_id, user, by, diags);
  Check(diags);
  return added;
}

bool Db::RemoveMember(const std::string& doc_id, int64_t user) {
  Diagnostics diags;
  bool removed = impl_->store->RemoveMember(doc_id, user, diags);
  Check(diags);
  return removed;
}

std::vector<int64_t> Db::Members(const std::string& doc_id) {
  Diagnostics diags;
  auto members = impl_->store->Members(doc_id, diags);
  Check(diags);
  return members;
}

}  // namespace jixiao::web
