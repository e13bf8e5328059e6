// The evaluator's survey answers in the browser: the questionnaire (survey/questionnaire.json)
// and then a 问卷星 export (.xlsx) or a responses.csv, previewed first (a dry run: counts and
// rates, or the problems at sheet!cell or file:line) and then imported into the case — the same
// app functions as `jixiao survey import` (app/survey_import_app.h). An import is a new version,
// scored again; a header the export does not name clearly is confirmed in a small table
// (问卷星对应: column, header, question id, or 分组:列名, or - to leave out).
#include <fstream>

#include "app/survey_import_app.h"
#include "casefile/case_files.h"
#include "core/format.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "web/case_snapshot.h"
#include "web/handlers.h"
#include "web/uploads.h"

namespace jixiao::web {
namespace {

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The mapping table as typed (fields col_N, head_N, map_N), as the CSV `--mapping` reads.
std::string MappingFromFields(const Request& r) {
  std::string csv = "列,表头,题目,建议\n";
  bool any = false;
  for (int i = 0; i < 200; ++i) {
    std::string n = std::to_string(i);
    if (r.Field("col_" + n).empty()) break;
    any = true;
    csv += CsvLine({r.Field("col_" + n), r.Field("head_" + n), r.Field("map_" + n), ""});
  }
  return any ? csv : "";
}

// The rows of a mapping CSV (as ReadSurveyExport proposes it) for the confirmation table.
Data MappingRows(const std::string& csv) {
  Data rows = List();
  size_t start = csv.find('\n');
  int i = 0;
  while (start != std::string::npos && start + 1 < csv.size()) {
    size_t end = csv.find('\n', start + 1);
    std::string line =
        csv.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1);
    start = end;
    // 列,表头,题目,建议 — 表头 may be quoted.
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (size_t k = 0; k < line.size(); ++k) {
      char c = line[k];
      if (quoted && c == '"' && k + 1 < line.size() && line[k + 1] == '"')
        cells.back() += '"', ++k;
      else if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        cells.emplace_back();
      else
        cells.back() += c;
    }
    cells.resize(4);
    rows.push_back(Object({{"i", std::to_string(i++)},
                           {"col", cells[0]},
                           {"head", cells[1]},
                           {"target", cells[2]},
                           {"suggestion", cells[3]}}));
  }
  return rows;
}

std::string CheckJson(const SurveyCheck& c) {
  std::vector<std::string> rates;
  for (const auto& r : c.rates)
    rates.push_back("{\"question\":" + Q(r.question) + ",\"metric\":" + Q(r.metric) +
                    ",\"answered\":" + std::to_string(r.answered) +
                    ",\"rate\":" + (r.rate.empty() ? "null" : Q(r.rate)) + "}");
  return "\"total\":" + std::to_string(c.total) + ",\"valid\":" + std::to_string(c.valid) +
         ",\"rates\":" + JsonArray(rates);
}

Data RatesData(const SurveyCheck& c) {
  Data rows = List();
  for (const auto& r : c.rates)
    rows.push_back(Object({{"question", r.question},
                           {"metric", r.metric},
                           {"answered", std::to_string(r.answered)},
                           {"rate", r.rate}}));
  return rows;
}

}  // namespace

void SetSurveyData(Server& server, const Doc& doc, Data& data) {
  const std::string dir = server.CaseDir(doc.id);
  data.set("survey_questionnaire", IsRegularFile(dir + "/survey/questionnaire.json"));
  Diagnostics diags;
  auto rates = CaseSurveyRates(dir, diags);
  data.set("survey_has", rates.has_value());
  if (rates) {
    data.set("survey_total", std::to_string(rates->total));
    data.set("survey_valid", std::to_string(rates->valid));
    data.set("survey_rates", RatesData(*rates));
  }
}

Response EvaluationSurvey(Ctx& ctx) {
  const Doc& doc = *ctx.doc;
  auto opened = FormVersion(ctx.req);
  if (!opened) return ctx.server.Error(ctx, 422, kMissingVersion);
  if (*opened != doc.version)
    return ctx.server.Error(ctx, 409,
                            "未导入：" + StaleSentence(doc, "评价", "保存为", *opened) +
                                "请回到评价页查看最新内容后重新上传。");
  const std::string dir = ctx.server.CaseDir(doc.id);
  ScratchFolder scratch(ctx.server.options().data_dir);
  temp::SetScratchDir(scratch.path());
  Diagnostics diags;
  const Upload* questionnaire = ctx.req.File("questionnaire");
  const Upload* file = ctx.req.File("file");
  std::string note, content;
  std::string before = doc.total < 0 ? "未评分" : FormatScore(Score{doc.total}) + " " + doc.grade;
  if (questionnaire && !questionnaire->bytes.empty() && (!file || file->bytes.empty())) {
    std::string shown = questionnaire->filename.empty() ? "问卷题目.json"
                                                        : questionnaire->filename.substr(0, 200);
    if (!ImportQuestionnaire(dir, questionnaire->bytes, shown, diags))
      return ctx.server.Reject(ctx, "questionnaire",
                               "问卷题目有错误，未保存；请按下列位置修改后重新上传", EvaluationShow,
                               LocatedLines(diags, scratch.path(), shown));
    note = "已保存问卷题目";
    content = questionnaire->bytes;
  } else {
    if (!file || file->bytes.empty())
      return ctx.server.Reject(ctx, "survey_file",
                               "请选择问卷星导出的答卷（.xlsx）或答卷表格（.csv）", EvaluationShow);
    const bool dry_run = ctx.req.Field("mode") != "import";
    std::string shown = file->filename.empty() ? "答卷" : file->filename.substr(0, 200);
    std::string csv = file->bytes;
    if (file->bytes.rfind("PK", 0) == 0) {  // an .xlsx (a zip)
      std::string path = scratch.path() + "/export.xlsx", mapping;
      WriteFile(path, file->bytes);
      if (std::string typed = MappingFromFields(ctx.req); !typed.empty()) {
        mapping = scratch.path() + "/问卷星对应.csv";
        WriteFile(mapping, typed);
      }
      SurveyExportRead read = ReadSurveyExport(path, dir, mapping, diags);
      auto problems = LocatedLines(diags, path, shown);
      for (auto& p : problems)  // the confirmed mapping, named as the table on the page
        for (size_t at; !mapping.empty() && (at = p.find(mapping)) != std::string::npos;)
          p.replace(at, mapping.size(), "问卷星对应表");
      if (!read.ok) {
        if (ctx.req.api || !read.uncertain)
          return ctx.server.Reject(ctx, "survey_file", "答卷未导入：请按下列位置修改",
                                   EvaluationShow, problems);
        // Headers to confirm: the table, filled with what could be matched.
        Data data = Object({{"id", doc.id}, {"version", std::to_string(doc.version)}});
        data.set("mapping", MappingRows(read.mapping_csv));
        data.set("has_mapping", true);
        data.set("problems", [&] {
          Data list = List();
          for (const auto& p : problems) list.push_back(Object({{"text", p}}));
          return list;
        }());
        return ctx.server.Page(ctx, "survey_preview", "问卷答卷：请确认题目对应", data, 422);
      }
      csv = read.responses_csv;
      diags = Diagnostics();
    }
    auto check = ImportSurveyResponses(dir, csv, shown, dry_run, diags);
    if (!check)
      return ctx.server.Reject(ctx, "survey_file", "答卷未导入：请按下列位置修改", EvaluationShow,
                               LocatedLines(diags, scratch.path(), shown));
    if (dry_run) {
      if (ctx.req.api) return Json("{\"dry_run\":true," + CheckJson(*check) + "}");
      Data data = Object({{"id", doc.id},
                          {"version", std::to_string(doc.version)},
                          {"total", std::to_string(check->total)},
                          {"valid", std::to_string(check->valid)},
                          {"file", shown}});
      data.set("rates", RatesData(*check));
      data.set("previewed", true);
      Data mapping = List();
      if (std::string typed = MappingFromFields(ctx.req); !typed.empty())
        mapping = MappingRows(typed);
      data.set("mapping", mapping);
      data.set("has_mapping", !mapping.is_empty_list());
      return ctx.server.Page(ctx, "survey_preview", "问卷答卷预览（未导入）", data);
    }
    note = "已导入问卷答卷 " + std::to_string(check->total) + " 份（有效 " +
           std::to_string(check->valid) + " 份）";
    content = csv;
  }
  auto saved = SaveRescoredCase(ctx, doc.version, note);
  if (!saved) return ctx.server.Error(ctx, 409, "该评价刚被他人保存；请刷新后重新上传");
  const std::string& after = *saved;
  ctx.server.Audit(ctx, "evaluation.survey", "evaluation:" + doc.id + " " + note, before, after);
  note += "，第 " + std::to_string(doc.version + 1) + " 版；总分 " + after;
  if (ctx.req.api)
    return Json("{\"version\":" + std::to_string(doc.version + 1) + ",\"message\":" + Q(note) +
                "}");
  return Redirect("/evaluations/" + doc.id + "?message=" + UrlEncode(note) + "#survey");
}

}  // namespace jixiao::web
