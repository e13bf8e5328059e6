// A save refused because someone saved a newer version: what the refused writer typed is kept
// and what the newer version changed is named, field by field (their value, yours, the value both
// started from), so nothing typed is lost and nothing saved by the other is overwritten unseen.
// Contract: pure on maps of form field key → text; keys absent from `typed` were not sent.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/case.h"
#include "model/selfeval.h"

namespace jixiao::web {

struct StaleMerge {
  // The fields to show as typed: those the writer changed from the version it opened. Every
  // other field shows the newer version's value, so a second save keeps the other's changes.
  std::map<std::string, std::string> kept;
  // One Chinese sentence per field the newer version changed, in `labels` order: "第9行 培训人次
  // 偏差原因：他人改为“…”（原为“…”）；您填写的是“…”（下面保留您的填写）".
  std::vector<std::string> changes;
};

// `labels` gives each field's order and place as the page shows it ("第9行 培训人次 偏差原因");
// `opened` and `newer` its saved text in the opened and the newer version; `typed` what the
// refused request sent (compared trimmed).
StaleMerge MergeStale(const std::vector<std::pair<std::string, std::string>>& labels,
                      const std::map<std::string, std::string>& opened,
                      const std::map<std::string, std::string>& newer,
                      const std::map<std::string, std::string>& typed);

// A 自评表's fields (a_i, s_i, r_i per row, total, the budget inputs) as the page names them
// ("第1行 培训人次 偏差原因": the form's own row numbers, as the page shows them), in page order,
// and their saved texts; `labels` may be null.
void SelfEvalFields(const SelfEvaluation& form,
                    std::vector<std::pair<std::string, std::string>>* labels,
                    std::map<std::string, std::string>* values);

// A 绩效目标表's rows changed between the opened and the newer version, by row as the page numbers
// them: "第12行：他人改为“培训人次 ≥400人次”（原为“培训人次 ≥300人次”）"; a row only in one of them
// is "他人添加"/"他人删除".
std::vector<std::string> TargetRowChanges(const std::vector<TargetRow>& opened,
                                          const std::vector<TargetRow>& newer);

// An evaluation's fields changed between two case snapshots, named as the pages name them
// ("“预算执行”页第3行：他人改为…（原为…）").
std::vector<std::string> CaseChanges(const std::string& opened_snapshot,
                                     const std::string& newer_snapshot);

// "其间改动：a；b；c。" with at most `limit` items ("等 N 处" after them); "" when none.
std::string ChangesSentence(const std::vector<std::string>& changes, size_t limit = 12);

}  // namespace jixiao::web
