// The framework tree as rows: one path (一级 … leaf) per leaf, and the runs of rows each node
// spans at a level — what merged level columns in tables and workbooks are built from.
#pragma once

#include <vector>

#include "model/framework.h"

namespace jixiao::report {

using Path = std::vector<const Indicator*>;

std::vector<Path> LeafPaths(const std::vector<Indicator>& roots);
int Depth(const std::vector<Path>& paths);

struct NodeRun {
  size_t first = 0, last = 0;       // inclusive indices into the paths
  const Indicator* node = nullptr;  // nullptr where the leaf is shallower than `level`
};
std::vector<NodeRun> LevelRuns(const std::vector<Path>& paths, int level);

}  // namespace jixiao::report
