// Store: streamed listings — documents in the filter's order (keyset pages), counts, grade
// counts and the 一级 matrix. Pages are read into typed column vectors: RecordSet converted every
// cell through Poco::Dynamic::Var, most of a 10⁵ listing's client time.
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <map>

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

namespace jixiao::store {
namespace {

// FROM … WHERE … of a list query (table documents as d), its arguments appended.
std::string ListFrom(const ListQuery& q, Args& args) {
  std::string sql = " FROM documents d";
  if (!q.review.empty())
    sql +=
        " LEFT JOIN reviews r ON r.id = (SELECT max(r2.id) FROM reviews r2 WHERE r2.doc_id = d.id)";
  if (q.prefixed >= 0) {
    // Characters, as substr counts them on both back ends (UTF-8 lead bytes).
    int64_t chars = 0;
    for (unsigned char c : q.payload_prefix) chars += (c & 0xC0) != 0x80;
    sql +=
        " JOIN versions v ON v.doc_id = d.id AND v.version = d.version AND (substr(v.payload, 1, "
        "?) " +
        std::string(q.prefixed ? "=" : "<>") + " ?)";
    args.push_back(chars);
    args.push_back(q.payload_prefix);
  }
  sql += " WHERE 1=1" + Where(q.filter, "d.", args);
  if (!q.kinds.empty()) {
    sql += " AND d.kind IN (";
    for (size_t k = 0; k < q.kinds.size(); ++k) {
      sql += k ? ", ?" : "?";
      args.push_back(q.kinds[k]);
    }
    sql += ")";
  }
  if (!q.ids.empty()) {
    sql += " AND d.id IN (";
    for (size_t k = 0; k < q.ids.size(); ++k) {
      sql += k ? ", ?" : "?";
      args.push_back(q.ids[k]);
    }
    sql += ")";
  }
  if (q.scored) sql += " AND d.grade <> ''";
  if (q.review == "pending") {
    sql += " AND (r.id IS NULL OR r.version <> d.version)";
  } else if (!q.review.empty()) {
    sql += " AND r.version = d.version AND r.decision " +
           std::string(q.review == "passed" ? "=" : "<>") + " ?";
    args.push_back("通过");
  }
  return sql;
}

}  // namespace

std::optional<std::vector<Document>> Store::ListPage(const ListQuery& q,
                                                     Diagnostics& diags){JX_GUARDED(
    "store.read", "查询档案库失败", std::nullopt,
    {
      Args args;
      std::string from = ListFrom(q, args);
      const std::string rate =
          "CAST(CASE WHEN d.total_weight > 0 THEN d.total ELSE 0 END AS DOUBLE PRECISION) / "
          "(CASE WHEN d.total_weight > 0 THEN d.total_weight ELSE 1 END)";
      std::string order;
      switch (q.order) {
        case ListQuery::Order::kRecent:
          order = "d.kind{C}, ";
          break;
        case ListQuery::Order::kTotal:
          order = "d.total DESC, ";
          break;
        case ListQuery::Order::kRate:
          order = rate + " DESC, ";
          break;
        case ListQuery::Order::kComputed:
          order = "d.computed_total DESC, ";
          break;
        case ListQuery::Order::kGap:
          order = "CASE WHEN d.claimed_total < 0 AND d.row_total < 0 THEN -1 ELSE d.gap END DESC, ";
          break;
      }
      args.push_back(q.limit > 0 ? q.limit : int64_t{50});
      args.push_back(q.offset > 0 ? q.offset : int64_t{0});
      // The page's ids first (read from an index where one covers the filter and order), then
      // those rows: sorting a region's rows with every column would read each row's scorecard.
      auto ids = impl_->Query("SELECT d.id" + from + " ORDER BY " + order +
                                  "d.updated_at{C} DESC, d.id LIMIT ? OFFSET ?",
                              args);
      std::vector<std::string> order_of;
      Args wanted;
      std::string in;
      for (bool more = ids.moveFirst(); more; more = ids.moveNext()) {
        order_of.push_back(Text(ids, 0));
        wanted.push_back(order_of.back());
        in += in.empty() ? "?" : ", ?";
      }
      std::vector<Document> out;
      if (order_of.empty()) return out;
      DocumentPage page;
      page.Read(*impl_,
                "SELECT d.id, d.kind, d.owner, d.unit, d.region, d.department, d.town, d.year, "
                "d.project, d.framework, d.framework_title, d.digest, d.total, d.total_weight, "
                "d.grade, d.claimed_total, d.computed_total, d.findings, '', d.version, d.author, "
                "d.created_at, d.updated_at, d.gap, d.row_total FROM documents d WHERE d.id IN (" +
                    in + ")",
                wanted);
      std::map<std::string, Document> by_id;
      for (size_t k = 0; k < page.size(); ++k) {
        Document d = page.At(k);
        std::string id = d.id;
        by_id.emplace(std::move(id), std::move(d));
      }
      for (const auto& id : order_of)
        if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
      return out;
    })}

std::optional<int64_t> Store::ListCount(const ListQuery& q, Diagnostics& diags){
    JX_GUARDED("store.read", "查询档案库失败", std::nullopt,
               {
                 Args args;
                 std::string from = ListFrom(q, args);
                 auto rs = impl_->Query("SELECT count(*)" + from, args);
                 return Int(rs, 0);
               })}

std::optional<std::vector<std::string>> Store::ListDistinct(const ListQuery& q,
                                                            const std::string& column,
                                                            Diagnostics& diags) {
  static const char* const kColumns[] = {"year", "department", "town", "grade", "framework"};
  const char* const* known = std::find(std::begin(kColumns), std::end(kColumns), column);
  if (known == std::end(kColumns)) {
    diags.Error("store.read", {impl_->location, 0, 0, column}, "不能按“" + column + "”列出取值");
    return std::nullopt;
  }
  JX_GUARDED("store.read", "查询档案库失败", std::nullopt, {
    Args args;
    std::string col = std::string("d.") + *known;
    std::string from = ListFrom(q, args);
    auto rs = impl_->Query(
        "SELECT DISTINCT " + col + "{C}" + from + " AND " + col + " <> '' ORDER BY 1", args);
    std::vector<std::string> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(Text(rs, 0));
    return out;
  })
}

std::optional<std::vector<std::pair<std::string, IndicatorResult>>> Store::LatestIndicators(
    const std::vector<std::string>& ids, int64_t level, Diagnostics& diags) {
  std::vector<std::pair<std::string, IndicatorResult>> out;
  if (ids.empty()) return out;
  JX_GUARDED("store.read", "查询指标得分失败", std::nullopt, {
    Args args;
    std::string in;
    for (const auto& id : ids) {
      in += in.empty() ? "?" : ", ?";
      args.push_back(id);
    }
    if (level) args.push_back(level);
    auto rs = impl_->Query(
        "SELECT i.doc_id, i.code, i.level, i.name, i.weight, i.score, i.leaf, i.parent "
        "FROM documents d JOIN indicators i ON i.doc_id = d.id AND i.version = d.version "
        "WHERE d.id IN (" +
            in + ")" + (level ? " AND i.level = ?" : "") + " ORDER BY i.doc_id, i.seq",
        args);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Text(rs, 0),
                     {Text(rs, 1), Int(rs, 2), Text(rs, 3), Int(rs, 4), Int(rs, 5), Int(rs, 6) != 0,
                      Int(rs, 7)}});
    return out;
  })
}

}  // namespace jixiao::store
