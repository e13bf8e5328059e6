#include "app/framework_book.h"

#include "casefile/framework_sheet.h"
#include "ingest/framework_workbook.h"
#include "render/render.h"

namespace jixiao {

std::optional<std::string> FrameworkWorkbookBytes(const std::string& file,
                                                  const std::string& json_text,
                                                  Diagnostics& diags) {
  auto book = FrameworkWorkbook(file, json_text, diags);
  if (!book) return std::nullopt;
  return render::ToXlsx(*book);
}

std::optional<std::string> FrameworkJsonFromXlsx(const std::string& file, const std::string& shown,
                                                 Diagnostics& diags) {
  std::string json;
  if (!ReadFrameworkWorkbook(file, shown, diags, &json)) return std::nullopt;
  return json;
}

}  // namespace jixiao
