#include "app/observations_app.h"

#include "app/pipeline.h"
#include "casefile/case_files.h"
#include "casefile/entry_import.h"
#include "casefile/entry_layout.h"
#include "core/text.h"
#include "ingest/case_loader.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "ingest/xlsx.h"

namespace jixiao {
namespace {

constexpr const char* kLists[3] = {"experiences", "problems", "suggestions"};
constexpr const char* kKinds[3] = {"经验", "问题", "建议"};
constexpr const char* kFields[5] = {"", "kind", "title", "text", "indicators"};

const std::vector<ObservationEdit>& List(const ObservationLists& l, int i) {
  return i == 0 ? l.experiences : i == 1 ? l.problems : l.suggestions;
}

bool Blank(const ObservationEdit& e) {
  return Trim(e.title).empty() && Trim(e.text).empty() && Trim(e.indicators).empty();
}

XlsxCell Text(const std::string& s) {
  XlsxCell c;
  if (!s.empty()) {
    c.type = XlsxCell::Type::kText;
    c.text = s;
  }
  return c;
}

}  // namespace

std::optional<ObservationLists> ReadObservations(const std::string& case_dir, Diagnostics& diags) {
  auto c = LoadCase(case_dir, diags);
  if (!c) return std::nullopt;
  ObservationLists out;
  auto copy = [](const std::vector<Observation>& from, std::vector<ObservationEdit>& to) {
    for (const auto& o : from) {
      std::string codes;
      for (const auto& code : o.indicators) codes += (codes.empty() ? "" : "，") + code;
      to.push_back({o.title, o.text, codes});
    }
  };
  copy(c->experiences, out.experiences);
  copy(c->problems, out.problems);
  copy(c->suggestions, out.suggestions);
  return out;
}

bool SaveObservations(const std::string& case_dir, const ObservationLists& lists,
                      Diagnostics& diags) {
  auto c = LoadCase(case_dir, diags);
  if (!c) return false;
  auto fw_file = FindFrameworkFile(*c);
  if (!fw_file) {
    diags.Error("case.framework_not_found", c->framework_ref_where,
                "找不到案例使用的指标体系“" + c->framework_ref + "”");
    return false;
  }
  auto framework = LoadFramework(*fw_file, diags);
  if (!framework) return false;
  const std::string json_path = case_dir + "/case.json";
  // The rows as the 经验问题建议 sheet would hold them; row r is item index[r] of list kind[r].
  XlsxWorkbook book;
  book.file = json_path;
  XlsxSheet sheet;
  sheet.name = entry::kObservations;
  const auto& columns = entry::ObservationColumns();
  for (size_t col = 0; col < columns.size(); ++col)
    sheet.cells[{1, static_cast<int>(col) + 1}] = Text(columns[col].header);
  std::vector<std::pair<int, size_t>> at = {{0, 0}, {0, 0}};  // rows 0 and 1 unused
  int row = 1;
  for (int k = 0; k < 3; ++k) {
    size_t index = 0;
    for (const auto& e : List(lists, k)) {
      if (Blank(e)) continue;
      ++row;
      sheet.cells[{row, 1}] = Text(kKinds[k]);
      sheet.cells[{row, 2}] = Text(Trim(e.title));
      sheet.cells[{row, 3}] = Text(Trim(e.text));
      sheet.cells[{row, 4}] = Text(Trim(e.indicators));
      at.push_back({k, index++});
    }
  }
  sheet.max_row = row;
  sheet.max_col = static_cast<int>(columns.size());
  book.sheets.push_back(std::move(sheet));

  JsonValue root;
  try {
    root = ReadJsonFile(json_path);
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  Diagnostics read;
  entry::ImportObservations(book, *framework, root, read);
  // Sheet cells back to the JSON path of the item the caller gave.
  for (const Diagnostic& d : read.items()) {
    Location where = d.where;
    size_t bang = where.path.find('!');
    int r = 0, col = 0;
    if (bang != std::string::npos && ParseCellRef(where.path.substr(bang + 1), r, col) && r >= 2 &&
        r < static_cast<int>(at.size()) && col >= 1 && col <= 4)
      where = {json_path, 0, 0,
               std::string("$.") + kLists[at[r].first] + "[" + std::to_string(at[r].second) + "]." +
                   kFields[col]};
    diags.Add(d.severity, d.code, where, d.message);
  }
  if (read.ErrorCount() > 0) return false;
  CaseFiles files;
  files["case.json"] = JsonText(root);
  const size_t before = diags.ErrorCount();
  try {
    WriteCaseFolder(case_dir, files, true, {}, [&](const std::string& temp) {
      Diagnostics check;
      if (LoadCase(temp, check)) return true;
      for (const Diagnostic& d : check.items())
        diags.Add(d.severity, d.code, {json_path, 0, 0, d.where.path},
                  "保存后无法作为案例读取：" + d.message);
      return false;
    });
  } catch (const InputError& e) {
    diags.Add(e.diagnostic.severity, e.diagnostic.code, e.diagnostic.where, e.diagnostic.message);
    return false;
  }
  return diags.ErrorCount() == before;
}

}  // namespace jixiao
