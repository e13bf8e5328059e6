// Store: the bureau's 复核 decisions (table reviews, schema 7), append-only. A decision names the
// version it was made on and is written only while that version is the document's latest, in one
// statement (INSERT … SELECT … WHERE the version matches), so a save racing it from another
// process either lands before (the decision is refused as stale) or after (the form is 待复核).
#include "store/store_impl.h"

namespace jixiao::store {
namespace {

constexpr char kColumns[] = "id, doc_id, version, decision, opinion, reviewer, decided_at";

std::vector<ReviewDecision> ReadDecisions(Poco::Data::RecordSet rs) {
  std::vector<ReviewDecision> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.push_back(
        {Int(rs, 0), Text(rs, 1), Int(rs, 2), Text(rs, 3), Text(rs, 4), Text(rs, 5), Text(rs, 6)});
  return out;
}

}  // namespace

std::optional<DecideOutcome> Store::Decide(const ReviewDecision& d, Diagnostics& diags){JX_GUARDED(
    "store.write", "记录“" + d.doc_id + "”的复核结论失败", std::nullopt,
    {
      impl_->Begin();
      size_t changed = impl_->Exec(
          "INSERT INTO reviews (doc_id, version, decision, opinion, reviewer, decided_at) "
          "SELECT id, version, ?, ?, ?, ? FROM documents WHERE id = ? AND version = ?",
          {d.decision, d.opinion, d.reviewer, d.decided_at.empty() ? UtcNow() : d.decided_at,
           d.doc_id, d.version});
      if (changed == 0) {
        auto rs = impl_->Query("SELECT version, author, updated_at FROM documents WHERE id = ?",
                               {d.doc_id});
        impl_->Rollback();
        if (!rs.rowCount()) {
          diags.Error("store.missing", {impl_->location, 0, 0, d.doc_id},
                      "档案库中没有“" + d.doc_id + "”，无法记录复核结论");
          return std::nullopt;
        }
        return DecideOutcome{0, Conflict{Int(rs, 0), Text(rs, 1), Text(rs, 2)}};
      }
      auto id = impl_->Query("SELECT MAX(id) FROM reviews WHERE doc_id = ?", {d.doc_id});
      impl_->Commit();
      return DecideOutcome{Int(id, 0), std::nullopt};
    })}

std::vector<ReviewDecision> Store::Decisions(const std::string& doc_id, Diagnostics& diags) {
  std::vector<ReviewDecision> out;
  JX_GUARDED("store.read", "读取“" + doc_id + "”的复核结论失败", out, {
    return ReadDecisions(impl_->Query(
        std::string("SELECT ") + kColumns + " FROM reviews WHERE doc_id = ? ORDER BY id",
        {doc_id}));
  })
}

std::vector<ReviewDecision> Store::LatestDecisions(const std::string& kind,
                                                   const std::string& region, Diagnostics& diags) {
  std::vector<ReviewDecision> out;
  JX_GUARDED("store.read", "读取复核结论失败", out, {
    Args args = {kind};
    if (!region.empty()) args.push_back(region);
    return ReadDecisions(impl_->Query(
        std::string("SELECT r.id, r.doc_id, r.version, r.decision, r.opinion, r.reviewer, "
                    "r.decided_at FROM reviews r JOIN documents d ON d.id = r.doc_id WHERE "
                    "d.kind = ?") +
            (region.empty() ? "" : " AND d.region = ?") +
            " AND r.id = (SELECT MAX(id) FROM reviews WHERE doc_id = r.doc_id) ORDER BY r.doc_id",
        args));
  })
}

std::vector<std::pair<std::string, Version>> Store::LatestVersionsOf(
    const std::vector<std::string>& ids, Diagnostics& diags) {
  std::vector<std::pair<std::string, Version>> out;
  if (ids.empty()) return out;
  JX_GUARDED("store.read", "读取版本失败", out, {
    Args args;
    std::string in;
    for (const auto& id : ids) {
      in += in.empty() ? "?" : ", ?";
      args.push_back(id);
    }
    auto rs = impl_->Query(
        "SELECT v.doc_id, v.version, v.author, v.saved_at, v.payload FROM versions v JOIN "
        "documents d ON d.id = v.doc_id AND d.version = v.version WHERE d.id IN (" +
            in + ") ORDER BY v.doc_id",
        args);
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
      Version v;
      v.info = {Int(rs, 1), Text(rs, 2), Text(rs, 3)};
      v.payload = Text(rs, 4);
      out.emplace_back(Text(rs, 0), std::move(v));
    }
    return out;
  })
}

std::vector<ReviewDecision> Store::LatestDecisionsOf(const std::vector<std::string>& ids,
                                                     Diagnostics& diags) {
  std::vector<ReviewDecision> out;
  if (ids.empty()) return out;
  JX_GUARDED("store.read", "读取复核结论失败", out, {
    Args args;
    std::string in;
    for (const auto& id : ids) {
      in += in.empty() ? "?" : ", ?";
      args.push_back(id);
    }
    return ReadDecisions(impl_->Query(
        "SELECT r.id, r.doc_id, r.version, r.decision, r.opinion, r.reviewer, r.decided_at FROM "
        "reviews r WHERE r.id IN (SELECT MAX(id) FROM reviews WHERE doc_id IN (" +
            in + ") GROUP BY doc_id) ORDER BY r.doc_id",
        args));
  })
}

}  // namespace jixiao::store
