// jixiao survey import EXPORT.xlsx CASE [--mapping FILE] [--dry-run]: a 问卷星 export into the
// case's survey/responses.csv. Contract: the questionnaire (survey/questionnaire.json) is the
// reference; headers are matched by text (ingest/wjx_export.h) or by a mapping the user confirmed;
// when a header is not certain, survey/问卷星对应.csv is written for the user and the exit code
// is 1. Unknown options and unmapped headers are located errors. Files are written atomically and
// only inside CASE/survey; --dry-run writes nothing. Exit 0 ok, 1 bad input, 2 usage.
#include <cstdio>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "cli/write_files.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/csv.h"
#include "ingest/wjx_export.h"

namespace jixiao::cli {
namespace {

const char kImportUsage[] =
    "用法：jixiao survey import EXPORT.xlsx CASE [--mapping FILE] [--dry-run]\n"
    "  把问卷星（wjx.cn）下载的答卷 .xlsx（按文本下载或按选项序号下载）写入案例的\n"
    "  survey/responses.csv。题目按题干文字对应到 survey/questionnaire.json 的题目；\n"
    "  不能确定时写出 survey/问卷星对应.csv 供核对，核对后用 --mapping 该文件 重新导入。\n"
    "  --dry-run 只检查并报告份数，不写文件。说明：docs/survey.md。\n";
const char kMappingName[] = "问卷星对应.csv";

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

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
    WjxColumn c{col, header, "", "", true};
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
    out += ColumnName(c.col) + "," + CsvField(c.header) + "," + CsvField(c.target) + "," +
           CsvField(c.suggestion) + "\n";
  return out;
}

}  // namespace

int RunSurveyImport(const Args& args) {
  std::vector<std::string> positional;
  std::string mapping;
  bool dry_run = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kImportUsage, stdout);
      return 0;
    } else if (args[i] == "--dry-run") {
      dry_run = true;
    } else if (args[i] == "--mapping" && i + 1 < args.size()) {
      mapping = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "未知选项“%s”。\n%s", args[i].c_str(), kImportUsage);
      return 2;
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) {
    std::fputs(kImportUsage, stderr);
    return 2;
  }
  const std::string& export_file = positional[0];
  const std::string case_dir = positional[1];
  const std::string survey_dir = case_dir + "/survey";
  const std::string qfile = survey_dir + "/questionnaire.json";
  Diagnostics diags;
  if (!IsInside(survey_dir, case_dir)) {
    diags.Error("survey.import.outside", {survey_dir, 0, 0, ""},
                "survey 指向案例目录之外（符号链接）：请改为案例内的普通文件夹");
    PrintDiagnostics(diags);
    return 1;
  }
  if (!IsRegularFile(qfile)) {
    diags.Error("survey.import.questionnaire", {qfile, 0, 0, ""},
                "案例没有问卷题目文件：请先按 docs/survey.md 写好 survey/questionnaire.json");
    PrintDiagnostics(diags);
    return 1;
  }
  Questionnaire q;
  LoadQuestionnaire(qfile, q, diags);
  if (diags.HasErrors() || q.questions.empty()) {
    if (!diags.HasErrors())
      diags.Error("survey.import.questionnaire", {qfile, 0, 0, ""}, "问卷没有题目");
    PrintDiagnostics(diags);
    return 1;
  }
  std::vector<std::string> groups = CaseGroups(survey_dir + "/responses.csv", q);

  XlsxWorkbook book;
  try {
    book = ReadXlsxFile(export_file);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    PrintDiagnostics(diags);
    return 1;
  }
  if (book.sheets.empty()) {
    diags.Error("survey.import.sheet", {export_file, 0, 0, ""}, "导出文件中没有工作表");
    PrintDiagnostics(diags);
    return 1;
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
    PrintDiagnostics(diags);
    return 1;
  }
  if (WjxAnswerRows(sheet).empty()) {
    diags.Error("survey.import.empty", CellLocation(export_file, sheet.name, 2, 1),
                "导出中没有答卷（第 2 行起为空）：请在问卷星确认已有答卷后重新下载");
    PrintDiagnostics(diags);
    return 1;
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
    bool all_certain = true;
    for (const auto& c : columns)
      if (!c.certain) {
        all_certain = false;
        diags.Error("survey.import.unmapped", CellLocation(export_file, sheet.name, 1, c.col),
                    "表头“" + c.header + "”不能确定对应问卷的哪一题" +
                        (c.suggestion.empty() ? std::string() : "（可能是 " + c.suggestion + "）") +
                        "：请在对应表中填写题目编号，不导入填 -");
      }
    if (!all_certain) {
      std::string target = survey_dir + "/" + kMappingName;
      if (!dry_run &&
          WriteFilesAtomically(survey_dir, {{kMappingName, MappingCsv(columns)}}, diags))
        std::fprintf(stderr,
                     "已写出对应表 %s：请核对“题目”列后运行 jixiao survey import %s %s --mapping "
                     "%s\n",
                     target.c_str(), export_file.c_str(), case_dir.c_str(), target.c_str());
      PrintDiagnostics(diags);
      return 1;
    }
  }
  std::set<std::string> covered;
  for (const auto& c : columns) covered.insert(c.target);
  for (const auto& question : q.questions)
    if (!covered.count(question.id))
      diags.Error("survey.import.question", CellLocation(export_file, sheet.name, 1, 1),
                  "问卷题目 " + question.id + "（" + question.text +
                      "）在导出中没有对应的列：请核对导出是否来自这份问卷");
  if (diags.HasErrors()) {
    PrintDiagnostics(diags);
    return 1;
  }
  WjxImport result = ReadWjxAnswers(book, sheet, columns, q, diags);
  if (diags.HasErrors()) {
    PrintDiagnostics(diags);
    return 1;
  }
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
  if (!dry_run && !WriteFilesAtomically(survey_dir, {{"responses.csv", csv}}, diags)) {
    PrintDiagnostics(diags);
    return 1;
  }
  PrintDiagnostics(diags);
  std::printf("%s答卷 %d 份，有效 %d 份。\n", dry_run ? "（试运行，未写文件）" : "",
              result.respondents, result.valid);
  for (const auto& question : q.questions)
    std::printf("  %s %s：作答 %d 份\n", question.id.c_str(), question.text.c_str(),
                answered[question.id]);
  if (!dry_run) std::printf("%s/responses.csv\n", survey_dir.c_str());
  return 0;
}

}  // namespace jixiao::cli
