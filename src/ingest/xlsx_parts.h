// Internal to the xlsx reader: the zip container (Poco::Zip, decompressed in memory under caps)
// and the SAX handlers for workbook.xml, relationships, sharedStrings.xml, styles.xml and sheets.
// Contract: every failure throws InputError naming the file and the part.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/xlsx.h"

namespace Poco::Zip {
class ZipArchive;
}

namespace jixiao::xlsx_internal {

[[noreturn]] void Fail(const std::string& file, const std::string& path, const std::string& code,
                       const std::string& message);

class ZipParts {
 public:
  ZipParts(const std::string& file, const std::string& bytes, const XlsxLimits& limits);
  ~ZipParts();
  bool Has(const std::string& name) const;
  // The decompressed part; throws when absent, encrypted, corrupt or over the caps.
  std::string Read(const std::string& name);

 private:
  std::string Resolve(const std::string& name) const;  // exact, else case-insensitive match
  std::string file_;
  XlsxLimits limits_;
  size_t total_ = 0;
  std::istringstream stream_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
};

struct SheetEntry {
  std::string name;
  std::string rel_id;
};

struct WorkbookInfo {
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
};

// Each parser takes the part's text; `part` names it in messages.
WorkbookInfo ParseWorkbookPart(const std::string& file, const std::string& part,
                               const std::string& xml);
struct Relationship {
  std::string id, type, target;  // target resolved against the directory of the base part
};
std::vector<Relationship> ParseRelationships(const std::string& file, const std::string& part,
                                             const std::string& xml, const std::string& base_part);
std::vector<std::string> ParseSharedStrings(const std::string& file, const std::string& part,
                                            const std::string& xml);
// Number style of each cellXfs entry (the cell's s attribute indexes this).
std::vector<XlsxNumberStyle> ParseStyles(const std::string& file, const std::string& part,
                                         const std::string& xml);

struct SheetContext {
  const std::string* file;
  const std::vector<std::string>* shared_strings;
  const std::vector<XlsxNumberStyle>* styles;
  bool date1904;
  size_t* cell_budget;  // decremented per stored cell; exhausted -> error
};
void ParseSheetPart(const SheetContext& context, const std::string& xml, XlsxSheet& sheet);

}  // namespace jixiao::xlsx_internal
