// The accounts a document is shared with (schema 12's doc_members); see store.h.
#include <algorithm>

#include "store/store_impl.h"

namespace jixiao::store {

bool Store::AddMember(const std::string& doc_id, int64_t member, const std::string& added_by,
                      Diagnostics& diags) {
  JX_GUARDED("store.write", "共享评价失败", false, {
    auto rs = impl_->Query("SELECT 1 FROM doc_members WHERE doc_id = ? AND member = ?",
                           {doc_id, std::to_string(member)});
    if (rs.rowCount()) return false;
    impl_->Exec("INSERT INTO doc_members (doc_id, member, added_by, added_at) VALUES (?, ?, ?, ?)",
                {doc_id, std::to_string(member), added_by, UtcNow()});
    return true;
  })
}

bool Store::RemoveMember(const std::string& doc_id, int64_t member, Diagnostics& diags){
    JX_GUARDED("store.write", "取消共享失败", false,
               {
                 return impl_->Exec("DELETE FROM doc_members WHERE doc_id = ? AND member = ?",
                                    {doc_id, std::to_string(member)}) > 0;
               })}

std::vector<int64_t> Store::Members(const std::string& doc_id, Diagnostics& diags) {
  JX_GUARDED("store.read", "读取共享成员失败", std::vector<int64_t>(), {
    auto rs = impl_->Query("SELECT member FROM doc_members WHERE doc_id = ?", {doc_id});
    std::vector<int64_t> out;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext())
      out.push_back(std::stoll(Text(rs, 0)));
    std::sort(out.begin(), out.end());
    return out;
  })
}

}  // namespace jixiao::store
