// Store: streamed listings — documents in the filter's order (keyset pages), counts, grade
// counts and the 一级 matrix. Pages are read into typed column vectors: RecordSet converted every
// cell through Poco::Dynamic::Var, most of a 10⁵ listing's client time.
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "store/store_impl.h"

namespace jixiao::store {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::useRef;
constexpr int64_t kPage = 1000;

// One page of documents, column by column.
struct DocumentPage {
  std::vector<std::string> id, kind, owner, unit, region, department, town, year, project,
      framework, framework_title, digest, grade, result, author, created_at, updated_at;
  std::vector<Poco::Int64> total, total_weight, claimed, computed, findings, version, gap,
      row_total;

  // Runs `sql` (its columns in ReadPage's order) with `args` into the vectors.
  void Read(Store::Impl& db, const std::string& sql, const Args& args) {
    Poco::Data::Statement st(db.session);
    st << db.Sql(sql);
    for (auto* v : {&id, &kind, &owner, &unit, &region, &department, &town, &year, &project,
                    &framework, &framework_title, &digest})
      st, into(*v);
    st, into(total), into(total_weight), into(grade), into(claimed), into(computed), into(findings),
        into(result), into(version), into(author), into(created_at), into(updated_at), into(gap),
        into(row_total);
    for (const auto& a : args) {
      if (a.is_int)
        st, useRef(a.number);
      else
        st, useRef(a.text);
    }
    st.execute();
  }
  size_t size() const { return id.size(); }
  Document At(size_t k) {  // moves the row's text out
    Document d;
    d.id = std::move(id[k]);
    DocumentFields& f = d.fields;
    std::tie(f.kind, f.owner, f.unit, f.region, f.department, f.town, f.year) = std::make_tuple(
        std::move(kind[k]), std::move(owner[k]), std::move(unit[k]), std::move(region[k]),
        std::move(department[k]), std::move(town[k]), std::move(year[k]));
    std::tie(f.project, f.framework, f.framework_title, f.digest, f.result_json) =
        std::make_tuple(std::move(project[k]), std::move(framework[k]),
                        std::move(framework_title[k]), std::move(digest[k]), std::move(result[k]));
    f.results = {total[k],    total_weight[k], std::move(grade[k]), claimed[k],
                 computed[k], findings[k],     row_total[k]};
    d.version = version[k];
    std::tie(d.author, d.created_at, d.updated_at) =
        std::make_tuple(std::move(author[k]), std::move(created_at[k]), std::move(updated_at[k]));
    return d;
  }
};

}  // namespace

void ForEachDocument(Store::Impl& db, const DocumentFilter& f, bool with_result,
                     const std::function<bool(const Document&)>& row) {
  Args base;
  std::string where = Where(f, "", base);
  const char* key = f.order == DocumentFilter::Order::kTotalDesc ? "total"
                    : f.order == DocumentFilter::Order::kGapDesc ? "gap"
                                                                 : nullptr;
  const bool by_rate = f.order == DocumentFilter::Order::kRateDesc;
  // The rate as total ÷ full marks (0 without full marks): ordered as a double — a correctly
  // rounded quotient, so equal fractions tie and these small-denominator ones never collide —
  // and paged by exact integer cross-multiplication.
  const std::string rate_total = "(CASE WHEN total_weight > 0 THEN total ELSE 0 END)",
                    rate_weight = "(CASE WHEN total_weight > 0 THEN total_weight ELSE 1 END)";
  std::string order =
      key       ? std::string(key) + " DESC, id"
      : by_rate ? "CAST(" + rate_total + " AS DOUBLE PRECISION) / " + rate_weight + " DESC, id"
                : "id";
  std::string columns =
      "SELECT id, kind, owner, unit, region, department, town, year, project, framework, "
      "framework_title, digest, total, total_weight, grade, claimed_total, computed_total, "
      "findings, " +
      std::string(with_result ? "result" : "''") +
      ", version, author, created_at, updated_at, gap, row_total FROM documents WHERE 1=1";
  int64_t emitted = 0, offset = f.offset;
  std::string last_id;
  int64_t last_key = 0, last_weight = 1;
  for (bool first = true;; first = false) {
    Args args = base;
    std::string after;
    if (!first) {
      if (by_rate) {
        after = " AND (" + rate_total + " * ? < ? * " + rate_weight + " OR (" + rate_total +
                " * ? = ? * " + rate_weight + " AND id > ?))";
        args.insert(args.end(), {last_weight, last_key, last_weight, last_key, last_id});
      } else if (key) {
        // A range of the (kind, key DESC, id) index read in order (the former OR of the two
        // cases made SQLite sort every row below the key, per page).
        after = std::string(" AND ") + key + " <= ? AND (" + key + " < ? OR id > ?)";
        args.insert(args.end(), {last_key, last_key, last_id});
      } else {
        after = " AND id > ?";
        args.push_back(last_id);
      }
    }
    int64_t want = f.limit > 0 ? std::min(kPage, f.limit - emitted) : kPage;
    if (want <= 0) return;
    args.push_back(want);
    args.push_back(first ? offset : int64_t{0});
    DocumentPage page;
    page.Read(db, columns + where + after + " ORDER BY " + order + " LIMIT ? OFFSET ?", args);
    size_t n = page.size();
    for (size_t k = 0; k < n; ++k) {
      last_key = !key ? 0 : key[0] == 't' ? page.total[k] : page.gap[k];
      if (by_rate) {
        bool marks = page.total_weight[k] > 0;
        last_key = marks ? page.total[k] : 0;
        last_weight = marks ? page.total_weight[k] : 1;
      }
      Document d = page.At(k);
      last_id = d.id;
      ++emitted;
      if (!row(d)) return;
    }
    if (static_cast<int64_t>(n) < want) return;
  }
}

bool Store::ForEach(const DocumentFilter& f, const std::function<bool(const Document&)>& row,
                    Diagnostics& diags){JX_GUARDED("store.read", "查询档案库失败", false,
                                                   {
                                                     ForEachDocument(*impl_, f, true, row);
                                                     return true;
                                                   })}

std::optional<int64_t> Store::Count(const DocumentFilter& f, Diagnostics& diags){
    JX_GUARDED("store.read", "查询档案库失败", std::nullopt,
               {
                 Args args;
                 std::string where = Where(f, "", args);
                 auto rs = impl_->Query("SELECT count(*) FROM documents WHERE 1=1" + where, args);
                 return Int(rs, 0);
               })}

std::vector<GradeCount> Store::GradeCounts(const DocumentFilter& f, Diagnostics& diags) {
  std::vector<GradeCount> out;
  JX_GUARDED("store.read", "统计等级失败", out, {
    Args args;
    std::string where = Where(f, "", args);
    auto rs = impl_->Query("SELECT framework, grade, count(*) FROM documents WHERE 1=1" + where +
                               " GROUP BY framework, grade ORDER BY framework{C}, grade{C}",
                           args);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Text(rs, 0), Text(rs, 1), Int(rs, 2)});
    return out;
  })
}

bool Store::ForEachIndicator(
    const DocumentFilter& f, int64_t level,
    const std::function<bool(const std::string&, const IndicatorResult&)>& row,
    Diagnostics& diags) {
  JX_GUARDED("store.read", "查询指标得分失败", false, {
    // A page of matching documents (a range of the (kind, id) index), then their indicator rows
    // (a range of the indicators primary key): both bounded whatever the planner's statistics.
    Args base;
    std::string where = Where(f, "", base);
    std::string last_id;
    for (bool first = true;; first = false) {
      Args args = base;
      if (!first) args.push_back(last_id);
      args.push_back(int64_t{500});
      auto docs = impl_->Query("SELECT id FROM documents WHERE 1=1" + where +
                                   (first ? "" : " AND id > ?") + " ORDER BY id LIMIT ?",
                               args);
      size_t n = docs.rowCount();
      if (n == 0) return true;
      docs.moveFirst();
      std::string low = Text(docs, 0);
      docs.moveLast();
      std::string high = Text(docs, 0);
      Args range = {low, high};
      Args filter;
      std::string on_d = Where(f, "d.", filter);
      range.insert(range.end(), filter.begin(), filter.end());
      if (level) range.push_back(level);
      auto rs = impl_->Query(
          "SELECT i.doc_id, i.seq, i.code, i.level, i.name, i.weight, i.score, i.leaf, i.parent "
          "FROM indicators i JOIN documents d ON d.id = i.doc_id AND d.version = i.version "
          "WHERE i.doc_id >= ? AND i.doc_id <= ?" +
              on_d + (level ? " AND i.level = ?" : "") + " ORDER BY i.doc_id, i.version, i.seq",
          range);
      for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
        if (!row(Text(rs, 0), {Text(rs, 2), Int(rs, 3), Text(rs, 4), Int(rs, 5), Int(rs, 6),
                               Int(rs, 7) != 0, Int(rs, 8)}))
          return true;
      }
      last_id = high;
      if (n < 500) return true;
    }
  })
}

}  // namespace jixiao::store
