// Region renames across accounts and documents; see store.h.
#include "store/store_impl.h"

namespace jixiao::store {

std::optional<std::pair<int64_t, int64_t>> Store::RenameRegion(const std::string& from,
                                                               const std::string& to,
                                                               Diagnostics& diags) {
  using Result = std::optional<std::pair<int64_t, int64_t>>;
  JX_GUARDED("store.write", "重命名区域失败", Result(), {
    impl_->Begin();
    size_t users = impl_->Exec("UPDATE users SET region = ? WHERE region = ?", {to, from});
    size_t docs = impl_->Exec("UPDATE documents SET region = ? WHERE region = ?", {to, from});
    impl_->Commit();
    return Result(std::make_pair(static_cast<int64_t>(users), static_cast<int64_t>(docs)));
  })
}

}  // namespace jixiao::store
