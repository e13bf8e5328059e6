#include "report/section_drafts.h"

#include <map>
#include <set>
#include <vector>

#include "core/text.h"
#include "report/context.h"
#include "report/running_text.h"

namespace jixiao::report {

const char* const kMissingMark = "\x01narrative-missing:";
const char* const kRepeatMark = "\x01narrative-repeat:";
const char* const kTodoCode = "report.todo";

namespace {
// The sections only `jixiao draft` writes (section_drafts_data.cc).
const char* const kEditorDrafts[] = {"intro", "budget_basis", "goals", "plan_completion"};
}  // namespace

std::string DataDraftTemplate(const std::string& key) {
  static const std::map<std::string, std::string> kDrafts = {
      {"scope",
       "本次评价的对象为“{{project.name}}”，主管部门为{{project.authority}}，实施单位为"
       "{{project.unit}}。评价范围为{{project.period}}项目的决策、实施、产出和效益"
       "{{#has_budget}}，涉及调整后预算{{budget.adjusted}}、实际支出{{budget.actual}}"
       "{{/has_budget}}。评价重点为{{category_labels}}等{{category_count}}方面。"},
      {"evaluation_basis",
       "本次评价依据{{basis_documents}}等文件开展，遵循科学公正、统筹兼顾、激励约束、"
       "公开透明的原则。"},
      {"plan_content", "{{#has_plan}}项目计划实施内容如下表所示。{{/has_plan}}"},
      {"other", "无。"},
      {"notes", "无。"},
  };
  auto it = kDrafts.find(key);
  return it == kDrafts.end() ? std::string() : it->second;
}

std::map<std::string, std::string> DataDrafts(const ReportInput& in) {
  kainjow::mustache::data context = BuildContext(in);
  std::map<std::string, std::string> out;
  for (const char* key : {"scope", "evaluation_basis", "plan_content", "other"}) {
    kainjow::mustache::mustache tmpl(DataDraftTemplate(key));
    tmpl.set_custom_escape([](const std::string& s) { return s; });
    std::string text = Trim(tmpl.render(context));
    if (text.empty()) text = Trim(EditorDraft(in, key));  // 计划实施内容 without plan.csv
    if (!text.empty()) out[key] = NestQuotes(text) + "\n";
  }
  for (const char* key : kEditorDrafts)
    if (std::string text = Trim(EditorDraft(in, key)); !text.empty())
      out[key] = NestQuotes(text) + "\n";
  return out;
}

bool DraftableSection(const std::string& key) {
  if (key != "notes" && !DataDraftTemplate(key).empty()) return true;
  for (const char* k : kEditorDrafts)
    if (key == k) return true;
  return false;
}

namespace {

// The JSON path of case.json where the evaluator writes what a heading lacks.
std::string WhereToWrite(const std::string& title, const std::string& key) {
  if (!key.empty()) return "$.narrative." + key;
  static const std::vector<std::pair<const char*, const char*>> kLists = {
      {"经验", "$.experiences"},
      {"主要绩效", "$.experiences"},
      {"问题", "$.problems"},
      {"建议", "$.suggestions"}};
  for (const auto& [word, where] : kLists)
    if (title.find(word) != std::string::npos) return where;
  return "$.narrative";
}

// What closes a section without being its content: a page break, the 附件：1.… list.
bool EndsSection(const doc::Block& block) {
  if (std::holds_alternative<doc::PageBreak>(block)) return true;
  auto* p = std::get_if<doc::Paragraph>(&block);
  return p && doc::PlainText(p->runs).rfind("附件：", 0) == 0;
}

// A builder's mark (never printed): a missing section (`key` = its narrative key) or a narrative
// paragraph dropped as a repeat (`repeat` = its opening, `key` untouched).
bool IsMark(const doc::Block& block, std::string* key, std::string* repeat = nullptr) {
  auto* p = std::get_if<doc::Paragraph>(&block);
  if (!p) return false;
  std::string text = doc::PlainText(p->runs);
  if (text.rfind(kRepeatMark, 0) == 0) {
    if (repeat) *repeat = text.substr(std::string(kRepeatMark).size());
    return true;
  }
  if (text.rfind(kMissingMark, 0) != 0) return false;
  if (key) *key = text.substr(std::string(kMissingMark).size());
  return true;
}

// The level of a heading-like block: a heading's own, 9 for a summary's "● 存在问题" line (every
// real heading closes it), 0 for anything else.
int HeadingLevel(const doc::Block& block, std::string* title) {
  if (auto* h = std::get_if<doc::Heading>(&block)) {
    *title = h->text;
    return h->level;
  }
  if (auto* p = std::get_if<doc::Paragraph>(&block); p && doc::LeadsIn(*p)) {
    std::string text = Trim(doc::PlainText(p->runs));
    if (text.rfind("●", 0) == 0) {
      *title = Trim(text.substr(std::string("●").size()));
      return 9;
    }
  }
  return 0;
}

// The case.json paths of the texts of `c` that hold `marker`: a narrative section, or an
// experience's, problem's or suggestion's title or text.
std::vector<std::string> MarkerSources(const Case* c, const std::string& marker) {
  std::vector<std::string> out;
  if (!c) return out;
  for (const auto& [key, text] : c->narrative)
    if (text.find(marker) != std::string::npos) out.push_back("$.narrative." + key);
  const std::pair<const char*, const std::vector<Observation>*> lists[] = {
      {"$.experiences", &c->experiences},
      {"$.problems", &c->problems},
      {"$.suggestions", &c->suggestions}};
  for (const auto& [name, list] : lists)
    for (size_t i = 0; i < list->size(); ++i) {
      const Observation& o = (*list)[i];
      const char* field = o.text.find(marker) != std::string::npos    ? "text"
                          : o.title.find(marker) != std::string::npos ? "title"
                                                                      : nullptr;
      if (field) out.push_back(std::string(name) + "[" + std::to_string(i) + "]." + field);
    }
  return out;
}

}  // namespace

void FillBareSections(doc::Document& document, const std::string& case_dir,
                      const std::string& title, Diagnostics& diags, const Case* c) {
  std::set<std::string> named;  // marker + where: the report prints some texts twice
  std::vector<doc::Block> out;
  auto& blocks = document.blocks;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (IsMark(blocks[i], nullptr)) continue;
    if (auto* p = std::get_if<doc::Paragraph>(&blocks[i])) {  // one the evaluator left (or draft)
      std::string text = doc::PlainText(p->runs);
      if (size_t at = text.find("【待补充"); at != std::string::npos) {
        size_t end = text.find("】", at);
        std::string what = text.substr(at, end == std::string::npos ? 30 : end + 3 - at);
        std::vector<std::string> sources = MarkerSources(c, what);
        if (sources.empty()) sources.push_back("");
        for (const std::string& source : sources)
          if (named.insert(what + "\n" + source).second)
            diags.Warning(kTodoCode, {case_dir + "/case.json", 0, 0, source},
                          "报告“" + what +
                              "”处尚待补充：请在叙述或 case.json 中写明后删去该标记；"
                              "定稿（report --final）前须补齐");
      }
    }
    std::string heading;
    int level = HeadingLevel(blocks[i], &heading);
    out.push_back(std::move(blocks[i]));
    if (level == 0 || heading == title || heading.rfind(title, 0) == 0) continue;
    // Its content: every block up to the next heading of its level or above.
    std::string key, repeat;
    bool content = false;
    size_t j = i + 1;
    for (; j < blocks.size(); ++j) {
      std::string next_title;
      int next = HeadingLevel(blocks[j], &next_title);
      if ((next != 0 && (next <= level || level == 9)) || EndsSection(blocks[j])) break;
      std::string mark, repeated;
      if (IsMark(blocks[j], &mark, &repeated)) {
        if (key.empty()) key = mark;
        if (repeat.empty()) repeat = repeated;
      } else {
        content = true;
        break;
      }
    }
    if (content) continue;
    std::string name = heading;
    if (EndsWith(name, "{-}")) name = Trim(name.substr(0, name.size() - 3));
    if (EndsWith(name, "：")) name = name.substr(0, name.size() - std::string("：").size());
    doc::Paragraph todo;
    todo.runs = {doc::Run{"【待补充：" + name + "】"}};
    out.push_back(std::move(todo));
    std::string where = WhereToWrite(name, key);
    const char* category = where == "$.experiences"   ? "经验"
                           : where == "$.problems"    ? "问题"
                           : where == "$.suggestions" ? "建议"
                                                      : nullptr;
    // A list section is written in the entry workbook's 经验问题建议 sheet (issue 23: the
    // evaluator need not open case.json).
    std::string how = !key.empty() ? "请撰写 narrative/" + key + ".md 并在 case.json 的这一项登记"
                      : category ? std::string("请在录入工作簿“经验问题建议”表填写（类别选“") +
                                       category + "”）或在 case.json 的这一项中撰写"
                                 : "请在 case.json 的这一项中撰写";
    if (!repeat.empty()) {  // the evaluator wrote it, but the same words stand earlier
      diags.Warning(kTodoCode, {case_dir + "/case.json", 0, 0, where},
                    "报告“" + name + "”一节所写的文字与本章前文重复（“" + repeat +
                        "…”），同一章中同一段落只印一次，已印出【待补充：" + name +
                        "】：请为本节另写内容；定稿（report --final）前须补齐");
      continue;
    }
    // 摘要's 主要绩效 prints the same 经验 as 主要经验及做法 (browser trial 2 looked for its
    // field).
    std::string same =
        name == "主要绩效"
            ? "（摘要的“主要绩效”与正文的“主要经验及做法”取自同一组经验，写一条两处都有）"
            : "";
    diags.Warning(kTodoCode, {case_dir + "/case.json", 0, 0, where},
                  "报告“" + name + "”一节没有内容，已印出【待补充：" + name + "】：" + how + same +
                      "；定稿（report --final）前须补齐");
  }
  blocks = std::move(out);
}

}  // namespace jixiao::report
