#include "app/narrative_check.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "app/attachment_check.h"
#include "casefile/scaffold.h"
#include "core/text.h"
#include "ingest/json.h"
#include "report/builder.h"
#include "report/narrative_figures.h"
#include "report/text_lint.h"

namespace jixiao {
namespace {

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line, current;
  while (std::getline(in, line)) {
    line = Trim(line);
    if (line.empty()) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

void LintText(const std::string& text, const Location& where, Diagnostics& diags) {
  for (const auto& issue : report::LintParagraph(text))
    diags.Warning("narrative." + issue.code, where,
                  issue.message + (issue.fixable ? "（可用 jixiao tidy 修正叙述文件）" : ""));
}

}  // namespace

std::vector<std::string> NarrativeFiles(const std::string& case_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(case_dir + "/narrative", ec)) {
    if (entry.path().extension() == ".md" && IsRegularFile(entry.path().string()))
      out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> AttachmentTextFiles(const std::string& case_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  std::string folder = case_dir + "/attachments";
  if (!IsInside(folder, case_dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    auto name = ParseAttachmentFileName(entry.path().filename().string());
    std::string path = entry.path().string();
    if (name && name->extension == ".md" && IsRegularFile(path) && IsInside(path, case_dir))
      out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void LintCaseNarrative(const std::string& case_dir, const Case* loaded, Diagnostics& diags) {
  auto headings = report::TemplateHeadings(report::DefaultTemplateDir());
  auto files = NarrativeFiles(case_dir);
  size_t narrative_count = files.size();
  for (const auto& file : AttachmentTextFiles(case_dir)) files.push_back(file);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    auto text = ReadFileBytes(file);
    if (!text || !IsValidUtf8(*text)) continue;  // the loader reports the encoding
    // An attachment has headings of its own; only narrative repeats the template's.
    for (const auto& issue :
         report::LintNarrative(*text, i < narrative_count ? headings : std::vector<std::string>{}))
      diags.Add(issue.note ? Severity::kInfo : Severity::kWarning, "narrative." + issue.code,
                {file, issue.line, 0, ""},
                issue.message + (issue.fixable ? "（jixiao tidy 可自动修正）" : ""));
  }
  if (!loaded) return;
  CheckAttachmentReferences(case_dir, *loaded, diags);
  std::string json = case_dir + "/case.json";
  for (const auto& [code, f] : loaded->findings) {
    Location at{json, f.where.line, f.where.column, "$.findings." + code + ".analysis"};
    LintText(f.analysis, at, diags);
    LintText(f.summary, {json, f.where.line, f.where.column, "$.findings." + code + ".summary"},
             diags);
    for (const char* marker : {"根据评分标准", "该指标满分"})
      if (f.analysis.find(marker) != std::string::npos)
        diags.Warning("narrative.scoring_sentence", at,
                      std::string("分析文字中含有“") + marker +
                          "…”：评分句由报告模板按得分写出，请从 analysis 中删去");
  }
  const std::pair<const char*, const std::vector<Observation>*> lists[] = {
      {"experiences", &loaded->experiences},
      {"problems", &loaded->problems},
      {"suggestions", &loaded->suggestions}};
  for (const auto& [name, items] : lists)
    for (size_t i = 0; i < items->size(); ++i) {
      std::string path = std::string("$.") + name + "[" + std::to_string(i) + "]";
      LintText((*items)[i].title, {json, 0, 0, path + ".title"}, diags);
      LintText((*items)[i].text, {json, 0, 0, path + ".text"}, diags);
    }
}

std::vector<TidiedFile> TidyCase(const std::string& case_dir) {
  auto headings = report::TemplateHeadings(report::DefaultTemplateDir());
  std::vector<TidiedFile> out;
  auto files = NarrativeFiles(case_dir);
  size_t narrative_count = files.size();
  for (const auto& file : AttachmentTextFiles(case_dir)) files.push_back(file);
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    auto text = ReadFileBytes(file);
    if (!text || !IsValidUtf8(*text)) continue;
    std::string tidy =
        report::TidyNarrative(*text, i < narrative_count ? headings : std::vector<std::string>{});
    if (tidy != *text && Paragraphs(tidy) != Paragraphs(*text)) out.push_back({file, *text, tidy});
  }
  return out;
}

std::string ParagraphDiff(const TidiedFile& file) {
  auto a = Paragraphs(file.before), b = Paragraphs(file.after);
  std::set<std::string> in_a(a.begin(), a.end()), in_b(b.begin(), b.end());
  std::string out = "--- " + file.path + "\n+++ " + file.path + "（整理后）\n";
  for (const auto& p : a)
    if (!in_b.count(p)) out += "- " + p + "\n";
  for (const auto& p : b)
    if (!in_a.count(p)) out += "+ " + p + "\n";
  return out;
}

void LintNarrativeFigures(const Evaluation& e, Diagnostics& diags) {
  report::ReportInput in{*e.framework, e.c, e.card};
  auto issues = report::CheckNarrativeFigures(in);
  if (issues.empty()) return;
  const std::string json = e.c.dir + "/case.json";
  std::map<std::string, std::string> files;  // narrative key -> its file as case.json names it
  try {
    if (auto raw = ReadFileBytes(json)) {
      const JsonValue root = ParseJson(json, *raw);
      if (const JsonValue* n = root.Find("narrative"); n && n->IsObject())
        for (const auto& [key, value] : n->members)
          if (value.IsString()) files[key] = value.text;
    }
  } catch (const InputError&) {
  }
  std::map<std::string, std::string> headings;
  for (const auto& [key, heading] : NarrativeSections(report::DefaultTemplateDir()))
    if (!heading.empty() && !headings.count(key)) headings[key] = heading;
  for (const auto& issue : issues) {
    Location at{json, 0, 0, issue.section};
    std::string where;
    if (issue.section.rfind("$.", 0) != 0) {
      auto text = e.c.narrative.find(issue.section);
      int line = 1;
      if (text != e.c.narrative.end())
        line += static_cast<int>(
            std::count(text->second.begin(),
                       text->second.begin() + std::min(issue.offset, text->second.size()), '\n'));
      auto file = files.find(issue.section);
      at = file != files.end() ? Location{e.c.dir + "/narrative/" + file->second, line, 0, ""}
                               : Location{json, 0, 0, "$.narrative." + issue.section};
      auto heading = headings.find(issue.section);
      where = "叙述“" + (heading != headings.end() ? heading->second : issue.section) + "”";
    } else {
      where =
          issue.section.find("experiences") != std::string::npos ? "主要经验及做法" : "存在问题";
    }
    diags.Warning(issue.code, at, where + "：" + issue.message);
  }
}

void LintFrameworkTexts(const Framework& framework, Diagnostics& diags) {
  framework.ForEach([&](const Indicator& node) {
    for (const auto& [field, text] :
         {std::pair<const char*, const std::string*>{"评分标准", &node.criteria},
          {"指标解释", &node.explanation}}) {
      std::vector<std::string> issues;
      bool dash_range_named = false;  // LintParagraph names a dash range itself (range.dash)
      for (const auto& issue : report::LintParagraph(*text)) {
        issues.push_back(issue.message);
        dash_range_named = dash_range_named || issue.code == "range.dash";
      }
      if (!dash_range_named && report::HasDashRange(*text))
        issues.push_back("数值范围用了连接号“-”或“–”：应为“～”（如 5%～10%（含））");
      for (const auto& message : issues)
        diags.Warning("framework.text", node.where,
                      "指标 " + node.code + " 的" + field + "：" + message +
                          "（报告引用时会自动规范，建议在指标体系中改正）");
    }
  });
}

}  // namespace jixiao
