// 改所属区域: the evaluator moves an evaluation to another known region (a near-miss region typed
// before regions were chosen from a list hid it from the bureau). A new version, rescored as every
// save is, and an audit entry from the old region to the new one.
#include "web/eval_region.h"
#include "web/handlers.h"

namespace jixiao::web {

Response EvaluationRegion(Ctx& ctx) {
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const std::string region = ctx.req.Field("region");
  const std::string before = ctx.doc->region;
  if (std::string why = RegionChoiceProblem(EvaluationRegions(ctx.server.db()), region);
      !why.empty())
    return ctx.server.Reject(ctx, "region", why, EvaluationShow);
  if (*opened != ctx.doc->version)
    return EvaluationPage(ctx,
                          "未改所属区域：" + StaleSentence(*ctx.doc, "评价", "保存为", *opened) +
                              "请在下面的最新内容上重新选择。",
                          409);
  if (region == before) return EvaluationPage(ctx, "所属区域未变：仍为“" + region + "”", 200);
  ctx.doc->region = region;
  const std::string note = "所属区域：" + (before.empty() ? "（空）" : before) + " → " + region;
  if (!SaveRescoredCase(ctx, *opened, note))
    return ctx.server.Error(ctx, 409, "该评价刚被他人保存，所属区域未改；请刷新后重新选择");
  ctx.server.Audit(ctx, "evaluation.region", "evaluation:" + ctx.doc->id, before, region);
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(*opened + 1) + ",\"region\":" + Q(region) + "}");
  return Redirect("/evaluations/" + ctx.doc->id + "?message=" +
                  UrlEncode("已改所属区域：" + note.substr(std::string("所属区域：").size())));
}

}  // namespace jixiao::web
