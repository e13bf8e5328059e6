// A save refused because someone saved a newer version: what the refused writer typed is kept
// and what the newer version changed is named, field by field (their value, yours, the value both
// started from), so nothing typed is lost and nothing saved by the other is overwritten unseen.
// Contract: pure on maps of form field key → text; keys absent from `typed` were not sent.
#pragma once

#include <map>
#include <string>
#include <vector>

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

}  // namespace jixiao::web
