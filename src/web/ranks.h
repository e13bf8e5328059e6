// The 名次 a ranking page prints: equal scores share a rank, as `jixiao compare` ranks (1, 2, 2,
// 4), so the page agrees with the compare.xlsx exported from it. Contract: `ranked` is in the
// store's order; `first` is the page's first position (offset + 1); by total, or by total ÷ full
// marks compared exactly when frameworks mix. A tie reaching back across a page edge is not seen.
#ifndef JIXIAO_WEB_RANKS_H_
#define JIXIAO_WEB_RANKS_H_

#include <cstdint>
#include <vector>

#include "web/db.h"

namespace jixiao::web {

std::vector<int64_t> SharedRanks(const std::vector<Doc>& ranked, int64_t first, bool by_rate);

}  // namespace jixiao::web

#endif  // JIXIAO_WEB_RANKS_H_
