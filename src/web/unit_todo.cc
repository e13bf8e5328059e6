#include "web/unit_todo.h"

#include <set>

#include "web/review_state.h"
#include "web/routes.h"

namespace jixiao::web {

namespace {
constexpr int64_t kShown = 20;  // a unit's open items: more are on the 自评表 list
}

void SetUnitTodo(Ctx& ctx, Data& data) {
  Data rows = List();
  bool any = false;
  if (ctx.user->role == "unit") {
    std::set<std::string> listed;
    Db::ListFilter returned;
    returned.kinds = {"selfeval"};
    returned.review = "returned";
    if (NarrowToReach(*ctx.user, returned))
      for (const Doc& d : ctx.server.db().DocsPage(returned, kShown, 0)) {
        const ReviewState s = CurrentState(ctx.server, d);
        rows.push_back(Object({{"href", "/selfevals/" + d.id},
                               {"title", d.title},
                               {"year", d.year},
                               {"what", "已退回，须修改后重新提交"},
                               {"opinion", s.last ? s.last->opinion : ""}}));
        listed.insert(d.id);
        any = true;
      }
    Db::ListFilter drafts;
    drafts.kinds = {"selfeval"};
    drafts.submitted = 0;
    if (NarrowToReach(*ctx.user, drafts))
      for (const Doc& d : ctx.server.db().DocsPage(drafts, kShown, 0)) {
        if (listed.count(d.id)) continue;
        rows.push_back(Object({{"href", "/selfevals/" + d.id},
                               {"title", d.title},
                               {"year", d.year},
                               {"what", "已保存第 " + std::to_string(d.version) + " 版，尚未提交"},
                               {"opinion", ""}}));
        any = true;
      }
  }
  data.set("todo", rows);
  data.set("has_todo", any);
}

}  // namespace jixiao::web
