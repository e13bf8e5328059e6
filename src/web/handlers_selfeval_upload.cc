// A new 自评表: the unit's upload (form.csv with its budget/summary/project CSVs, or the form as
// .xlsx) and the workbook `selfeval new` makes from the unit's 绩效目标表; each is read and checked
// as `jixiao selfeval check` reads it, titled and dated (as typed, else as the form prints them)
// and stored as version 1 with its figures. The form's page and edits are in handlers_selfeval.cc.
#include <cctype>

#include "app/selfeval_form_app.h"
#include "core/format.h"
#include "web/crypto.h"
#include "web/handlers.h"
#include "web/selfeval_load.h"
#include "web/selfeval_page.h"
#include "web/selfeval_parts.h"
#include "web/selfeval_rules_choice.h"

namespace jixiao::web {

namespace {

bool EndsWithXlsx(std::string name) {
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.size() > 5 && name.substr(name.size() - 5) == ".xlsx";
}

// Stores a new 自评表 (version 1) whose parts were read and checked; answers as the upload does.
Response AddForm(Ctx& ctx, const std::vector<std::pair<std::string, std::string>>& parts,
                 const std::string& title, const std::string& year, const std::string& how) {
  Doc doc;
  doc.id = RandomHex(12);
  doc.kind = "selfeval";
  doc.title = title.empty() ? ctx.user->unit + "自评表" : title.substr(0, 200);
  doc.unit = ctx.user->unit;
  doc.region = ctx.user->region;
  const std::string typed_year = TypedYear(year);  // ２０２６, 2026年 as 2026
  doc.year =
      NormalizeSelfEvalYear(typed_year).empty() ? typed_year : NormalizeSelfEvalYear(typed_year);
  doc.owner = ctx.user->id;
  std::string content = PackParts(parts);
  Loaded l;
  try {
    l = Load(ctx.server.options().data_dir, content, doc.title);
  } catch (const InputError& e) {
    return ctx.server.Reject(ctx, "form", "无法读取自评表", SelfEvalList,
                             {DiagnosticLine(e.diagnostic)});
  }
  if (!l.check.form) {
    std::vector<std::string> items;
    for (const auto& d : l.check.reading.items()) items.push_back(DiagnosticLine(d));
    return ctx.server.Reject(ctx, "form", "无法读取自评表，请按下列位置修改后重新上传",
                             SelfEvalList, items);
  }
  // 年度: as typed, else as the form prints it; neither is a message at the field.
  if (year.empty()) doc.year = NormalizeSelfEvalYear(l.check.form->header.year.text);
  if (std::string why = YearProblem(doc.year); !why.empty())
    return ctx.server.Reject(
        ctx, "year", year.empty() ? why + "：上传的自评表中也没有年度；文件须重新选择" : why,
        SelfEvalList);
  // Untitled: the project's name as the form prints it, else the unit's.
  if (title.empty() && !l.check.result.project.empty())
    doc.title = l.check.result.project.substr(0, 200);
  RecordSelfEvalFigures(doc, l.check);
  ctx.server.db().AddDoc(doc, content, ctx.user->name, how);
  // AddDoc keeps the fields given: the results are part of version 1.
  ctx.server.Audit(ctx, "selfeval.upload", "selfeval:" + doc.id, "",
                   how + "：自评分 " +
                       (doc.claimed < 0 ? std::string("未填") : FormatScore(Score{doc.claimed})) +
                       "，复核分 " + FormatScore(Score{doc.computed}));
  return CreatedReply(ctx, "selfevals", doc.id);
}

}  // namespace

Response SelfEvalUpload(Ctx& ctx) {
  const Upload* form = ctx.req.File("form");
  if (!form || form->bytes.empty())
    return ctx.server.Reject(
        ctx, "form",
        "请选择自评表：Excel 文件（.xlsx），或 CSV 文件（表头：一级指标,二级指标,"
        "三级指标,年度指标值,实际完成值,分值,得分,偏差原因）",
        SelfEvalList);
  std::vector<std::pair<std::string, std::string>> parts;
  // The rule set the uploader chose (kept with the form), or the default chosen by layout.
  std::string why;
  auto chosen = ChosenSelfEvalRules(ctx.server.db(), ctx.req.Field("rules"), &why);
  if (!chosen) return ctx.server.Reject(ctx, "rules", why, SelfEvalList);
  if (EndsWithXlsx(form->filename)) {
    parts.push_back({"xlsx", form->bytes});
  } else {
    parts.push_back({"form", form->bytes});
    for (const char* k : {"budget", "summary", "project"})
      if (const Upload* u = ctx.req.File(k); u && !u->bytes.empty()) parts.push_back({k, u->bytes});
  }
  if (!chosen->empty()) parts.push_back({"rules", *chosen});
  return AddForm(ctx, parts, ctx.req.Field("title"), ctx.req.Field("year"), "上传");
}

Response CreateSelfEvalFromWorkbook(Ctx& ctx, const std::string& xlsx, const std::string& title,
                                    const std::string& year, const std::string& rules_json) {
  std::vector<std::pair<std::string, std::string>> parts = {{"xlsx", xlsx}};
  if (!rules_json.empty()) parts.push_back({"rules", rules_json});
  return AddForm(ctx, parts, title, year, "由绩效目标表生成");
}

}  // namespace jixiao::web
