#include "report/builder.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_set>

#include "core/resources.h"
#include "core/text.h"
#include "document/markup.h"
#include "report/attachments.h"
#include "report/context.h"
#include "report/number_policy.h"
#include "report/pictures.h"
#include "report/running_text.h"
#include "report/section_drafts.h"
#include "report/source_refs.h"
#include "report/survey_facts.h"
#include "report/survey_report.h"
#include "report/tables.h"
#include "report/template_nesting.h"
#include "report/text_lint.h"

namespace jixiao::report {
namespace {

// The section files `list` names, each with its line there.
std::vector<std::pair<std::string, int>> SectionList(const std::string& dir,
                                                     const std::string& list, Diagnostics& diags) {
  std::string file = dir + "/" + list;
  std::string why;
  auto text = ReadFileInside(dir, list, &why);
  if (!text) {
    diags.Error("template.missing", {file, 0, 0, ""},
                "无法读取模板目录的 " + list + "（" + why +
                    "）：它须是模板目录中的普通文件，每行一个章节模板文件名，请检查 --templates "
                    "目录");
    return {};
  }
  std::vector<std::pair<std::string, int>> names;
  std::istringstream lines(*text);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    // Section files are read from the template folder only. The line is not quoted: a message
    // never echoes what a file holds (the location names the line).
    if (!IsPlainRelativePath(line) || !IsInside(dir + "/" + line, dir)) {
      diags.Error("template.path", {file, number, 1, ""},
                  "这一行的章节模板必须位于模板目录内：请只写文件名，不要用绝对路径、“..”或指向"
                  "目录外的符号链接");
      return {};
    }
    names.emplace_back(line, number);
  }
  return names;
}

doc::Cover MakeCover(const ReportInput& in) {
  const Project& p = in.c.project;
  doc::Cover cover;
  // A blank or placeholder 街镇 ("—", "无", "不适用") is not applicable: left out of the title.
  std::string town = Trim(p.town);
  for (const char* none : {"—", "——", "-", "/", "无", "不适用"})
    if (town == none) town.clear();
  cover.kicker = !p.report_title.empty()
                     ? p.report_title
                     : p.year + "年度" + p.district + town + "财政支出项目绩效评价报告";
  cover.fields = {{"项目名称", p.name},      {"项目单位", p.unit},
                  {"主管部门", p.authority}, {"委托部门", p.commissioner},
                  {"评价机构", p.evaluator}, {"主评人", p.lead}};
  cover.date = p.date;
  return cover;
}

const char* const kUnnumbered = "{-}";

// The first `chars` characters of UTF-8 `text` (never a split character).
std::string Opening(const std::string& text, size_t chars) {
  size_t at = 0;
  for (size_t n = 0; at < text.size() && n < chars; ++n) do
      ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80);
  return text.substr(0, at);
}

// A report never says the same thing twice within one chapter: an exact repeat of a paragraph is
// dropped, and so is narrative text that nearly repeats what the template already wrote (a copied
// grading paragraph). Each drop is a warning naming the text.
void DropRepeats(doc::Document& document, const std::vector<bool>& from_narrative,
                 Diagnostics& diags) {
  // Linear in the paragraphs (a 4 MB attachment of short paragraphs took 11 s when each was
  // compared with every earlier one): exact repeats are looked up in a hash set; the near-repeat
  // test runs only against the template's own paragraphs, which the template bounds.
  std::unordered_set<std::string> chapter;  // every long paragraph of this chapter
  std::vector<std::string> by_template;     // the template's long paragraphs of this chapter
  std::vector<doc::Block> kept;
  RepeatScoper scoper;  // parallel lists (①线上申请 A.…C.结算, ②线下申请 A.…C.结算) repeat items
  for (size_t i = 0; i < document.blocks.size(); ++i) {
    auto& block = document.blocks[i];
    if (auto* h = std::get_if<doc::Heading>(&block); h && h->level == 1) {
      chapter.clear();
      by_template.clear();
    }
    auto* p = std::get_if<doc::Paragraph>(&block);
    std::string text = p ? doc::PlainText(p->runs) : std::string();
    const std::string scope = scoper.Next(text);
    if (p) {
      if (text.size() >= 120) {  // 40 characters: formulaic lines may repeat
        bool narrative = i < from_narrative.size() && from_narrative[i];
        std::string key = scope + "\x1f" + text;
        bool repeat = chapter.count(key) > 0;
        for (size_t k = 0; narrative && !repeat && k < by_template.size(); ++k)
          repeat = SameParagraph(by_template[k], text);
        if (repeat) {
          diags.Warning("report.repeat", {"", 0, 0, ""},
                        "报告同一章中重复的段落已略去：“" + Opening(text, 20) + "…”");
          // A narrative paragraph leaves a mark, so a section it leaves empty says why.
          if (narrative) {
            doc::Paragraph mark;
            mark.runs = {doc::Run{kRepeatMark + Opening(text, 20)}};
            kept.push_back(std::move(mark));
          }
          continue;
        }
        if (!narrative) by_template.push_back(text);
        chapter.insert(std::move(key));
      }
    }
    kept.push_back(std::move(block));
  }
  document.blocks = std::move(kept);
}

}  // namespace

std::string DefaultTemplateDir() {
  if (const char* env = std::getenv("JIXIAO_TEMPLATES"); env && *env) return env;
  // Found at run time (core/resources.h); when missing, the installed place, so the error that
  // follows names it (cli/cmd_report adds every place looked at).
  const ResourceLookup lookup = LocateResource("templates");
  if (lookup.found()) return lookup.dir + "/report";
  std::string where = lookup.tried.empty() ? std::string("templates") : lookup.tried.front();
  const char* home = std::getenv("JIXIAO_HOME");
  for (const std::string& dir : lookup.tried)
    if (!(home && *home) && dir.find("/share/jixiao/") != std::string::npos) where = dir;
  return where + "/report";
}

std::string ShippedTemplatesHint() {
  const std::string missing = ResourceMissingMessage(LocateResource("templates"));
  return missing.empty() ? missing : "；" + missing;
}

void NumberDocument(doc::Document& document) {
  int counters[5] = {0, 0, 0, 0, 0};
  int table_in_section = 0, appendix_tables = 0, chart_in_section = 0, appendix_charts = 0;
  bool in_appendix = false;
  for (auto& block : document.blocks) {
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      if (EndsWith(h->text, kUnnumbered)) {
        h->text = Trim(h->text.substr(0, h->text.size() - std::string(kUnnumbered).size()));
        if (h->level == 1) in_appendix = h->text.rfind("附件", 0) == 0;
        continue;
      }
      ++counters[h->level];
      for (int deeper = h->level + 1; deeper <= 4; ++deeper) counters[deeper] = 0;
      if (h->level <= 2) table_in_section = chart_in_section = 0;
      if (h->level == 1) in_appendix = false;
      int n = counters[h->level];
      static const char* const kFormat[] = {"", "%s、", "（%s）", "%s.", "（%s）"};
      std::string number = h->level <= 2 ? ChineseNumber(n) : std::to_string(n);
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, kFormat[h->level], number.c_str());
      h->text = buffer + h->text;
    } else if (auto* c = std::get_if<doc::Chart>(&block); c && in_appendix) {
      c->number = "附图" + std::to_string(++appendix_charts);
    } else if (auto* c = std::get_if<doc::Chart>(&block)) {
      c->number = "图" + std::to_string(counters[1]) + "-" +
                  (counters[2] > 0 ? std::to_string(counters[2]) + "-" : "") +
                  std::to_string(++chart_in_section);
    } else if (auto* image = std::get_if<doc::Image>(&block)) {
      image->number = in_appendix ? "附图" + std::to_string(++appendix_charts)
                                  : "图" + std::to_string(counters[1]) + "-" +
                                        (counters[2] > 0 ? std::to_string(counters[2]) + "-" : "") +
                                        std::to_string(++chart_in_section);
    } else if (auto* t = std::get_if<doc::Table>(&block)) {
      if (in_appendix) {
        t->number = "附表" + std::to_string(++appendix_tables);
      } else {
        t->number = "表" + std::to_string(counters[1]) + "-" +
                    (counters[2] > 0 ? std::to_string(counters[2]) + "-" : "") +
                    std::to_string(++table_in_section);
      }
    }
  }
}

std::optional<doc::Document> BuildReport(const ReportInput& given, const std::string& dir,
                                         Diagnostics& diags, const std::string& section_list) {
  size_t errors_before = diags.ErrorCount();
  auto sections = SectionList(dir, section_list, diags);
  std::optional<SurveyStats> survey;
  auto survey_stats = [&]() -> const SurveyStats& {
    Diagnostics ignored;
    if (!survey) survey = ComputeSurvey(given.c.survey, ignored);
    return *survey;
  };
  // The survey's sample and valid responses: printed when known, else 【待补充】 (issue 22).
  // A dropped survey annex leaves no gap: the annexes after it move up (issue 22).
  const Case printed = WithGaplessAttachmentNumbers(
      WithSurveyFacts(given.c, given.c.survey.present ? &survey_stats() : nullptr));
  const ReportInput in{given.framework, printed, given.card};
  if (sections.empty()) return std::nullopt;
  kainjow::mustache::data context = BuildContext(in);
  auto generated = GeneratedAttachments(in.c);
  std::vector<std::string> attachment_list = AttachmentListItems(in.c, generated);
  context.set("survey_number", "");
  for (const auto& g : generated) {
    context.set(g.key + "_number", g.number);
    context.set(g.key + "_numbered", kainjow::mustache::data(!g.number.empty()));
  }
  context.set("has_attachment_list", kainjow::mustache::data(!attachment_list.empty()));
  bool attachments_appended = false;
  doc::Document document;
  document.title = in.c.project.name + "绩效评价报告";
  document.author = in.c.project.evaluator;  // who signs it (DOCX/PDF author)
  std::string current_file;
  std::vector<bool> from_narrative;           // per block of `document`
  std::map<std::string, std::string> placed;  // table key -> caption, for the source notes
  const doc::DirectiveHandler handler_none = [](const std::string&, const std::string&,
                                                doc::Document&) {};
  doc::DirectiveHandler handler = [&](const std::string& name, const std::string& argument,
                                      doc::Document& out) {
    if (name == "cover") {
      out.blocks.push_back(MakeCover(in));
    } else if (in.c.survey.present && name == "survey:questions") {
      AppendSurveyQuestions(survey_stats(), out);
    } else if (in.c.survey.present && name == "survey:breakdowns") {
      AppendSurveyBreakdowns(survey_stats(), out);
    } else if (in.c.survey.present && name == "survey_metrics") {
      out.blocks.push_back(SurveyMetricsTable(survey_stats()));
      placed[name] = std::get<doc::Table>(out.blocks.back()).caption;
    } else if (name.rfind("narrative:", 0) == 0 || name == "narrative") {
      std::string key = argument.empty() ? name.substr(name.find(':') + 1) : argument;
      auto it = in.c.narrative.find(key);
      if (it == in.c.narrative.end() || Trim(it->second).empty()) {
        // Nothing written: a draft from the data where it can tell, else a mark that
        // FillBareSections turns into 【待补充】 when the heading has nothing else under it.
        if (std::string draft = DataDraftTemplate(key); !draft.empty()) {
          kainjow::mustache::mustache tmpl(draft);
          tmpl.set_custom_escape([](const std::string& s) { return s; });
          doc::ParseMarkup(tmpl.render(context), handler_none, out);
        } else {
          doc::Paragraph mark;
          mark.runs = {doc::Run{kMissingMark + key}};
          out.blocks.push_back(std::move(mark));
        }
        return;
      }
      size_t first = out.blocks.size();
      doc::ParseMarkup(NormalizeFigures(it->second), handler_none, out);
      from_narrative.resize(first, false);
      from_narrative.resize(out.blocks.size(), true);
      for (size_t i = first; i < out.blocks.size(); ++i)
        if (auto* image = std::get_if<doc::Image>(&out.blocks[i]))
          LoadCasePicture(in.c.dir, {in.c.dir + "/case.json", 0, 0, "$.narrative." + key}, *image,
                          diags);
    } else if (name == "attachments:list") {
      if (!out.blocks.empty())  // the list never opens a page alone: the body's last lines go too
        if (auto* last = std::get_if<doc::Paragraph>(&out.blocks.back()))
          last->keep_with_next = true;
      for (const auto& item : attachment_list) {  // 附件：1.… one line each, as 公文 list them
        doc::Paragraph line;
        line.runs = {doc::Run{item}};
        line.keep_with_next = &item != &attachment_list.back();  // the list stays together
        out.blocks.push_back(std::move(line));
      }
    } else if (name == "attachments") {
      size_t first = out.blocks.size();
      AppendAttachmentSections(in.c, out, [&](doc::Image& image, const std::string& cited_in) {
        LoadCasePicture(in.c.dir, {cited_in, 0, 0, ""}, image, diags);
      });
      from_narrative.resize(first, false);
      from_narrative.resize(out.blocks.size(), true);
      attachments_appended = true;
    } else if (name.rfind("chart:", 0) == 0) {
      if (auto chart = BuildChart(name.substr(6), in)) {
        if (!argument.empty()) chart->caption = argument;
        out.blocks.push_back(std::move(*chart));
      } else {
        diags.Warning("template.chart", {current_file, 0, 0, "[[" + name + "]]"},
                      "模板引用的图表“" + name + "”无法生成，已略过");
      }
    } else if (auto table = BuildTable(name, in)) {
      if (!argument.empty()) table->caption = argument;
      placed[name] = table->caption;
      out.blocks.push_back(std::move(*table));
    } else {
      diags.Warning("template.table", {current_file, 0, 0, "[[table:" + name + "]]"},
                    "模板引用的表格“" + name + "”无法生成（未知表名，或案例缺少所需数据），已略过");
    }
  };
  for (const auto& [name, line] : sections) {
    current_file = dir + "/" + name;
    std::string why;
    auto text = ReadFileInside(dir, name, &why);
    if (!text) {  // located at its line: the name itself is not echoed
      diags.Error("template.missing", {dir + "/" + section_list, line, 1, ""},
                  "无法读取这一行列出的章节模板文件（" + why + "），请检查文件名");
      continue;
    }
    if (!CheckTemplateNesting(*text, current_file, diags)) continue;
    kainjow::mustache::mustache tmpl(*text);
    tmpl.set_custom_escape([](const std::string& s) { return s; });  // values arrive escaped
    if (!tmpl.is_valid()) {
      diags.Error("template.syntax", {current_file, 0, 0, ""},
                  "模板语法错误：" + tmpl.error_message());
      continue;
    }
    std::string rendered = tmpl.render(context);
    if (!tmpl.is_valid()) {
      diags.Error("template.render", {current_file, 0, 0, ""},
                  "模板渲染失败：" + tmpl.error_message());
      continue;
    }
    doc::ParseMarkup(rendered, handler, document);
  }
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  bool appended_kind = std::any_of(in.c.attachments.begin(), in.c.attachments.end(),
                                   [](const Attachment& a) { return !a.external; });
  if (!attachments_appended && appended_kind && section_list == "sections.txt") {
    diags.Warning("template.attachments", {dir + "/" + section_list, 0, 0, "[[attachments]]"},
                  "模板没有写 [[attachments]]，案例 attachments/ 中的附件已附在报告末尾");
    handler("attachments", "", document);
    if (diags.ErrorCount() != errors_before) return std::nullopt;  // a picture that leaves the case
  }
  OrderAttachmentChapters(document, from_narrative);
  KeepAttachmentSubheadingsOutOfToc(document);
  DropRepeats(document, from_narrative, diags);
  FillBareSections(document, in.c.dir, document.title, diags, &in.c);
  for (auto& block : document.blocks)  // a cell of only “—” sits centred, whatever its column's
    if (auto* table = std::get_if<doc::Table>(&block))  // alignment (表1-4-2 备注)
      for (auto& row : table->rows)
        for (auto& cell : row)
          if (cell.text == "—") cell.align = doc::Align::kCenter;
  TidyRunningText(document);
  NumberDocument(document);
  ResolveSourceRefs(document, placed);
  return document;
}

}  // namespace jixiao::report
