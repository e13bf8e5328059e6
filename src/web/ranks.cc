#include "web/ranks.h"

namespace jixiao::web {
namespace {

bool Tied(const Doc& a, const Doc& b, bool by_rate) {
  if (!by_rate) return a.total == b.total;
  if (a.full <= 0 || b.full <= 0) return a.full == b.full && a.total == b.total;
  // total_a / full_a == total_b / full_b, exactly (hundredths stay far below 2^31).
  return static_cast<__int128>(a.total) * b.full == static_cast<__int128>(b.total) * a.full;
}

}  // namespace

std::vector<int64_t> SharedRanks(const std::vector<Doc>& ranked, int64_t first, bool by_rate) {
  std::vector<int64_t> ranks;
  for (size_t i = 0; i < ranked.size(); ++i) {
    const int64_t position = first + static_cast<int64_t>(i);
    ranks.push_back(i > 0 && Tied(ranked[i - 1], ranked[i], by_rate) ? ranks.back() : position);
  }
  return ranks;
}

}  // namespace jixiao::web
