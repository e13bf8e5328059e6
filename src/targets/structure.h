// The structure of a 绩效目标表 as real tables write it: 一级/二级 names with weights
// (产出指标(50分)), provincial names (项目完成指标, 项目效益指标), the older
// 投入/过程/产出/效果/影响力 and 预期产出/效果 layouts, 绩效指标 used as the 一级 of output rows,
// 二级 names written in the 一级 column, template placeholder rows (指标2:, ……). Each row is read
// into a category by its columns and, where they are silent, by the meaning of its name. Contract:
// pure; Normalize never fails and keeps every row with its source line.
#pragma once

#include <string>
#include <vector>

#include "model/case.h"
#include "targets/value.h"

namespace jixiao::targets {

enum class Level1 {
  kBlank,
  kOutput,
  kEffect,
  kSatisfaction,
  kCost,
  kInput,
  kProcess,
  kImpact,
  kGeneric,
  kUnknown
};
enum class Level2 {
  kBlank,
  kQuantity,
  kQuality,
  kTimeliness,
  kCost,
  kBudgetControl,
  kEconomic,
  kSocial,
  kEcological,
  kSustainable,
  kMixedEffect,
  kSatisfaction,
  kEconomicCost,
  kSocialCost,
  kEcoCost,
  kUnknown
};
// What a row measures, from its 二级 or, failing that, its 一级 and name.
enum class Kind { kQuantity, kQuality, kTimeliness, kCost, kEffect, kSatisfaction, kOther };

struct Level1Reading {
  Level1 level = Level1::kBlank;
  bool old_structure = false;  // 投入/过程/效果/影响力/预期产出
  bool shifted = false;  // a 二级 name written as the 一级 (数量指标 in the 一级 column)
  Level2 shifted_level2 = Level2::kBlank;
};
Level1Reading ReadLevel1(const std::string& raw);
Level2 ReadLevel2(const std::string& raw);

struct Row {
  const TargetRow* source = nullptr;
  int line = 0;
  std::string name;  // 三级 without "指标1:" prefixes, ★ marks and (≥**%) hints
  Level1Reading l1;
  Level1 level1 = Level1::kBlank;  // effective 一级 after 绩效指标/shifted columns are resolved
  Level2 level2 = Level2::kBlank;
  Kind kind = Kind::kOther;
  Value value;
  std::string unit;          // the value's unit, else the 计量单位 column
  std::string unit_column;   // the 计量单位 column, "" when blank or a placeholder (-, /, 无)
  bool placeholder = false;  // a template row left in: no name (or 指标2:, ……) and no value
  bool child = false;        // 其中… row, part of the row above
  bool total = false;        // 合计/小计/总计 row
};

std::vector<Row> Normalize(const Table<TargetRow>& table);

// The name without template decoration, for display and matching.
std::string CleanName(const std::string& raw);
bool IsSatisfactionName(const std::string& name);
Kind KindFromName(const std::string& name);  // by meaning: 及时 -> 时效, 合格率 -> 质量 …
const char* Level1Name(Level1 level);        // "产出指标" …

}  // namespace jixiao::targets
