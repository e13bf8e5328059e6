// What waits for a unit's action, shown on the page it lands on after login (绩效目标表): its
// 自评表 the bureau 退回 (with the 复核意见) and its 自评表 saved but not submitted (trial 4 item
// 12). Read from the store within the user's reach; empty for other roles.
#pragma once

#include "web/http.h"
#include "web/server.h"

namespace jixiao::web {

// Sets "todo" (rows {href, title, year, what, opinion}) and "has_todo" on `data`.
void SetUnitTodo(Ctx& ctx, Data& data);

}  // namespace jixiao::web
