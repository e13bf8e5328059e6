#include "app/targets_app.h"

#include <cctype>

#include "core/half_width.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/target_rows.h"
#include "ingest/target_workbook.h"
#include "model/target_value.h"
#include "render/render.h"
#include "report/builder.h"
#include "report/target_report.h"
#include "scorecard_io/scorecard_json.h"

namespace jixiao {
namespace {

bool IsWorkbook(const std::string& file) {
  std::string lower = file;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return EndsWith(lower, ".xlsx");
}

// targets.csv in a directory, else the 申报表 workbook beside it.
std::string TableIn(const std::string& dir) {
  for (const char* name : {"targets.csv", "targets.xlsx", "申报表.xlsx", "绩效目标申报表.xlsx"})
    if (IsRegularFile(dir + "/" + name)) return dir + "/" + name;
  return dir + "/targets.csv";
}

}  // namespace

std::optional<TargetFile> LoadTargetTable(const std::string& path, Diagnostics& diags) {
  std::string file = IsDirectory(path) ? TableIn(path) : path;
  if (!IsRegularFile(file)) {
    diags.Error("targets.missing", {file, 0, 0, ""},
                "找不到绩效目标表（targets.csv 或申报表 .xlsx），请给出文件或包含它的目录");
    return std::nullopt;
  }
  size_t errors = diags.ErrorCount();
  TargetFile t;
  if (IsWorkbook(file)) {
    TargetWorkbook wb;
    if (!LoadTargetWorkbook(file, wb, diags)) return std::nullopt;
    t.grid = wb.grid;
    t.targets.present = true;
    t.targets.file = file;
    CsvCells cells(t.grid, diags);
    ReadTargetRows(t.grid, cells, t.targets, true);
    t.project = wb.project;
  } else {
    LoadTargetFile(file, t.targets, diags);
    try {
      t.grid = ReadCsvFile(file);
    } catch (const InputError&) {
      // already reported by LoadTargetFile
    }
  }
  std::string dir =
      file.find('/') == std::string::npos ? "." : file.substr(0, file.find_last_of('/'));
  if (!t.project.present && IsRegularFile(dir + "/project.json"))
    t.project = LoadTargetProject(dir + "/project.json", diags);
  if (IsRegularFile(dir + "/budget.csv")) t.budget_file = dir + "/budget.csv";
  if (diags.ErrorCount() != errors) return std::nullopt;
  return t;
}

std::vector<targets::Issue> CheckTargetTable(const TargetFile& file, const Case* budget) {
  return targets::Check({file.targets, file.project.present ? &file.project : nullptr, budget});
}

Table<TargetRow> TargetsWithUnits(const Table<TargetRow>& targets, Diagnostics* notices) {
  Table<TargetRow> out = targets;
  for (TargetRow& r : out.rows) {
    // The one full-width reading (issue 21): "≥１００个" is written "≥100" and 个, with its 提示.
    if (const HalfWidthReading wide = ReadHalfWidth(r.value); wide.changed && wide.error.empty()) {
      if (notices)
        notices->Add(Severity::kInfo, "input.half_width", {targets.file, r.line, 0, "指标值"},
                     HalfWidthNotice(Trim(r.value), Trim(wide.text)));
      r.value = Trim(wide.text);
    }
    if (!r.unit.empty()) continue;
    auto split = SplitTrailingUnit(NormalizeComparatorWords(r.value));
    if (!split) continue;
    if (notices)
      notices->Add(Severity::kInfo, "targets.unit_split", {targets.file, r.line, 0, "指标值"},
                   "“" + r.level3 + "”的指标值“" + r.value + "”含计量单位，计量单位列为空：按“" +
                       split->first + "”与计量单位“" + split->second + "”写出（原表未改）");
    r.value = split->first;
    r.unit = split->second;
  }
  return out;
}

std::string TargetIssuesJson(const std::vector<targets::Issue>& issues) {
  std::string out = "[";
  for (size_t i = 0; i < issues.size(); ++i) {
    const auto& x = issues[i];
    out += std::string(i ? ",\n " : "\n ") + "{\"rule\": " + JsonQuoted(x.rule) +
           ", \"severity\": " + JsonQuoted(SeverityName(x.severity)) +
           ", \"row\": " + std::to_string(x.row) +
           (x.file.empty() ? "" : ", \"file\": " + JsonQuoted(x.file)) +
           ", \"indicator\": " + JsonQuoted(x.indicator) +
           ", \"message\": " + JsonQuoted(x.message) +
           ", \"suggestion\": " + JsonQuoted(x.suggestion) + "}";
  }
  return out + (issues.empty() ? "]\n" : "\n]\n");
}

std::optional<std::vector<OutputFile>> RenderTargetTable(const TargetFile& file,
                                                         const std::vector<std::string>& formats,
                                                         Diagnostics& diags) {
  std::vector<OutputFile> out;
  const Table<TargetRow> targets = TargetsWithUnits(file.targets, &diags);
  doc::Document document = report::BuildTargetDocument(file.project, targets);
  for (const auto& f : formats) {
    if (f == "xlsx") {
      out.push_back(
          {"申报表.xlsx", render::ToXlsx(report::BuildTargetWorkbook(file.project, targets))});
    } else if (f == "docx") {
      auto styles = ReadFileBytes(report::DefaultTemplateDir() + "/../docx/styles.xml");
      if (!styles) {
        diags.Error("template.missing", {"templates/docx/styles.xml", 0, 0, ""},
                    "找不到 DOCX 参考样式" + report::ShippedTemplatesHint());
        return std::nullopt;
      }
      out.push_back({"申报表.docx", render::ToDocx(document, *styles)});
    } else if (f == "html") {
      out.push_back({"申报表.html", render::ToHtml(document)});
    } else if (f == "md") {
      out.push_back({"申报表.md", render::ToMarkdown(document)});
    } else {
      diags.Error("targets.format", {"--formats", 0, 0, f},
                  "未知格式“" + f + "”，可用：xlsx、docx、html、md");
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace jixiao
