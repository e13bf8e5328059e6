// Attachments (附件) of a case and the references the text makes to them (docs/case-format.md).
// A case's attachments/ folder holds files named by number and title, "附件2-1
// 访谈情况分析报告.md": a Markdown file is appended after the report as a section, any other
// accepted file (PDF, DOCX…) is an external document listed with “（另附）” and copied beside the
// report. Contract: pure functions on text; numbers are normalised to ASCII digits joined by "-"
// ("2-1"), so 附件２－１, 附件 2-1 and 附件2—1 name the same attachment; no I/O here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

struct Attachment {
  std::string number;  // "2-1"
  std::string title;   // "访谈情况分析报告"
  std::string file;    // where it was read: CASE/attachments/附件2-1 访谈情况分析报告.md
  std::string extension;  // ".md", ".pdf" (lower case)
  bool external = false;  // not appended: listed as （另附） and copied beside the report
  std::string text;       // an appended attachment's markup (narrative markup, UTF-8)
  std::string bytes;      // an external attachment's contents
};

// "附件2-1 访谈情况分析报告.md" → {"2-1", "访谈情况分析报告", ".md"}. Blanks may follow 附件; the
// number may be followed by a space, "、", "：", ":", "_", "-" or "." before the title; nullopt
// when the name does not have the form 附件<number><separator><title>.<extension>.
struct AttachmentName {
  std::string number, title, extension;
};
std::optional<AttachmentName> ParseAttachmentFileName(std::string_view name);

// Extensions accepted for external attachments (.pdf .docx .doc .xlsx .xls .ofd .wps .txt .png
// .jpg .jpeg .zip); ".md" is the appended kind.
bool IsExternalAttachmentExtension(std::string_view extension);

// One “附件N” in a text: its 1-based line, the number, and the title written after a colon
// (“见附件2-2：问卷调查汇总分析报告” → title 问卷调查汇总分析报告), empty when none is written.
struct AttachmentReference {
  int line = 0;
  std::string number, title;
  std::string written;  // as it stands in the text, "附件 2-1"
};
std::vector<AttachmentReference> FindAttachmentReferences(std::string_view text);

// `text` with each reference written in digits respelled “附件6-1” (“附件 6-1”, “附件６－１”,
// “附件6—1” → “附件6-1”); references in Chinese numerals (附件一) stay as written.
std::string CanonicalAttachmentReferences(std::string_view text);

// Number order: 2-1 < 2-2 < 6-1 < 10 (component by component, numerically).
bool AttachmentNumberLess(const std::string& a, const std::string& b);

// Titles that name a generated attachment: the 问卷调查汇总分析报告 (a title containing 问卷) and
// the 指标体系及评分表 (containing 评分表 or 指标体系).
bool NamesSurveyReport(std::string_view title);
bool NamesScoringSheet(std::string_view title);

}  // namespace jixiao
