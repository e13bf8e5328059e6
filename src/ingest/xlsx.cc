// The xlsx reader: finds the workbook through the package relationships, then reads shared
// strings, styles and each sheet in workbook order.
#include "ingest/xlsx.h"

#include <filesystem>
#include <set>

#include "core/text.h"
#include "ingest/xlsx_parts.h"

namespace jixiao {

using xlsx_internal::Fail;

namespace {

std::string RelsPartOf(const std::string& part) {
  const size_t slash = part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
  return dir + "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
}

bool EndsWithType(const std::string& type, const std::string& suffix) {
  return EndsWith(type, "/" + suffix);
}

}  // namespace

XlsxWorkbook ParseXlsx(const std::string& file, const std::string& bytes,
                       const XlsxLimits& limits) {
  xlsx_internal::ZipParts zip(file, bytes, limits);
  std::string workbook_part = "xl/workbook.xml";
  if (zip.Has("_rels/.rels")) {
    for (const auto& rel :
         xlsx_internal::ParseRelationships(file, "_rels/.rels", zip.Read("_rels/.rels"), ""))
      if (EndsWithType(rel.type, "officeDocument")) workbook_part = rel.target;
  }
  if (!zip.Has(workbook_part))
    Fail(file, workbook_part, "xlsx.missing_part",
         "不是 Excel 工作簿：缺少 " + workbook_part +
             "；请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”");
  const xlsx_internal::WorkbookInfo info =
      xlsx_internal::ParseWorkbookPart(file, workbook_part, zip.Read(workbook_part));
  std::vector<xlsx_internal::Relationship> rels;
  const std::string rels_part = RelsPartOf(workbook_part);
  if (zip.Has(rels_part))
    rels = xlsx_internal::ParseRelationships(file, rels_part, zip.Read(rels_part), workbook_part);

  std::vector<std::string> shared_strings;
  std::vector<XlsxNumberStyle> styles;
  for (const auto& rel : rels) {
    if (EndsWithType(rel.type, "sharedStrings") && zip.Has(rel.target))
      shared_strings = xlsx_internal::ParseSharedStrings(file, rel.target, zip.Read(rel.target));
    if (EndsWithType(rel.type, "styles") && zip.Has(rel.target))
      styles = xlsx_internal::ParseStyles(file, rel.target, zip.Read(rel.target));
  }

  XlsxWorkbook book;
  book.file = file;
  book.date1904 = info.date1904;
  size_t cell_budget = limits.max_cells;
  std::set<std::string> names;
  for (const auto& entry : info.sheets) {
    if (entry.name.empty() || !names.insert(entry.name).second)
      Fail(file, workbook_part, "xlsx.bad_sheet_name",
           "工作表名称为空或重复（“" + entry.name + "”）；文件已损坏，请在 Excel 中重新保存");
    std::string target;
    for (const auto& rel : rels)
      if (rel.id == entry.rel_id) target = rel.target;
    if (target.empty())
      Fail(file, entry.name, "xlsx.missing_part",
           "工作表“" + entry.name +
               "”在工作簿关系中没有对应的部件；文件不完整，请在 Excel 中重新保存");
    XlsxSheet sheet;
    sheet.name = entry.name;
    if (!zip.Has(target)) {
      // A chartsheet or a dialog sheet has no cells; a missing worksheet part is an error.
      Fail(file, entry.name, "xlsx.missing_part",
           "工作表“" + entry.name + "”的部件 " + target +
               " 不存在；文件不完整，请在 Excel 中重新保存");
    }
    const xlsx_internal::SheetContext context{&file, &shared_strings, &styles, info.date1904,
                                              &cell_budget};
    xlsx_internal::ParseSheetPart(context, zip.Read(target), sheet);
    book.sheets.push_back(std::move(sheet));
  }
  return book;
}

XlsxWorkbook ReadXlsxFile(const std::string& file, const XlsxLimits& limits) {
  if (!IsRegularFile(file)) Fail(file, "", "xlsx.unreadable", "文件不存在或不是普通文件");
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (!error && size > limits.max_file_bytes)
    Fail(file, "", "xlsx.too_large",
         "文件超过 " + std::to_string(limits.max_file_bytes >> 20) + " MiB，不予读取");
  const std::optional<std::string> bytes = ReadFileBytes(file);
  if (!bytes) Fail(file, "", "xlsx.unreadable", "无法读取文件；请检查路径和权限");
  return ParseXlsx(file, *bytes, limits);
}

}  // namespace jixiao
