// The evaluator's findings form: one leaf's 扣分 (amount and reason each) and 摘要用语, typed in
// the evaluation page instead of the entry workbook's 扣分明细 sheet. A new version, scored again;
// refused (409) when someone saved first. Every change goes through app/finding_edit.h.
#include "app/finding_edit.h"
#include "core/format.h"
#include "web/case_snapshot.h"
#include "web/handlers.h"

namespace jixiao::web {

Response EvaluationFinding(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  const int64_t expected = *opened;
  const std::string code = ctx.req.Field("code").substr(0, 50);
  if (code.empty()) return ctx.server.Error(ctx, 422, "请选择要修改扣分的指标");
  if (expected != doc.version)
    return ctx.server.Error(ctx, 409,
                            "未保存：" + StaleSentence(doc, "评价", "保存为", expected) +
                                "请返回评价页查看最新内容后再修改。",
                            {"您填写的指标：" + code, "摘要用语：" + ctx.req.Field("summary")});
  std::vector<DeductionEdit> deductions;
  for (int i = 0; i < 5; ++i) {
    std::string n = std::to_string(i);
    deductions.push_back(
        {ctx.req.Field("amount_" + n).substr(0, 50), ctx.req.Field("reason_" + n).substr(0, 2000)});
  }
  std::string summary = ctx.req.Field("summary").substr(0, 500);
  std::string before = doc.total < 0 ? "未评分" : FormatScore(Score{doc.total}) + " " + doc.grade;
  Diagnostics diags;
  if (!EditCaseFinding(ctx.server.CaseDir(doc.id), code, deductions, summary, diags)) {
    std::vector<std::string> items;
    for (const auto& d : diags.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Error(ctx, 422, "扣分未保存，请按下列提示修改", items);
  }
  std::string listed;
  for (const auto& d : deductions)
    if (!d.reason.empty()) listed += (listed.empty() ? "" : "；") + d.amount + " " + d.reason;
  auto saved = SaveRescoredCase(ctx, expected, "修改 " + code + " 的扣分");
  if (!saved) return ctx.server.Error(ctx, 409, "该评价刚被他人保存，请返回评价页刷新后再修改");
  const std::string& after = *saved;
  ctx.server.Audit(ctx, "evaluation.finding", "evaluation:" + doc.id + " " + code, "",
                   (listed.empty() ? "不扣分" : listed) +
                       (summary.empty() ? "" : "（摘要用语：" + summary + "）"));
  ctx.server.Audit(ctx, "evaluation.score", "evaluation:" + doc.id, before, after);
  std::string note =
      "已保存第 " + std::to_string(expected + 1) + " 版：" + code + " 的扣分；总分 " + after;
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(expected + 1) + ",\"message\":" + Q(note) + "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note));
}

}  // namespace jixiao::web
