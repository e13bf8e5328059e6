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

std::optional<std::vector<OutputFile>> RenderReport(const Evaluation& e,
                                                    const std::vector<std::string>& formats,
                                                    const std::string& template_dir,
                                                    Diagnostics& diags) {
  for (const auto& f : formats) {
    if (std::find(ReportFormats().begin(), ReportFormats().end(), f) == ReportFormats().end()) {
      diags.Error("report.format", {"--formats", 0, 0, f},
                  "未知的报告格式“" + f + "”，可用：docx、html、md、xlsx");
      return std::nullopt;
    }
  }
  report::ReportInput input{*e.framework, e.c, e.card};
  auto document = report::BuildReport(input, template_dir, diags);
  if (!document) return std::nullopt;
  std::vector<OutputFile> files;
  for (const auto& f : formats) {
    if (f == "xlsx") files.push_back({"scoring.xlsx", render::ToXlsx(report::BuildScoringWorkbook(input))});
    if (f == "md") files.push_back({"report.md", render::ToMarkdown(*document)});
    if (f == "html") files.push_back({"report.html", render::ToHtml(*document)});
    if (f == "docx") {
      // A template directory may carry its own reference styles; else the shipped one is used.
      std::string styles_file = template_dir + "/styles.xml";
      auto styles = ReadFileBytes(styles_file);
      if (!styles)
        styles = ReadFileBytes(styles_file = report::DefaultTemplateDir() + "/../docx/styles.xml");
      if (!styles) {
        diags.Error("template.missing", {styles_file, 0, 0, ""}, "找不到 DOCX 参考样式 styles.xml");
        return std::nullopt;
      }
      files.push_back({"report.docx", render::ToDocx(*document, *styles)});
    }
  }
  return files;
}

}  // namespace jixiao
