// Store: the aggregates a comparison of 10⁵ evaluations needs, computed by the database on
// indexed columns — the ranking with its indicator rows page by page, points lost per leaf,
// 一级 rates per group, totals per year — so the caller holds one page or one row per group.
#include <unordered_map>

#include "store/store_impl.h"

namespace jixiao::store {
namespace {

constexpr size_t kRankPage = 500;

const char* kIndicatorJoin =
    " FROM indicators i JOIN documents d ON d.id = i.doc_id AND d.version = i.version WHERE 1=1";

}  // namespace

bool Store::ForEachRanked(
    const DocumentFilter& f, int64_t level,
    const std::function<bool(const Document&, const std::vector<IndicatorResult>&)>& row,
    Diagnostics& diags) {
  DocumentFilter ranked = f;
  if (f.order != DocumentFilter::Order::kRateDesc) ranked.order = DocumentFilter::Order::kTotalDesc;
  std::vector<Document> page;
  bool stopped = false, failed = false;
  // One query for the indicator rows of a page of documents, then the page in ranking order.
  auto flush = [&]() {
    if (page.empty()) return;
    std::unordered_map<std::string, std::vector<IndicatorResult>> rows;
    try {
      Lock lock(impl_->mu);
      Args args;
      std::string in;
      std::unordered_map<std::string, int64_t> latest;  // id -> version shown
      for (const auto& d : page) {
        in += in.empty() ? "?" : ", ?";
        args.push_back(d.id);
        latest[d.id] = d.version;
      }
      if (level > 0) args.push_back(level);
      std::string which = level > 0   ? " AND i.level = ?"
                          : level < 0 ? " AND (i.level = 1 OR i.leaf = 1)"
                                      : "";
      // Typed column extraction (not RecordSet::value, which converts every cell through
      // Poco::Dynamic::Var: most of this pass's time under callgrind).
      std::vector<std::string> ids, codes, names;
      std::vector<Poco::Int64> versions, levels, weights, scores, leaves, parents;
      using Poco::Data::Keywords::into;
      using Poco::Data::Keywords::useRef;
      Poco::Data::Statement st(impl_->session);
      // No join with documents: the page knows each document's version, and PostgreSQL hashed
      // the whole documents table for the join once per page (220 ms a page at 10⁵).
      st << impl_->Sql(
          "SELECT i.doc_id, i.version, i.code, i.level, i.name, i.weight, i.score, i.leaf, "
          "i.parent FROM indicators i WHERE i.doc_id IN (" +
          in + ")" + which + " ORDER BY i.doc_id, i.version, i.seq"),
          into(ids), into(versions), into(codes), into(levels), into(names), into(weights),
          into(scores), into(leaves), into(parents);
      for (const auto& a : args) {
        if (a.is_int)
          st, useRef(a.number);
        else
          st, useRef(a.text);
      }
      st.execute();
      for (size_t k = 0; k < ids.size(); ++k)
        if (latest[ids[k]] == versions[k])
          rows[ids[k]].push_back(
              {codes[k], levels[k], names[k], weights[k], scores[k], leaves[k] != 0, parents[k]});
    } catch (const Poco::Exception& e) {
      impl_->Fail(diags, "store.read", "查询指标得分失败", e);
      failed = stopped = true;
      return;
    }
    static const std::vector<IndicatorResult> kNone;
    for (const auto& d : page) {
      auto it = rows.find(d.id);
      if (!row(d, it == rows.end() ? kNone : it->second)) {
        stopped = true;
        break;
      }
    }
    page.clear();
  };
  bool ok = true;
  {
    Lock lock(impl_->mu);
    try {  // the documents without their result JSON, which no ranking row shows
      ForEachDocument(*impl_, ranked, false, [&](const Document& d) {
        page.push_back(d);
        if (page.size() == kRankPage) flush();
        return !stopped;
      });
    } catch (const Poco::Exception& e) {
      impl_->Fail(diags, "store.read", "查询档案库失败", e);
      ok = false;
    }
  }
  if (ok && !stopped) flush();
  return ok && !failed;
}

std::optional<std::vector<Deduction>> Store::Deductions(const DocumentFilter& f,
                                                        Diagnostics& diags){JX_GUARDED(
    "store.read", "统计扣分失败", std::nullopt,
    {
      Args args;
      std::string where = Where(f, "d.", args);
      auto rs = impl_->Query(
          std::string("SELECT i.code, i.name, CAST(sum(i.weight - i.score) AS BIGINT), count(*)") +
              kIndicatorJoin + where +
              " AND i.leaf = 1 AND i.score < i.weight GROUP BY i.code, i.name "
              "ORDER BY 3 DESC, i.code{C}, i.name{C}",
          args);
      std::vector<Deduction> out;
      for (bool more = rs.moveFirst(); more; more = rs.moveNext())
        out.push_back({Text(rs, 0), Text(rs, 1), Int(rs, 2), Int(rs, 3)});
      return out;
    })}

std::optional<std::vector<GroupRate>> Store::RatesBy(const DocumentFilter& f,
                                                     const std::string& column, int64_t level,
                                                     Diagnostics& diags) {
  if (column != "region" && column != "year" && column != "town" && column != "department") {
    diags.Error("store.read", {impl_->location, 0, 0, column}, "不能按“" + column + "”分组统计");
    return std::nullopt;
  }
  JX_GUARDED("store.read", "分组统计得分率失败", std::nullopt, {
    Args args;
    std::string where = Where(f, "d.", args);
    // The level as a literal (an integer), so both planners may use the partial 一级 index.
    auto rs = impl_->Query(
        "SELECT d." + column +
            ", i.name, CAST(sum(i.score) AS BIGINT), CAST(sum(i.weight) AS BIGINT), count(*)" +
            kIndicatorJoin + where + " AND i.level = " + std::to_string(level) + " GROUP BY d." +
            column + ", i.name ORDER BY d." + column + "{C}, i.name{C}",
        args);
    std::vector<GroupRate> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Text(rs, 0), Text(rs, 1), Int(rs, 2), Int(rs, 3), Int(rs, 4)});
    return out;
  })
}

std::optional<std::vector<YearTotal>> Store::YearTotals(const DocumentFilter& f,
                                                        Diagnostics& diags) {
  JX_GUARDED("store.read", "按年度统计失败", std::nullopt, {
    Args args;
    std::string where = Where(f, "", args);
    auto rs =
        impl_->Query("SELECT year, count(*), CAST(sum(total) AS BIGINT) FROM documents WHERE 1=1" +
                         where + " GROUP BY year ORDER BY year{C}",
                     args);
    std::vector<YearTotal> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back({Text(rs, 0), Int(rs, 1), Int(rs, 2)});
    return out;
  })
}

}  // namespace jixiao::store
