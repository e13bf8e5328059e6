// The bureau's 复核 decision on a 自评表 as the pages and the API show it: the form's state from
// its latest decision (待复核 when there is none or it was made on an earlier version, since a new
// version returns the form to 待复核; 已通过; 已退回，须修改), and the form page's 复核 section
// (handlers_review.cc, where the decision itself is recorded).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "web/db.h"
#include "web/http.h"
#include "web/server.h"

namespace jixiao::web {

struct ReviewState {
  std::string key;               // pending | passed | returned
  std::string label;             // 待复核 | 已通过 | 已退回，须修改
  std::optional<Decision> last;  // the latest decision, possibly on an earlier version
};
ReviewState StateOf(const Doc& doc, const std::optional<Decision>& latest);
ReviewState CurrentState(Server& server, const Doc& doc);  // from the store's decisions
// The state of each of `docs` (all of one kind), in their order, from one read of the latest
// decisions.
std::vector<ReviewState> ReviewStates(Server& server, const std::vector<Doc>& docs);
// {"state","label","decision","opinion","reviewer","decided_at" (北京时间),"version"} (the last
// four null without a decision).
std::string ReviewStateJson(const ReviewState& s);
// The form page's 复核 section: the state, the latest decision and its 意见, the earlier ones,
// and for the bureau the decision form (the opinion typed kept when a decision was refused).
void SetReviewData(Ctx& ctx, const Doc& doc, Data& data);

}  // namespace jixiao::web
