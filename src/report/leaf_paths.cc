#include "report/leaf_paths.h"

#include <algorithm>

namespace jixiao::report {
namespace {

void Collect(const Indicator& node, Path& path, std::vector<Path>& out) {
  path.push_back(&node);
  if (node.IsLeaf()) out.push_back(path);
  for (const auto& child : node.children) Collect(child, path, out);
  path.pop_back();
}

}  // namespace

std::vector<Path> LeafPaths(const std::vector<Indicator>& roots) {
  std::vector<Path> out;
  Path path;
  for (const auto& root : roots) Collect(root, path, out);
  return out;
}

int Depth(const std::vector<Path>& paths) {
  int depth = 1;
  for (const auto& p : paths) depth = std::max(depth, static_cast<int>(p.size()));
  return depth;
}

std::vector<NodeRun> LevelRuns(const std::vector<Path>& paths, int level) {
  std::vector<NodeRun> runs;
  auto node_at = [&](size_t i) -> const Indicator* {
    return paths[i].size() >= static_cast<size_t>(level) ? paths[i][static_cast<size_t>(level - 1)]
                                                         : nullptr;
  };
  size_t i = 0;
  while (i < paths.size()) {
    const Indicator* node = node_at(i);
    size_t j = i + 1;
    while (node && j < paths.size() && node_at(j) == node) ++j;
    runs.push_back({i, j - 1, node});
    i = j;
  }
  return runs;
}

}  // namespace jixiao::report
