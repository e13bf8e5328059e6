// A unit's rows still 待确认 when an evaluation was made from its 绩效目标表 (issue 21): kept in
// the case folder (targets_pending.csv, saved with every version) so the evaluation page lists
// them for as long as any remains, until the evaluator confirms it or the row's 三级指标/指标值
// in the case's targets.csv is edited. Contract: reads and writes only inside `case_dir`.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostics.h"

namespace jixiao::web {

inline constexpr char kPendingTargetsFile[] = "targets_pending.csv";

struct PendingTarget {
  int line = 0;  // the row's line in the case's targets.csv when the evaluation was made
  std::string indicator, value;
};

// After NewCase: the rows NewCase reported as 待确认 (new.target_pending, whose message names the
// row as “<三级>”), found in the case's targets.csv by that name (its line and 指标值 as the case
// holds them), written to targets_pending.csv; nothing written when none.
void RecordPendingTargets(const std::string& case_dir, const Diagnostics& diags);

// The rows still open: not confirmed, and targets.csv still holds the same 三级指标 with the same
// 指标值 (a row edited or removed since is no longer the unit's unconfirmed value).
std::vector<PendingTarget> OpenPendingTargets(const std::string& case_dir);

// Marks the open row recorded at `line` confirmed by `who`; false (nothing written) when there
// is no such open row.
bool ConfirmPendingTarget(const std::string& case_dir, int line, const std::string& who);

}  // namespace jixiao::web
