// Store: documents (evaluations and self-evaluations) with versions and optimistic concurrency,
// per-indicator results, and the aggregate queries (ranking, gap list, grade counts, the 一级
// matrix), streamed page by page (keyset paging) so no caller holds all rows.
#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>

#include "store/store_impl.h"

namespace jixiao::store {

int64_t Results::RankGap() const {
  if (OverFull()) return kOverFull;  // not a 复核分: listed apart, after every gap
  if (claimed_total < 0 && row_total < 0) return -1;  // nothing to compare: last
  if (claimed_total < 0 && row_total >= 0) return std::llabs(row_total - computed_total);
  return std::llabs(Gap());
}

namespace {

const char* kFieldColumns =
    "kind, owner, unit, region, department, town, year, project, framework, framework_title, "
    "digest, total, total_weight, grade, claimed_total, computed_total, gap, findings, result, "
    "row_total";
constexpr size_t kFieldCount = 20;

Args FieldArgs(const DocumentFields& f) {
  const Results& r = f.results;
  return {f.kind,           f.owner,     f.unit,         f.region,      f.department,
          f.town,           f.year,      f.project,      f.framework,   f.framework_title,
          f.digest,         r.total,     r.total_weight, r.grade,       r.claimed_total,
          r.computed_total, r.RankGap(), r.findings,     f.result_json, r.row_total};
}

// Reads kFieldCount columns starting at `col`.
DocumentFields ReadFields(Poco::Data::RecordSet& rs, size_t col) {
  DocumentFields f;
  std::string* text[] = {&f.kind,  &f.owner, &f.unit,    &f.region,    &f.department,
                         &f.town,  &f.year,  &f.project, &f.framework, &f.framework_title,
                         &f.digest};
  for (auto* t : text) *t = Text(rs, col++);
  f.results.total = Int(rs, col++);
  f.results.total_weight = Int(rs, col++);
  f.results.grade = Text(rs, col++);
  f.results.claimed_total = Int(rs, col++);
  f.results.computed_total = Int(rs, col++);
  col++;  // gap (derived)
  f.results.findings = Int(rs, col++);
  f.result_json = Text(rs, col++);
  f.results.row_total = Int(rs, col++);
  return f;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

Args Concat(Args a, const Args& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The filter's WHERE conditions (each starting with " AND") on table alias `t`.
}  // namespace

std::string Where(const DocumentFilter& f, const std::string& t, Args& args) {
  std::string sql;
  auto add = [&](const std::string& v, const char* column) {
    if (v.empty()) return;
    sql += " AND " + t + column + " = ?";
    args.push_back(v);
  };
  add(f.kind, "kind");
  if (!f.owner.empty()) {  // its owner's, and those shared with it (schema 12)
    sql += " AND (" + t + "owner = ? OR " + t +
           "id IN (SELECT m.doc_id FROM doc_members m WHERE m.member = ?))";
    args.push_back(f.owner);
    args.push_back(f.owner);
  }
  add(f.unit, "unit");
  add(f.year, "year");
  add(f.region, "region");
  add(f.department, "department");
  add(f.town, "town");
  add(f.framework, "framework");
  add(f.grade, "grade");
  return sql;
}

namespace {

std::optional<Conflict> CurrentAsConflict(Store::Impl& db, const std::string& id) {
  auto rs = db.Query("SELECT version, author, updated_at FROM documents WHERE id = ?", {id});
  if (!rs.rowCount()) return std::nullopt;
  return Conflict{Int(rs, 0), Text(rs, 1), Text(rs, 2)};
}

struct IndicatorRow {
  const std::string* id;
  int64_t version, seq;
  const IndicatorResult* r;
};

// Indicator rows in multi-row INSERTs (100 rows, 1,000 arguments each).
void InsertIndicatorRows(Store::Impl& db, const std::vector<IndicatorRow>& rows) {
  if (db.pg && rows.size() > 100) {  // bulk: COPY
    std::vector<Args> values;
    values.reserve(rows.size());
    for (const auto& r : rows)
      values.push_back({*r.id, r.version, r.seq, r.r->code, r.r->level, r.r->name, r.r->weight,
                        r.r->score, int64_t{r.r->leaf ? 1 : 0}, r.r->parent});
    CopyRows(db, "indicators",
             "doc_id, version, seq, code, level, name, weight, score, leaf, parent", values);
    return;
  }
  // Bulk on SQLite: one prepared single-row INSERT run per row (parsing the multi-row INSERTs
  // below anew each call was 35% of a 2,000-evaluation load under callgrind).
  if (!db.pg && rows.size() > 100) {
    size_t n = rows.size();
    std::vector<std::string> ids(n), codes(n), names(n);
    std::vector<Poco::Int64> versions(n), seqs(n), levels(n), weights(n), scores(n), leaves(n),
        parents(n);
    for (size_t k = 0; k < n; ++k) {
      const IndicatorResult& i = *rows[k].r;
      std::tie(ids[k], versions[k], seqs[k], codes[k], levels[k]) =
          std::make_tuple(*rows[k].id, rows[k].version, rows[k].seq, i.code, i.level);
      std::tie(names[k], weights[k], scores[k], leaves[k], parents[k]) =
          std::make_tuple(i.name, i.weight, i.score, int64_t{i.leaf ? 1 : 0}, i.parent);
    }
    using Poco::Data::Keywords::use;
    Poco::Data::Statement st(db.session);
    st << "INSERT INTO indicators (doc_id, version, seq, code, level, name, weight, score, leaf, "
          "parent) VALUES (?,?,?,?,?,?,?,?,?,?)",
        use(ids), use(versions), use(seqs), use(codes), use(levels), use(names), use(weights),
        use(scores), use(leaves), use(parents);
    st.execute();
    return;
  }
  for (size_t start = 0; start < rows.size(); start += 100) {
    std::string sql =
        "INSERT INTO indicators (doc_id, version, seq, code, level, name, weight, score, leaf, "
        "parent) VALUES ";
    Args args;
    for (size_t k = start; k < rows.size() && k < start + 100; ++k) {
      const IndicatorResult& i = *rows[k].r;
      sql += k > start ? ",(?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?)";
      args.insert(args.end(), {*rows[k].id, rows[k].version, rows[k].seq, i.code, i.level, i.name,
                               i.weight, i.score, int64_t{i.leaf ? 1 : 0}, i.parent});
    }
    db.Exec(sql, args);
  }
}

void InsertIndicators(Store::Impl& db, const std::string& id, int64_t version,
                      const std::vector<IndicatorResult>& indicators) {
  std::vector<IndicatorRow> rows;
  for (size_t k = 0; k < indicators.size(); ++k)
    rows.push_back({&id, version, static_cast<int64_t>(k), &indicators[k]});
  InsertIndicatorRows(db, rows);
}

}  // namespace

std::optional<SaveOutcome> Store::Save(const std::string& id, int64_t expected_version,
                                       const DocumentFields& fields, const std::string& payload,
                                       const std::string& author, Diagnostics& diags){JX_GUARDED(
    "store.write", "保存“" + id + "”失败", std::nullopt,
    {
      std::string now = UtcNow();
      impl_->Begin();
      size_t changed;
      if (expected_version == 0) {
        changed =
            impl_->Exec(std::string("INSERT INTO documents (id, ") + kFieldColumns +
                            ", version, author, created_at, updated_at) VALUES (?," +
                            Placeholders(kFieldCount) + ",1,?,?,?) ON CONFLICT (id) DO NOTHING",
                        Concat(Concat({id}, FieldArgs(fields)), {author, now, now}));
      } else {
        std::string set;
        for (std::string cols = kFieldColumns; !cols.empty();) {
          size_t comma = cols.find(", ");
          set += cols.substr(0, comma) + " = ?, ";
          cols = comma == std::string::npos ? "" : cols.substr(comma + 2);
        }
        changed = impl_->Exec("UPDATE documents SET " + set +
                                  "version = version + 1, author = ?, updated_at = ? WHERE id = ? "
                                  "AND version = ?",
                              Concat(FieldArgs(fields), {author, now, id, expected_version}));
      }
      if (changed == 0) {
        auto current = CurrentAsConflict(*impl_, id);
        impl_->Rollback();
        if (!current) {
          diags.Error("store.missing", {impl_->location, 0, 0, id},
                      "档案库中没有“" + id + "”，无法保存其第" +
                          std::to_string(expected_version + 1) + "版");
          return std::nullopt;
        }
        return SaveOutcome{0, current};
      }
      int64_t version = expected_version + 1;
      impl_->Exec(std::string("INSERT INTO versions (doc_id, version, ") + kFieldColumns +
                      ", author, saved_at, payload) VALUES (?,?," + Placeholders(kFieldCount) +
                      ",?,?,?)",
                  Concat(Concat({id, version}, FieldArgs(fields)), {author, now, payload}));
      InsertIndicators(*impl_, id, version, fields.indicators);
      impl_->Commit();
      return SaveOutcome{version, std::nullopt};
    })}

std::optional<std::vector<std::string>> Store::CreateMany(const std::vector<NewDocument>& docs,
                                                          const std::string& author,
                                                          Diagnostics& diags) {
  std::vector<std::string> existing;
  JX_GUARDED("store.write", "批量写入失败", std::nullopt, {
    std::string now = UtcNow();
    impl_->Begin();
    constexpr size_t kChunk = 40;  // documents per statement (24 arguments each)
    for (size_t start = 0; start < docs.size(); start += kChunk) {
      size_t end = std::min(docs.size(), start + kChunk);
      std::string sql = std::string("INSERT INTO documents (id, ") + kFieldColumns +
                        ", version, author, created_at, updated_at) VALUES ";
      Args args;
      for (size_t k = start; k < end; ++k) {
        sql += std::string(k > start ? "," : "") + "(?," + Placeholders(kFieldCount) + ",1,?,?,?)";
        args.push_back(docs[k].id);
        auto f = FieldArgs(docs[k].fields);
        args.insert(args.end(), f.begin(), f.end());
        args.insert(args.end(), {author, now, now});
      }
      auto rs = impl_->Query(sql + " ON CONFLICT (id) DO NOTHING RETURNING id", args);
      std::set<std::string> inserted;
      for (bool more = rs.moveFirst(); more; more = rs.moveNext()) inserted.insert(Text(rs, 0));
      std::string versions = std::string("INSERT INTO versions (doc_id, version, ") +
                             kFieldColumns + ", author, saved_at, payload) VALUES ";
      Args vargs;
      std::vector<IndicatorRow> rows;
      for (size_t k = start; k < end; ++k) {
        if (!inserted.count(docs[k].id)) {
          existing.push_back(docs[k].id);
          continue;
        }
        versions +=
            std::string(vargs.empty() ? "" : ",") + "(?,1," + Placeholders(kFieldCount) + ",?,?,?)";
        vargs.push_back(docs[k].id);
        auto f = FieldArgs(docs[k].fields);
        vargs.insert(vargs.end(), f.begin(), f.end());
        vargs.insert(vargs.end(), {author, now, docs[k].payload});
      }
      if (impl_->pg && !vargs.empty()) {  // bulk: COPY the same values
        constexpr size_t kWidth = kFieldCount + 5;
        std::vector<Args> values;
        for (size_t k = 0; k < vargs.size(); k += kWidth - 1) {
          Args row{vargs[k], int64_t{1}};
          row.insert(row.end(), vargs.begin() + static_cast<long>(k) + 1,
                     vargs.begin() + static_cast<long>(k + kWidth - 1));
          values.push_back(std::move(row));
        }
        CopyRows(*impl_, "versions",
                 std::string("doc_id, version, ") + kFieldColumns + ", author, saved_at, payload",
                 values);
      } else if (!vargs.empty()) {
        impl_->Exec(versions, vargs);
      }
      for (size_t k = start; k < end; ++k)
        if (inserted.count(docs[k].id))
          for (size_t i = 0; i < docs[k].fields.indicators.size(); ++i)
            rows.push_back(
                {&docs[k].id, 1, static_cast<int64_t>(i), &docs[k].fields.indicators[i]});
      InsertIndicatorRows(*impl_, rows);
    }
    impl_->Commit();
    return existing;
  })
}

std::optional<SaveOutcome> Store::Restore(const std::string& id, int64_t old_version,
                                          int64_t expected_version, const std::string& author,
                                          Diagnostics& diags) {
  Lock lock(impl_->mu);
  auto old = GetVersion(id, old_version, diags);
  if (!old) {
    if (!diags.HasErrors())
      diags.Error("store.missing", {impl_->location, 0, 0, id},
                  "“" + id + "”没有第" + std::to_string(old_version) + "版，无法恢复");
    return std::nullopt;
  }
  return Save(id, expected_version, old->fields, old->payload, author, diags);
}

std::optional<Document> Store::Get(const std::string& id, Diagnostics& diags){
    JX_GUARDED("store.read", "读取“" + id + "”失败", std::nullopt,
               {
                 auto rs = impl_->Query(
                     std::string("SELECT id, ") + kFieldColumns +
                         ", version, author, created_at, updated_at FROM documents WHERE "
                         "id = ?",
                     {id});
                 if (!rs.rowCount()) return std::nullopt;
                 Document d{Text(rs, 0),  ReadFields(rs, 1), Int(rs, 21),
                            Text(rs, 22), Text(rs, 23),      Text(rs, 24)};
                 return d;
               })}

std::vector<VersionInfo> Store::ListVersions(const std::string& id, Diagnostics& diags) {
  std::vector<VersionInfo> out;
  JX_GUARDED("store.read", "读取“" + id + "”的版本失败", out, {
    auto rs = impl_->Query(
        "SELECT version, author, saved_at FROM versions WHERE doc_id = ? ORDER BY version", {id});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Int(rs, 0), Text(rs, 1), Text(rs, 2)});
    return out;
  })
}

std::optional<Version> Store::GetVersion(const std::string& id, int64_t version,
                                         Diagnostics& diags){JX_GUARDED(
    "store.read", "读取“" + id + "”的版本失败", std::nullopt,
    {
      auto rs = impl_->Query(std::string("SELECT version, author, saved_at, payload, ") +
                                 kFieldColumns + " FROM versions WHERE doc_id = ? AND version = ?",
                             {id, version});
      if (!rs.rowCount()) return std::nullopt;
      Version v{{Int(rs, 0), Text(rs, 1), Text(rs, 2)}, ReadFields(rs, 4), Text(rs, 3)};
      auto ind = impl_->Query(
          "SELECT code, level, name, weight, score, leaf, parent FROM indicators WHERE doc_id = ? "
          "AND "
          "version = ? ORDER BY seq",
          {id, version});
      for (bool more = ind.moveFirst(); more; more = ind.moveNext())
        v.fields.indicators.push_back({Text(ind, 0), Int(ind, 1), Text(ind, 2), Int(ind, 3),
                                       Int(ind, 4), Int(ind, 5) != 0, Int(ind, 6)});
      return v;
    })}

std::vector<IndicatorResult> Store::Indicators(const std::string& id, Diagnostics& diags) {
  std::vector<IndicatorResult> out;
  JX_GUARDED("store.read", "读取“" + id + "”的指标得分失败", out, {
    auto rs = impl_->Query(
        "SELECT i.code, i.level, i.name, i.weight, i.score, i.leaf, i.parent FROM documents d "
        "JOIN indicators i "
        "ON i.doc_id = d.id AND i.version = d.version WHERE d.id = ? ORDER BY i.seq",
        {id});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Text(rs, 0), Int(rs, 1), Text(rs, 2), Int(rs, 3), Int(rs, 4), Int(rs, 5) != 0,
                     Int(rs, 6)});
    return out;
  })
}

std::vector<std::string> Store::IdsMissingIndicators(const std::string& kind, int64_t limit,
                                                     Diagnostics& diags) {
  std::vector<std::string> out;
  JX_GUARDED("store.read", "查询档案库失败", out, {
    auto rs = impl_->Query(
        "SELECT d.id FROM documents d WHERE d.kind = ? AND d.total_weight = 0 AND NOT EXISTS "
        "(SELECT 1 FROM indicators i WHERE i.doc_id = d.id AND i.version = d.version) ORDER BY "
        "d.id LIMIT ?",
        {kind, limit});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(Text(rs, 0));
    return out;
  })
}

bool Store::SetIndicators(const std::string& id, int64_t version, int64_t total_weight,
                          const std::vector<IndicatorResult>& indicators,
                          Diagnostics& diags){JX_GUARDED(
    "store.write", "补写“" + id + "”的指标得分失败", false,
    {
      impl_->Begin();
      impl_->Exec("DELETE FROM indicators WHERE doc_id = ? AND version = ?", {id, version});
      InsertIndicators(*impl_, id, version, indicators);
      impl_->Exec("UPDATE versions SET total_weight = ? WHERE doc_id = ? AND version = ?",
                  {total_weight, id, version});
      impl_->Exec("UPDATE documents SET total_weight = ? WHERE id = ? AND version = ?",
                  {total_weight, id, version});
      impl_->Commit();
      return true;
    })}

std::vector<std::string> Store::IdsMissingFramework(const std::string& kind, Diagnostics& diags) {
  std::vector<std::string> out;
  JX_GUARDED("store.read", "查询档案库失败", out, {
    auto rs = impl_->Query(
        "SELECT id FROM documents WHERE kind = ? AND framework = '' AND grade <> ''", {kind});
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) out.push_back(Text(rs, 0));
    return out;
  })
}

bool Store::SetFramework(const std::string& id, int64_t version, const std::string& framework,
                         int64_t total_weight, Diagnostics& diags) {
  JX_GUARDED("store.write", "补写“" + id + "”的指标体系失败", false, {
    impl_->Begin();
    const std::string set =
        " SET framework = ?, total_weight = CASE WHEN total_weight = 0 THEN ? ELSE total_weight "
        "END WHERE ";
    impl_->Exec("UPDATE versions" + set + "doc_id = ? AND version = ?",
                {framework, total_weight, id, version});
    impl_->Exec("UPDATE documents" + set + "id = ? AND version = ?",
                {framework, total_weight, id, version});
    impl_->Commit();
    return true;
  })
}

bool Store::Remove(const std::string& id, Diagnostics& diags) {
  JX_GUARDED("store.write", "删除“" + id + "”失败", false, {
    impl_->Begin();
    impl_->Exec("DELETE FROM indicators WHERE doc_id = ?", {id});
    impl_->Exec("DELETE FROM versions WHERE doc_id = ?", {id});
    impl_->Exec("DELETE FROM reviews WHERE doc_id = ?", {id});
    size_t n = impl_->Exec("DELETE FROM documents WHERE id = ?", {id});
    impl_->Commit();
    return n > 0;
  })
}

}  // namespace jixiao::store
