// Open-time backfill (issue 20): evaluations scored by a serve before schema 8 were saved without
// their framework id (schema 9's migration filled their full marks from the 一级 rows). Each such
// evaluation's recorded scorecard names its framework and full marks: they are written to the
// document and its latest version, so a mixed ranking sees its framework and its 得分率 — never a
// silent rate 0. A scorecard that cannot be read is left as it is and named in the server log.
#include <cstdio>

#include "scorecard_io/scorecard_json_reader.h"
#include "web/db_impl.h"

namespace jixiao::web::db_detail {

int64_t BackfillFrameworks(store::Store& s) {
  int64_t filled = 0;
  Diagnostics diags;
  const auto ids = s.IdsMissingFramework("evaluation", diags);  // ids only: a few MB at 10⁵
  Check(diags);
  for (const auto& id : ids) {
    auto doc = s.Get(id, diags);
    Check(diags);
    Diagnostics unread;
    auto card = doc && !doc->fields.result_json.empty()
                    ? ScorecardFromJson("store:" + id, doc->fields.result_json, unread)
                    : std::nullopt;
    if (!card || card->framework_id.empty()) {
      std::fprintf(stderr, "评价“%s”的评分结果未记指标体系，无法补全；重新评分后即可参与排名\n",
                   id.c_str());
      continue;
    }
    if (!s.SetFramework(id, doc->version, card->framework_id, card->total_weight.hundredths, diags))
      Check(diags);
    ++filled;
  }
  return filled;
}

}  // namespace jixiao::web::db_detail
