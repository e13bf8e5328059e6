// `jixiao survey import` as a function; see survey_import_app.h.
#include "app/survey_import_app.h"

#include <map>
#include <set>

#include "casefile/case_files.h"
#include "casefile/questionnaire_sheet.h"
#include "core/csv_field.h"
#include "core/format.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/csv.h"
#include "ingest/wjx_export.h"
#include "scoring/survey_stats.h"

namespace jixiao {
namespace {

// Group columns of the case's current responses.csv (neither 编号 nor a question).
std::vector<std::string> CaseGroups(const std::string& file, const Questionnaire& q) {
  std::vector<std::string> groups;
  if (!IsRegularFile(file)) return groups;
  try {
    CsvTable csv = ReadCsvFile(file);
    std::set<std::string> ids;
    for (const auto& question : q.questions) ids.insert(question.id);
    for (const auto& h : csv.header)
      if (h != "编号" && !ids.count(h)) groups.push_back(h);
  } catch (const InputError&) {
  }
  return groups;
}

// Applies a confirmed mapping file to the export's headers.
std::vector<WjxColumn> ReadMapping(const std::string& file,
                                   const std::vector<std::pair<int, std::string>>& headers,
                                   const Questionnaire& q, const std::vector<std::string>& groups,
                                   Diagnostics& diags) {
  std::vector<WjxColumn> out;
  CsvTable csv = ReadCsvFile(file);
  CsvCells cells(csv, diags);
  if (!cells.RequireColumns({"列", "表头", "题目"})) return out;
  std::set<std::string> targets;
  for (const auto& question : q.questions) targets.insert(question.id);
  targets.insert(groups.begin(), groups.end());
  std::map<std::string, const CsvRow*> by_letter;
  for (const auto& row : csv.rows) by_letter[cells.Text(row, csv.Column("列"))] = &row;
  for (const auto& [col, header] : headers) {
    if (IsWjxMetaColumn(header)) continue;
    WjxColumn c{col, header, "", "", true, ""};
    auto it = by_letter.find(ColumnName(col));
    if (it == by_letter.end()) {
      diags.Error("survey.mapping.missing", {file, 0, 0, ""},
                  "对应表中没有导出的 " + ColumnName(col) + " 列（“" + header +
                      "”）：请补一行，题目填题目编号或 -");
      continue;
    }
    const CsvRow& row = *it->second;
    std::string mapped_header = cells.Text(row, csv.Column("表头"));
    c.target = cells.Text(row, csv.Column("题目"));
    if (mapped_header != Trim(header))
      cells.Error(row, csv.Column("表头"), "survey.mapping.header",
                  "对应表的 " + ColumnName(col) + " 列表头“" + mapped_header + "”与导出中的“" +
                      header + "”不同：对应表不是这份导出的，请重新生成");
    else if (c.target.empty())
      cells.Error(
          row, csv.Column("题目"), "survey.mapping.empty",
          "“" + header +
              "”尚未对应题目：请填题目编号（如 Q1）、分组列（如“分组:居民区”），不导入填 -");
    else if (StartsWith(c.target, "分组:") || StartsWith(c.target, "分组：")) {
      c.target = Trim(c.target.substr(StartsWith(c.target, "分组:") ? 7 : 9));
      if (c.target.empty() || c.target == "编号" || c.target == "-" || targets.count(c.target))
        cells.Error(row, csv.Column("题目"), "survey.mapping.group",
                    "分组列名须不同于编号、题目编号，例如“分组:居民区”");
    } else if (std::string id, option; !targets.count(c.target) &&
                                       SplitOptionHeader(c.target, id, option) &&
                                       targets.count(Trim(id))) {
      // "Q3:宣传资料": this column is one option of 多选 question Q3 (1 chosen, 0 not).
      c.target = Trim(id);
      for (const auto& question : q.questions)
        if (question.id == c.target && question.multiple)
          for (const auto& o : question.options)
            if (o == option) c.option = o;
      if (c.option.empty())
        cells.Error(row, csv.Column("题目"), "survey.mapping.option",
                    "“" + option + "”不是多选题 " + c.target +
                        " 的选项：选项列写作“题目编号:选项”，选项照 questionnaire.json 书写");
    } else if (c.target != "-" && !targets.count(c.target))
      cells.Error(row, csv.Column("题目"), "survey.mapping.unknown",
                  "“" + c.target + "”不是 questionnaire.json 中的题目编号，也不是已有的分组列" +
                      "（新的分组列写作“分组:列名”）");
    out.push_back(c);
  }
  return out;
}

std::string MappingCsv(const std::vector<WjxColumn>& columns) {
  std::string out = "列,表头,题目,建议\n";
  for (const auto& c : columns)
    out += ColumnName(c.col) + "," + CsvField(c.header) + "," +
           CsvField(c.option.empty() ? c.target : c.target + ":" + c.option) + "," +
           CsvField(c.suggestion) + "\n";
  return out;
}

}  // namespace

SurveyExportRead ReadSurveyExport(const std::string& export_file, const std::string& case_dir,
                                  const std::string& mapping, Diagnostics& diags) {
  SurveyExportRead out;
  const std::string survey_dir = case_dir + "/survey";
  const std::string qfile = survey_dir + "/questionnaire.json";
  if (!IsInside(survey_dir, case_dir)) {
    diags.Error("survey.import.outside", {survey_dir, 0, 0, ""},
                "survey 指向案例目录之外（符号链接）：请改为案例内的普通文件夹");
    return out;
  }
  if (!IsRegularFile(qfile)) {
    diags.Error("survey.import.questionnaire", {qfile, 0, 0, ""},
                "案例没有问卷题目文件：请先按 docs/survey.md 写好 survey/questionnaire.json");
    return out;
  }
  Questionnaire q;
  LoadQuestionnaire(qfile, q, diags);
  if (diags.HasErrors() || q.questions.empty()) {
    if (!diags.HasErrors())
      diags.Error("survey.import.questionnaire", {qfile, 0, 0, ""}, "问卷没有题目");
    return out;
  }
  std::vector<std::string> groups = CaseGroups(survey_dir + "/responses.csv", q);

  XlsxWorkbook book;
  try {
    book = ReadXlsxFile(export_file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return out;
  }
  if (book.sheets.empty()) {
    diags.Error("survey.import.sheet", {export_file, 0, 0, ""}, "导出文件中没有工作表");
    return out;
  }
  const XlsxSheet& sheet = book.sheets.front();
  std::vector<std::pair<int, std::string>> headers;
  bool has_id = false;
  for (int col = 1; col <= sheet.max_col; ++col) {
    std::string h = Trim(XlsxCellText(sheet.At(1, col)));
    if (h.empty()) continue;
    headers.emplace_back(col, h);
    has_id = has_id || h == "序号";
  }
  if (!has_id) {
    diags.Error("survey.import.header", CellLocation(export_file, sheet.name, 1, 1),
                "第 1 行表头中没有“序号”列：这不像问卷星的原始导出，请用“下载答卷数据”→"
                "“按文本下载”重新下载，不要删改表头");
    return out;
  }
  if (WjxAnswerRows(sheet).empty()) {
    diags.Error("survey.import.empty", CellLocation(export_file, sheet.name, 2, 1),
                "导出中没有答卷（第 2 行起为空）：请在问卷星确认已有答卷后重新下载");
    return out;
  }

  std::vector<WjxColumn> columns;
  if (!mapping.empty()) {
    try {
      columns = ReadMapping(mapping, headers, q, groups, diags);
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    }
  } else {
    columns = MatchWjxHeaders(headers, q, groups);
    for (const auto& c : columns)
      if (!c.certain) {
        out.uncertain = true;
        diags.Error("survey.import.unmapped", CellLocation(export_file, sheet.name, 1, c.col),
                    "表头“" + c.header + "”不能确定对应问卷的哪一题" +
                        (c.suggestion.empty() ? std::string() : "（可能是 " + c.suggestion + "）") +
                        "：请在对应表中填写题目编号，不导入填 -；多选题按选项分列导出时，"
                        "每个选项列填“题目编号:选项”（如 Q3:宣传资料）；矩阵题的每个子题列"
                        "对应问卷中各自的一题");
      }
    if (out.uncertain) {
      out.mapping_csv = MappingCsv(columns);
      return out;
    }
  }
  std::set<std::string> covered;
  for (const auto& c : columns) covered.insert(c.target);
  for (const auto& question : q.questions)
    if (!covered.count(question.id))
      diags.Error("survey.import.question", CellLocation(export_file, sheet.name, 1, 1),
                  "问卷题目 " + question.id + "（" + question.text +
                      "）在导出中没有对应的列：请核对导出是否来自这份问卷");
  if (diags.HasErrors()) return out;
  WjxImport result = ReadWjxAnswers(book, sheet, columns, q, diags);
  if (diags.HasErrors()) return out;
  std::string csv = "编号";
  for (const auto& g : result.groups) csv += "," + CsvField(g);
  for (const auto& question : q.questions) csv += "," + CsvField(question.id);
  csv += "\n";
  std::map<std::string, int> answered;
  for (const auto& r : result.responses) {
    csv += CsvField(r.id);
    for (const auto& g : result.groups) {
      auto it = r.groups.find(g);
      csv += "," + CsvField(it == r.groups.end() ? "" : it->second);
    }
    for (const auto& question : q.questions) {
      std::string joined;
      auto it = r.answers.find(question.id);
      if (it != r.answers.end()) {
        ++answered[question.id];
        for (const auto& o : it->second) joined += (joined.empty() ? "" : ";") + o;
      }
      csv += "," + CsvField(joined);
    }
    csv += "\n";
  }
  out.ok = true;
  out.responses_csv = csv;
  out.respondents = result.respondents;
  out.valid = result.valid;
  for (const auto& question : q.questions)
    out.answered.push_back({question.id, question.text, answered[question.id]});
  return out;
}

namespace {

SurveyCheck Summarize(const Survey& survey, Diagnostics& diags) {
  SurveyStats stats = ComputeSurvey(survey, diags);
  SurveyCheck out;
  out.total = stats.total, out.valid = stats.valid;
  for (const auto& q : stats.questions)
    out.rates.push_back(
        {q.question ? q.question->id + " " + q.question->text : "",
         q.question ? q.question->metric : "",
         q.rate && q.question && !q.question->metric.empty() ? FormatPercent(*q.rate) : "",
         q.answered});
  return out;
}

// Messages about the scratch copy name the file as the user knows it.
void Rename(Diagnostics& diags, const std::string& dir, const std::string& shown) {
  Diagnostics out;
  for (auto d : diags.items()) {
    if (d.where.file.rfind(dir + "/survey/responses.csv", 0) == 0)
      d.where.file = shown;
    else if (d.where.file.rfind(dir + "/", 0) == 0)
      d.where.file = d.where.file.substr(dir.size() + 1);
    out.Add(d.severity, d.code, d.where, d.message);
  }
  diags = out;
}

}  // namespace

std::optional<SurveyCheck> ImportSurveyResponses(const std::string& case_dir,
                                                 const std::string& csv, const std::string& shown,
                                                 bool dry_run, Diagnostics& diags) {
  if (!IsRegularFile(case_dir + "/survey/questionnaire.json")) {
    diags.Error("survey.import.questionnaire", {"survey/questionnaire.json", 0, 0, ""},
                "案例没有问卷题目文件：请先按 docs/survey.md 写好 survey/questionnaire.json");
    return std::nullopt;
  }
  std::optional<SurveyCheck> checked;
  bool had_errors = false;
  auto verify = [&](const std::string& temp_dir) {
    Diagnostics found;
    Survey survey;
    LoadSurvey(temp_dir, survey, found);
    if (!found.HasErrors()) checked = Summarize(survey, found);
    Rename(found, temp_dir, shown);
    for (const auto& d : found.items()) diags.Add(d.severity, d.code, d.where, d.message);
    had_errors = found.HasErrors();
    return !had_errors && !dry_run;
  };
  try {
    WriteCaseFolder(case_dir, {{"survey/responses.csv", csv}}, true, {}, verify);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return std::nullopt;
  }
  if (had_errors) return std::nullopt;
  return checked;
}

bool ImportQuestionnaire(const std::string& case_dir, const std::string& json,
                         const std::string& shown, Diagnostics& diags) {
  bool ok = false;
  auto verify = [&](const std::string& temp_dir) {
    Diagnostics found;
    Questionnaire q;
    const std::string file = temp_dir + "/survey/questionnaire.json";
    ok = LoadQuestionnaire(file, q, found) && !found.HasErrors() && !q.questions.empty();
    if (!found.HasErrors() && q.questions.empty())
      found.Error("survey.import.questionnaire", {file, 0, 0, ""},
                  "问卷没有题目：请在 questions 中写题目");
    Diagnostics shown_diags;
    for (auto d : found.items()) {
      if (d.where.file == file) d.where.file = shown;
      shown_diags.Add(d.severity, d.code, d.where, d.message);
    }
    for (const auto& d : shown_diags.items()) diags.Add(d.severity, d.code, d.where, d.message);
    return ok;
  };
  try {
    WriteCaseFolder(case_dir, {{"survey/questionnaire.json", json}}, true, {}, verify);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  return ok;
}

QuestionnaireState PrepareQuestionnaire(const std::string& export_file, const std::string& case_dir,
                                        bool dry_run, std::string& draft_csv, Diagnostics& diags) {
  const std::string sheet_file = case_dir + "/survey/" + kQuestionnaireSheetName;
  const std::string shown = std::string("survey/") + kQuestionnaireSheetName;
  if (!IsRegularFile(sheet_file)) {
    if (IsRegularFile(case_dir + "/survey/questionnaire.json")) return QuestionnaireState::kReady;
    try {
      XlsxWorkbook book = ReadXlsxFile(export_file);
      if (book.sheets.empty()) {
        diags.Error("survey.import.sheet", {export_file, 0, 0, ""}, "导出文件中没有工作表");
        return QuestionnaireState::kFailed;
      }
      draft_csv = DraftQuestionnaireCsv(book.sheets.front());
    } catch (const InputError& e) {
      diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
      return QuestionnaireState::kFailed;
    }
    diags.Error("survey.import.questionnaire", {shown, 0, 0, ""},
                "案例还没有问卷题目：" +
                    std::string(dry_run ? "不带 --dry-run 运行时将按导出的表头和答卷拟出 "
                                        : "已按导出的表头和答卷拟出 ") +
                    shown +
                    "，请用 Excel "
                    "核对题目、选项及其顺序（没有人选的选项不在导出中，须补上），填写问卷标题、调查"
                    "对象总数、抽样方式，"
                    "以及计入指标的题目的“指标”“计算方法”（比例或均值）“计入指标的选项”或"
                    "“选项分值”，保存后重新运行本命令（说明见 docs/survey.md）");
    return QuestionnaireState::kDraft;
  }
  if (dry_run) {
    diags.Error("survey.import.questionnaire", {shown, 0, 0, ""},
                "试运行不写文件，而 " + shown +
                    " 须先转换为 questionnaire.json：请去掉 --dry-run 运行一次");
    return QuestionnaireState::kFailed;
  }
  try {
    CsvTable table = ReadCsvFile(sheet_file);
    table.file = shown;
    std::optional<std::string> json = QuestionnaireJsonFromCsv(table, diags);
    if (!json || !ImportQuestionnaire(case_dir, *json, shown, diags))
      return QuestionnaireState::kFailed;
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return QuestionnaireState::kFailed;
  }
  return QuestionnaireState::kReady;
}

std::optional<SurveyCheck> CaseSurveyRates(const std::string& case_dir, Diagnostics& diags) {
  if (!IsRegularFile(case_dir + "/survey/responses.csv")) return std::nullopt;
  Survey survey;
  LoadSurvey(case_dir, survey, diags);
  if (diags.HasErrors()) return std::nullopt;
  return Summarize(survey, diags);
}

}  // namespace jixiao
