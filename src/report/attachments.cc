#include "report/attachments.h"

#include <algorithm>
#include <functional>

#include "core/text.h"
#include "document/markup.h"
#include "report/number_policy.h"
#include "report/report_input.h"

namespace jixiao::report {
namespace {

const char* const kUnnumbered = " {-}";

std::string Label(const std::string& number, const std::string& title) {
  return "附件" + number + "：" + title;
}

// The number of a heading “附件2-1：…”, or "" for any other heading.
std::string ChapterNumber(const doc::Block& block) {
  auto* h = std::get_if<doc::Heading>(&block);
  if (!h || h->level != 1 || !StartsWith(h->text, "附件")) return "";
  auto refs = FindAttachmentReferences(h->text);
  return !refs.empty() && StartsWith(h->text, refs[0].written) ? refs[0].number : "";
}

// The smallest whole number no attachment takes, as itself or as the head of one (2 when 2-2 is
// taken): the number a generated attachment gets when the case numbers its attachments.
std::string FreeNumber(const std::vector<std::string>& taken) {
  for (int n = 1;; ++n) {
    std::string candidate = std::to_string(n);
    if (std::none_of(taken.begin(), taken.end(), [&](const std::string& t) {
          return t == candidate || StartsWith(t, candidate + "-");
        }))
      return candidate;
  }
}

bool IsLevel1(const doc::Block& block) {
  auto* h = std::get_if<doc::Heading>(&block);
  return h && h->level == 1;
}

}  // namespace

std::vector<std::string> CaseTexts(const Case& c) {
  std::vector<std::string> out;
  for (const auto& [key, text] : c.narrative) out.push_back(text);
  for (const auto& [code, f] : c.findings) out.push_back(f.analysis);
  for (const auto* list : {&c.experiences, &c.problems, &c.suggestions})
    for (const auto& o : *list) out.push_back(o.title + "\n" + o.text);
  for (const auto& a : c.attachments)
    if (!a.external) out.push_back(a.text);
  return out;
}

std::map<std::string, std::string> GaplessAttachmentNumbers(const Case& c) {
  std::vector<std::string> used;
  for (const auto& a : c.attachments) used.push_back(a.number);
  for (const auto& g : GeneratedAttachments(c))
    if (!g.number.empty()) used.push_back(g.number);
  std::sort(used.begin(), used.end(), AttachmentNumberLess);
  used.erase(std::unique(used.begin(), used.end()), used.end());
  auto head = [](const std::string& n) { return n.substr(0, n.find('-')); };
  std::map<std::string, std::string> out;
  int group = 0;
  for (size_t i = 0; i < used.size();) {
    size_t end = i;
    while (end < used.size() && head(used[end]) == head(used[i])) ++end;
    ++group;
    for (size_t k = i; k < end; ++k)
      out[used[k]] = std::to_string(group) + (end - i > 1 ? "-" + std::to_string(k - i + 1) : "");
    i = end;
  }
  return out;
}

namespace {

std::string Renumbered(const std::string& text, const std::map<std::string, std::string>& map) {
  std::string canonical = CanonicalAttachmentReferences(text), out;
  size_t from = 0;
  for (const auto& ref : FindAttachmentReferences(canonical)) {
    size_t at = canonical.find(ref.written, from);
    if (at == std::string::npos) continue;
    auto it = map.find(ref.number);
    bool digits = ref.written.find_first_of("0123456789") != std::string::npos;
    out += canonical.substr(from, at - from);
    out += digits && it != map.end() ? "附件" + it->second : ref.written;
    from = at + ref.written.size();
  }
  return out + canonical.substr(from);
}

}  // namespace

Case WithGaplessAttachmentNumbers(const Case& c) {
  const auto map = GaplessAttachmentNumbers(c);
  if (std::all_of(map.begin(), map.end(), [](const auto& m) { return m.first == m.second; }))
    return c;
  Case out = c;
  for (auto& [key, text] : out.narrative) text = Renumbered(text, map);
  for (auto& [code, f] : out.findings) f.analysis = Renumbered(f.analysis, map);
  for (auto* list : {&out.experiences, &out.problems, &out.suggestions})
    for (auto& o : *list) {
      o.title = Renumbered(o.title, map);
      o.text = Renumbered(o.text, map);
    }
  for (auto& a : out.attachments) {
    a.number = map.at(a.number);
    if (!a.external) a.text = Renumbered(a.text, map);
  }
  return out;
}

bool NamesGenerated(const GeneratedAttachment& g, const std::string& title) {
  return g.key == "survey" ? NamesSurveyReport(title) : NamesScoringSheet(title);
}

std::vector<GeneratedAttachment> GeneratedAttachments(const Case& c) {
  std::vector<GeneratedAttachment> out = {{"scoring", "指标体系及评分表", ""}};
  if (c.survey.present) out.push_back({"survey", "问卷调查汇总分析报告", ""});
  for (const auto& text : CaseTexts(c))
    for (const auto& ref : FindAttachmentReferences(text)) {
      bool taken = std::any_of(c.attachments.begin(), c.attachments.end(),
                               [&](const Attachment& a) { return a.number == ref.number; }) ||
                   std::any_of(out.begin(), out.end(), [&](const GeneratedAttachment& g) {
                     return g.number == ref.number;
                   });
      for (auto& g : out)
        if (!taken && g.number.empty() && NamesGenerated(g, ref.title)) {
          g.number = ref.number;
          break;
        }
    }
  // Once anything is numbered, every attachment is: an unreferenced one takes the first free
  // number (the 评分表 附件1, as published reports number it), so the list and headings agree.
  std::vector<std::string> taken;
  for (const auto& a : c.attachments) taken.push_back(a.number);
  for (const auto& g : out)
    if (!g.number.empty()) taken.push_back(g.number);
  if (taken.empty()) return out;
  for (auto& g : out)
    if (g.number.empty()) taken.push_back(g.number = FreeNumber(taken));
  return out;
}

std::vector<std::string> AttachmentListItems(const Case& c,
                                             const std::vector<GeneratedAttachment>& generated) {
  std::vector<std::pair<std::string, std::string>> items;  // number, text
  for (const auto& a : c.attachments)
    items.emplace_back(a.number, a.number + "." + a.title + (a.external ? "（另附）" : ""));
  for (const auto& g : generated)
    if (!g.number.empty()) items.emplace_back(g.number, g.number + "." + g.title);
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
    return AttachmentNumberLess(a.first, b.first);
  });
  std::vector<std::string> out;
  // A lone attachment is listed without a number, as 公文 list one (“附件：指标体系及评分表”).
  if (items.empty() && generated.size() == 1 && generated[0].number.empty())
    out.push_back("附件：" + generated[0].title);
  for (auto& item : items)  // later lines align with the first title, past “附件：”
    out.push_back((out.empty() ? "附件：" : "　　　") + std::move(item.second));
  return out;
}

void AppendAttachmentSections(
    const Case& c, doc::Document& out,
    const std::function<void(doc::Image&, const std::string& cited_in)>& load_image) {
  for (const auto& a : c.attachments) {
    if (a.external) continue;
    out.blocks.push_back(doc::PageBreak{});
    out.blocks.push_back(doc::Heading{1, Label(a.number, a.title) + kUnnumbered});
    size_t first = out.blocks.size();
    doc::ParseMarkup(
        NormalizeFigures(a.text), [](const std::string&, const std::string&, doc::Document&) {},
        out);
    // Its top headings read 一、二、… as the report's chapters do, unless the text numbers them.
    std::vector<doc::Heading*> top;
    bool numbered = false;
    for (size_t i = first; i < out.blocks.size(); ++i)
      if (auto* h = std::get_if<doc::Heading>(&out.blocks[i]); h && h->level == 1) {
        top.push_back(h);
        numbered = numbered || h->text.find("、") != std::string::npos;
      }
    for (size_t k = 0; !numbered && k < top.size(); ++k)
      top[k]->text = ChineseNumber(static_cast<int>(k) + 1) + "、" + top[k]->text;
    for (size_t i = first; i < out.blocks.size(); ++i) {
      if (auto* h = std::get_if<doc::Heading>(&out.blocks[i])) {
        h->level = std::min(h->level + 1, 4);
        if (!EndsWith(h->text, "{-}")) h->text += kUnnumbered;
      } else if (auto* image = std::get_if<doc::Image>(&out.blocks[i])) {
        load_image(*image, a.file);
      }
    }
  }
}

void KeepAttachmentSubheadingsOutOfToc(doc::Document& document) {
  bool in_attachment = false;
  for (auto& block : document.blocks)
    if (auto* h = std::get_if<doc::Heading>(&block)) {
      if (h->level == 1)
        in_attachment = !ChapterNumber(block).empty();
      else if (in_attachment)
        h->in_toc = false;
    }
}

void OrderAttachmentChapters(doc::Document& document, std::vector<bool>& tags) {
  auto& blocks = document.blocks;
  tags.resize(blocks.size(), false);
  // Chapter starts: each level-1 heading, or the page break right before it.
  std::vector<size_t> starts;
  for (size_t i = 0; i < blocks.size(); ++i)
    if (IsLevel1(blocks[i]))
      starts.push_back(i > 0 && std::holds_alternative<doc::PageBreak>(blocks[i - 1]) ? i - 1 : i);
  struct Chapter {
    std::string number;
    size_t begin, end;
  };
  std::vector<Chapter> chapters;
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t heading =
        std::holds_alternative<doc::PageBreak>(blocks[starts[k]]) ? starts[k] + 1 : starts[k];
    size_t end = k + 1 < starts.size() ? starts[k + 1] : blocks.size();
    std::string number = ChapterNumber(blocks[heading]);
    if (!number.empty()) chapters.push_back({number, starts[k], end});
  }
  if (chapters.size() < 2) return;
  auto sorted = chapters;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Chapter& a, const Chapter& b) {
    return AttachmentNumberLess(a.number, b.number);
  });
  bool same = true;
  for (size_t k = 0; k < chapters.size(); ++k) same = same && sorted[k].begin == chapters[k].begin;
  if (same) return;
  // Take the numbered chapters out and put them back, sorted, where the first one stood.
  std::vector<doc::Block> kept, moved;
  std::vector<bool> kept_tags, moved_tags;
  for (const auto& ch : sorted)
    for (size_t i = ch.begin; i < ch.end; ++i) {
      moved.push_back(std::move(blocks[i]));
      moved_tags.push_back(tags[i]);
    }
  size_t insert_at = 0;
  for (size_t i = 0, k = 0; i < blocks.size(); ++i) {
    while (k < chapters.size() && i >= chapters[k].end) ++k;
    bool inside = k < chapters.size() && i >= chapters[k].begin;
    if (i == chapters[0].begin) insert_at = kept.size();
    if (inside) continue;
    kept.push_back(std::move(blocks[i]));
    kept_tags.push_back(tags[i]);
  }
  kept.insert(kept.begin() + insert_at, std::make_move_iterator(moved.begin()),
              std::make_move_iterator(moved.end()));
  kept_tags.insert(kept_tags.begin() + insert_at, moved_tags.begin(), moved_tags.end());
  blocks = std::move(kept);
  tags = std::move(kept_tags);
}

}  // namespace jixiao::report
