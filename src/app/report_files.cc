#include "app/report_files.h"

#include <algorithm>

#include "core/text.h"
#include "render/render.h"
#include "report/builder.h"
#include "report/workbook_builder.h"

namespace jixiao {

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> kFormats = {"docx", "html", "md", "xlsx"};
  return kFormats;
}

namespace {

// Writes one document in the requested text formats; xlsx is the caller's.
bool RenderDocument(const doc::Document& document, const std::vector<std::string>& formats,
                    const std::string& template_dir, const std::string& base,
                    std::vector<OutputFile>& files, Diagnostics& diags) {
  for (const auto& f : formats) {
    if (f == "md") files.push_back({base + ".md", render::ToMarkdown(document)});
    if (f == "html") files.push_back({base + ".html", render::ToHtml(document)});
    if (f == "docx") {
      // A template directory may carry its own reference styles; else the shipped one is used.
      std::string styles_file = template_dir + "/styles.xml";
      auto styles = ReadFileBytes(styles_file);
      if (!styles)
        styles = ReadFileBytes(styles_file = report::DefaultTemplateDir() + "/../docx/styles.xml");
      if (!styles) {
        diags.Error("template.missing", {styles_file, 0, 0, ""}, "找不到 DOCX 参考样式 styles.xml");
        return false;
      }
      files.push_back({base + ".docx", render::ToDocx(document, *styles)});
    }
  }
  return true;
}

bool KnownFormats(const std::vector<std::string>& formats, Diagnostics& diags) {
  for (const auto& f : formats) {
    if (std::find(ReportFormats().begin(), ReportFormats().end(), f) == ReportFormats().end()) {
      diags.Error("report.format", {"--formats", 0, 0, f},
                  "未知的报告格式“" + f + "”，可用：docx、html、md、xlsx");
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::vector<OutputFile>> RenderReport(const Evaluation& e,
                                                    const std::vector<std::string>& formats,
                                                    const std::string& template_dir,
                                                    Diagnostics& diags) {
  if (!KnownFormats(formats, diags)) return std::nullopt;
  report::ReportInput input{*e.framework, e.c, e.card};
  auto document = report::BuildReport(input, template_dir, diags);
  if (!document) return std::nullopt;
  std::vector<OutputFile> files;
  for (const auto& f : formats)
    if (f == "xlsx")
      files.push_back({"scoring.xlsx", render::ToXlsx(report::BuildScoringWorkbook(input))});
  if (!RenderDocument(*document, formats, template_dir, "report", files, diags))
    return std::nullopt;
  return files;
}

std::optional<std::vector<OutputFile>> RenderSurveyAppendix(const Evaluation& e,
                                                            const std::vector<std::string>& formats,
                                                            const std::string& template_dir,
                                                            Diagnostics& diags) {
  if (!e.c.survey.present) {
    diags.Error("survey.missing", {e.c.dir + "/survey", 0, 0, ""},
                "案例没有问卷数据：请提供 survey/questionnaire.json 和 survey/responses.csv");
    return std::nullopt;
  }
  if (!KnownFormats(formats, diags)) return std::nullopt;
  report::ReportInput input{*e.framework, e.c, e.card};
  auto document = report::BuildReport(input, template_dir, diags, "survey-sections.txt");
  if (!document) return std::nullopt;
  document->title = e.c.project.name + "问卷调查汇总分析报告";
  std::vector<OutputFile> files;
  if (!RenderDocument(*document, formats, template_dir, "survey", files, diags))
    return std::nullopt;
  return files;
}

}  // namespace jixiao
