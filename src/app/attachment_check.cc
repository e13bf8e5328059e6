#include "app/attachment_check.h"

#include <algorithm>
#include <set>

#include "app/narrative_check.h"
#include "core/text.h"
#include "report/attachments.h"

namespace jixiao {
namespace {

struct CitingText {
  std::string text;
  Location where;                 // the file, and the JSON path for case.json texts
  bool by_line = false;           // a file whose reference lines are real lines
  std::string attachment_number;  // the text is that attachment's own file
};

std::string Bare(std::string title) {
  for (const char* mark : {"《", "》", "“", "”"}) {
    for (size_t at; (at = title.find(mark)) != std::string::npos;)
      title.erase(at, std::string(mark).size());
  }
  return Trim(title);
}

std::vector<CitingText> Texts(const std::string& case_dir, const Case& c) {
  std::vector<CitingText> out;
  for (const auto& file : NarrativeFiles(case_dir)) {
    auto text = ReadFileBytes(file);
    if (text && IsValidUtf8(*text)) out.push_back({*text, {file, 0, 0, ""}, true, ""});
  }
  std::string json = case_dir + "/case.json";
  for (const auto& [code, f] : c.findings)
    out.push_back({f.analysis,
                   {json, f.where.line, f.where.column, "$.findings." + code + ".analysis"},
                   false,
                   ""});
  const std::pair<const char*, const std::vector<Observation>*> lists[] = {
      {"experiences", &c.experiences}, {"problems", &c.problems}, {"suggestions", &c.suggestions}};
  for (const auto& [name, items] : lists)
    for (size_t i = 0; i < items->size(); ++i) {
      std::string path = std::string("$.") + name + "[" + std::to_string(i) + "]";
      out.push_back({(*items)[i].title, {json, 0, 0, path + ".title"}, false, ""});
      out.push_back({(*items)[i].text, {json, 0, 0, path + ".text"}, false, ""});
    }
  for (const auto& a : c.attachments)
    if (!a.external) out.push_back({a.text, {a.file, 0, 0, ""}, true, a.number});
  return out;
}

}  // namespace

void CheckAttachmentReferences(const std::string& case_dir, const Case& c, Diagnostics& diags) {
  auto generated = report::GeneratedAttachments(c);
  std::set<std::string> cited;
  for (const auto& source : Texts(case_dir, c)) {
    for (const auto& ref : FindAttachmentReferences(source.text)) {
      Location at = source.where;
      if (source.by_line) at.line = ref.line;
      if (ref.number != source.attachment_number) cited.insert(ref.number);
      auto file = std::find_if(c.attachments.begin(), c.attachments.end(),
                               [&](const Attachment& a) { return a.number == ref.number; });
      if (file != c.attachments.end()) {
        if (!ref.title.empty() && Bare(ref.title) != Bare(file->title))
          diags.Warning("narrative.attachment_title", at,
                        "引用写的标题“" + ref.title + "”与附件" + ref.number + "的文件标题“" +
                            file->title + "”不一致：请统一两处的写法");
        continue;
      }
      auto built = std::find_if(generated.begin(), generated.end(),
                                [&](const auto& g) { return g.number == ref.number; });
      if (built != generated.end()) {
        if (!ref.title.empty() && !report::NamesGenerated(*built, ref.title))
          diags.Warning("narrative.attachment_title", at,
                        "附件" + ref.number + "是报告生成的" + built->title + "，引用却写作“" +
                            ref.title + "”：请统一两处的写法");
        continue;
      }
      std::string message = "引用了“" + ref.written + "”，但案例没有附件" + ref.number +
                            "：请把它放进 attachments/ 目录（随报告附上的正文写成“附件" +
                            ref.number + " 标题.md”，另附的文件如“附件" + ref.number +
                            " 标题.pdf”），或删去这处引用";
      for (const auto& g : generated) {
        if (g.key == "survey" && g.number.empty() && ref.title.empty())  // the 评分表 always is
          message +=
              "；若指报告生成的" + g.title + "，请写成“附件" + ref.number + "：" + g.title + "”";
        else if (!g.number.empty() && report::NamesGenerated(g, ref.title))
          message += "；" + g.title + "已编为附件" + g.number + "，请统一编号";
      }
      diags.Warning("narrative.attachment_dangling", at, message);
    }
  }
  // A gap in the numbers (附件2-2 with no 附件2-1): the report prints them renumbered.
  const auto numbers = report::GaplessAttachmentNumbers(c);
  std::vector<std::string> moved;
  for (const auto& [was, printed] : numbers)
    if (was != printed) moved.push_back(was);
  std::sort(moved.begin(), moved.end(), AttachmentNumberLess);
  std::string renumbered;
  for (const auto& was : moved)
    renumbered += (renumbered.empty() ? "附件" : "、附件") + was + "印作附件" + numbers.at(was);
  if (!renumbered.empty())
    diags.Warning("case.attachment_gap", {c.dir + "/attachments", 0, 0, ""},
                  "附件编号不连续（编号应从1起依次排列，N-2之前应有N-1）：报告中" + renumbered +
                      "；请按报告的编号重命名附件文件并修改正文中的引用");
  for (const auto& a : c.attachments) {
    Location at{a.file, 0, 0, ""};
    if (!cited.count(a.number))
      diags.Warning("case.attachment_unreferenced", at,
                    "附件" + a.number + "没有被报告正文引用：请在叙述中写明出处（如“见附件" +
                        a.number + "：" + a.title + "”），或删除该文件");
    for (const auto& g : generated)
      if (!a.external && report::NamesGenerated(g, a.title))
        diags.Warning("case.attachment_generated", at,
                      "报告已根据案例数据生成" + g.title + "，本附件与之重复：请删除本文件，" +
                          "并在正文中写“见附件" + a.number + "：" + g.title + "”引用生成的附件");
  }
}

}  // namespace jixiao
