#include "app/report_files.h"

#include <algorithm>
#include <cstdio>

#include "app/attachment_check.h"
#include "app/cover_check.h"
#include "app/docx_styles.h"
#include "app/narrative_check.h"
#include "app/office.h"
#include "core/temp_files.h"
#include "core/text.h"
#include "render/render.h"
#include "report/attachments.h"
#include "report/builder.h"
#include "report/narrative_figures.h"
#include "report/section_drafts.h"
#include "report/workbook_builder.h"

namespace jixiao {

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> kFormats = {"docx", "html", "md", "xlsx", "pdf"};
  return kFormats;
}

void DiscardStaged(const std::vector<OutputFile>& files) {
  for (const auto& f : files)
    if (!f.staged.empty()) {
      std::remove(f.staged.c_str());
      temp::Unregister(f.staged);
    }
}

namespace {

// Writes one document in the requested text formats; xlsx is the caller's.
bool Wants(const std::vector<std::string>& formats, const char* format) {
  return std::find(formats.begin(), formats.end(), format) != formats.end();
}

// The headings the DOCX TOC lists, in order (render/docx.cc: levels 1–2 except 目录).
std::vector<std::string> TocHeadings(const doc::Document& document) {
  std::vector<std::string> out;
  for (const auto& block : document.blocks)
    if (auto* h = std::get_if<doc::Heading>(&block); h && doc::ListedInToc(document, *h))
      out.push_back(h->text);
  return out;
}

// LibreOffice lays out about 1 MiB of text in 18 s; past this the TOC's page numbers are left to
// Word (F9) rather than making a long attachment cost minutes (issue 19).
constexpr size_t kTocLayoutBytes = 1 << 20;

size_t ParagraphBytes(const doc::Document& document) {
  size_t bytes = 0;
  for (const auto& block : document.blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&block))
      for (const auto& run : p->runs) bytes += run.text.size();
    else if (auto* l = std::get_if<doc::List>(&block))
      for (const auto& item : l->items)
        for (const auto& run : item) bytes += run.text.size();
  }
  return bytes;
}

bool RenderDocument(const doc::Document& document, const std::vector<std::string>& formats,
                    const std::string& template_dir, const std::string& base,
                    std::vector<OutputFile>& files, Diagnostics& diags,
                    const OfficeOptions& office) {
  for (const auto& f : formats) {
    if (f == "md") files.push_back({base + ".md", render::ToMarkdown(document)});
    if (f == "html") files.push_back({base + ".html", render::ToHtml(document)});
    if (f == "docx" || (f == "pdf" && !Wants(formats, "docx"))) {
      // A template directory may carry its own reference styles; else the shipped one is used.
      auto styles = ReadDocxStyles(template_dir, diags);
      if (!styles) return false;
      std::string docx = render::ToDocx(document, *styles);
      // One LibreOffice layout gives each heading its page: the TOC's cached page numbers.
      bool want_pdf = Wants(formats, "pdf");
      bool toc_pages = office.toc_pages && OfficeBinary();
      if (toc_pages && !want_pdf && ParagraphBytes(document) > kTocLayoutBytes) {
        toc_pages = false;
        diags.Warning("report.toc_pages", {base + ".docx", 0, 0, ""},
                      "报告正文超过 1 MiB（多为很长的附件），未调用 LibreOffice 排版写目录页码："
                      "在 Word 中打开后按 F9 更新目录即可");
      }
      if (want_pdf || toc_pages) {
        Diagnostics first_pass;
        if (auto pdf = DocxToPdf(docx, office.scratch_dir, want_pdf ? diags : first_pass)) {
          auto pages = HeadingPages(*pdf, TocHeadings(document), office.scratch_dir);
          if (!pages.empty()) docx = render::ToDocx(document, *styles, pages);
          if (want_pdf) {
            auto final_pdf = pages.empty() ? pdf : DocxToPdf(docx, office.scratch_dir, diags);
            if (!final_pdf) return false;
            files.push_back({base + ".pdf", *final_pdf});
          }
        } else if (want_pdf) {
          return false;
        }
      }
      if (f == "docx") files.push_back({base + ".docx", docx});
    }
  }
  return true;
}

bool KnownFormats(const std::vector<std::string>& formats, Diagnostics& diags) {
  for (const auto& f : formats) {
    if (std::find(ReportFormats().begin(), ReportFormats().end(), f) == ReportFormats().end()) {
      diags.Error("report.format", {"--formats", 0, 0, f},
                  "未知的报告格式“" + f + "”，可用：docx、html、md、xlsx、pdf");
      return false;
    }
  }
  return true;
}

}  // namespace

size_t ListReportTodo(const Evaluation& e, Diagnostics& diags) {
  Diagnostics built;  // the report's other warnings belong to `report`, not to `validate`
  report::ReportInput input{*e.framework, e.c, e.card};
  report::BuildReport(input, report::DefaultTemplateDir(), built);
  size_t n = 0;
  for (const auto& d : built.items())
    if (d.code == report::kTodoCode) {
      diags.Add(d.severity, d.code, d.where, d.message);
      ++n;
    }
  return n;
}

bool FinalReportReady(const std::string& case_dir, Diagnostics& diags) {
  std::vector<std::string> where;
  for (const auto& d : diags.items())
    if (d.code == report::kTodoCode) {  // the section's name, as the warning quotes it
      size_t from = d.message.find("“"), to = d.message.find("”");
      where.push_back(from < to && to != std::string::npos
                          ? d.message.substr(from + 3, to - from - 3)
                          : d.where.path);
    }
  std::vector<std::string> wrong;  // the total score or grade the narrative misstates
  for (const auto& d : diags.items())
    if (d.code == report::kScoreCode) wrong.push_back(d.message);
  if (!wrong.empty())
    diags.Error("report.final_score", {case_dir + "/case.json", 0, 0, ""},
                "定稿报告的叙述与评分结果不一致：" + std::to_string(wrong.size()) +
                    "处写错了总得分或绩效等级（见上面的警告）；请改正叙述后再运行 jixiao report "
                    "--final，或去掉 --final 生成草稿");
  bool placeholder = false;  // a cover field that is still （示例） or a generic noun
  for (const auto& d : diags.items()) placeholder = placeholder || d.code == kCoverPlaceholderCode;
  if (placeholder)
    diags.Error("report.final_cover", {case_dir + "/case.json", 0, 0, "$.project"},
                "定稿报告的封面仍有占位文字（见上面的警告）；请在 case.json 的 project "
                "中写明评价机构、主评人等的实际名称后再运行 jixiao report --final，"
                "或去掉 --final 生成草稿");
  if (where.empty()) return wrong.empty() && !placeholder;
  std::string names;
  for (const auto& w : where) names += (names.empty() ? "" : "、") + w;
  diags.Error("report.final_todo", {case_dir + "/case.json", 0, 0, ""},
              "定稿报告不能留有【待补充】：尚有" + std::to_string(where.size()) + "处（" + names +
                  "），见上面各条警告；请补写这些内容后再运行 jixiao report --final，"
                  "或去掉 --final 生成草稿");
  return false;
}

std::optional<std::vector<OutputFile>> RenderReport(const Evaluation& e,
                                                    const std::vector<std::string>& formats,
                                                    const std::string& template_dir,
                                                    Diagnostics& diags, const OfficeOptions& office,
                                                    const report::CheckPlaces& places) {
  if (!KnownFormats(formats, diags)) return std::nullopt;
  // 附件 as printed: numbered without a gap (validate names the gap in the case's own numbers).
  const Case printed = report::WithGaplessAttachmentNumbers(e.c);
  report::ReportInput input{*e.framework, printed, e.card};
  auto document = report::BuildReport(input, template_dir, diags);
  if (!document) return std::nullopt;
  CheckAttachmentReferences(e.c.dir, e.c, diags);  // a dangling 附件 reference is never silent
  LintNarrativeFigures(e, diags);  // a narrative figure the data contradicts is never silent
  std::vector<OutputFile> files;
  for (const auto& f : formats)
    if (f == "xlsx")
      files.push_back(
          {"scoring.xlsx", render::ToXlsx(report::BuildScoringWorkbook(input, places))});
  if (!RenderDocument(*document, formats, template_dir, "report", files, diags, office))
    return std::nullopt;
  // External attachments (另附) go beside the report under a safe name of their own.
  bool wrote_report =
      std::any_of(formats.begin(), formats.end(), [](const std::string& f) { return f != "xlsx"; });
  for (const auto& a : printed.attachments)
    if (a.external && wrote_report)
      files.push_back({SafeFileName("附件" + a.number + " " + a.title) + a.extension, a.bytes});
  return files;
}

std::optional<std::vector<OutputFile>> RenderSurveyAppendix(const Evaluation& e,
                                                            const std::vector<std::string>& formats,
                                                            const std::string& template_dir,
                                                            Diagnostics& diags,
                                                            const OfficeOptions& office) {
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
  if (!RenderDocument(*document, formats, template_dir, "survey", files, diags, office))
    return std::nullopt;
  return files;
}

}  // namespace jixiao
