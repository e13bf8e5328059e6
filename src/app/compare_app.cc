#include "app/compare_app.h"

#include <map>

#include "compare/comparison.h"
#include "core/text.h"
#include "render/render.h"
#include "report/builder.h"
#include "report/compare_report.h"

namespace jixiao {

std::optional<std::vector<OutputFile>> CompareCases(const std::vector<std::string>& dirs,
                                                    const std::vector<std::string>& formats,
                                                    const std::string& template_dir,
                                                    Diagnostics& diags,
                                                    const std::vector<std::string>* names) {
  FrameworkCache cache;
  std::vector<Evaluation> evaluations;
  evaluations.reserve(dirs.size());
  bool ok = true;
  for (const auto& dir : dirs) {
    auto e = EvaluateCaseDir(dir, diags, &cache);
    if (e && names && names->size() == dirs.size())
      e->c.id = e->card.case_id = (*names)[evaluations.size()];
    if (e)
      evaluations.push_back(std::move(*e));
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  // Every output names a case by its id: two folders with one id could not be told apart.
  std::map<std::string, const Evaluation*> by_id;
  size_t errors_before = diags.ErrorCount();
  for (const auto& e : evaluations) {
    auto [it, fresh] = by_id.emplace(e.c.id, &e);
    if (!fresh)
      diags.Error(
          "compare.duplicate_id", {e.c.dir + "/case.json", 0, 0, "$.id"},
          "案例编号“" + e.c.id + "”重复：" + it->second->c.dir + " 和 " + e.c.dir +
              " 是同一编号，汇总表无法区分两者；请在 case.json 的 id 中给每个案例不同的编号");
  }
  if (diags.ErrorCount() != errors_before) return std::nullopt;
  std::vector<compare::CaseRef> refs;
  for (const auto& e : evaluations) refs.push_back({e.framework.get(), &e.c, &e.card});
  return RenderComparison(compare::Compare(refs), formats, template_dir, diags);
}

std::optional<std::vector<OutputFile>> RenderComparison(
    const compare::Comparison& cmp, const std::vector<std::string>& formats,
    const std::string& template_dir, Diagnostics& diags,
    const std::function<void(doc::Workbook&)>& stream_rows) {
  std::vector<OutputFile> files;
  std::optional<doc::Document> document;
  auto fail = [&]() -> std::optional<std::vector<OutputFile>> {
    DiscardStaged(files);
    return std::nullopt;
  };
  for (const auto& f : formats) {
    if (f == "xlsx") {
      doc::Workbook book = report::BuildCompareWorkbook(cmp);
      if (!stream_rows) {
        files.push_back({"compare.xlsx", render::ToXlsx(book)});
        continue;
      }
      stream_rows(book);  // rows from the store's cursor to the file, not to memory
      files.push_back({"compare.xlsx", "", render::ToXlsxFile(book)});
      continue;
    }
    if (f != "docx" && f != "html" && f != "md") {
      diags.Error("compare.format", {"--formats", 0, 0, f},
                  "未知格式“" + f + "”，可用：xlsx、docx、html、md");
      return fail();
    }
    if (!document) document = report::BuildCompareDocument(cmp, template_dir, diags);
    if (!document) return fail();
    if (f == "md") files.push_back({"compare.md", render::ToMarkdown(*document)});
    if (f == "html") files.push_back({"compare.html", render::ToHtml(*document)});
    if (f == "docx") {
      auto styles = ReadFileBytes(report::DefaultTemplateDir() + "/../docx/styles.xml");
      if (!styles) {
        diags.Error("template.missing", {"templates/docx/styles.xml", 0, 0, ""},
                    "找不到 DOCX 参考样式" + report::ShippedTemplatesHint());
        return fail();
      }
      files.push_back({"compare.docx", render::ToDocx(*document, *styles)});
    }
  }
  return files;
}

}  // namespace jixiao
