// The SQLite archive of scored evaluations (Poco::Data::SQLite), for comparisons across towns,
// projects and years. Schema carries a version and migrations; each add is one transaction;
// each case stores its scorecard (the score --json contract), grade bands, problems and a
// SHA-256 digest of its inputs, so adding a changed case again is detected.
// Contract: methods report problems to `diags` (located at the archive file) and never throw.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "scoring/evaluation.h"

namespace jixiao::archive {

// Default location: $JIXIAO_ARCHIVE, else ~/.local/share/jixiao/archive.db.
std::string DefaultPath();

struct Entry {
  std::string id, digest, town, project, year, framework, framework_title, grade, added_at;
  Score total;
  std::string scorecard_json, grades_json, problems_json;
};

enum class AddResult { kAdded, kUnchanged, kUpdated };

class Archive {
 public:
  static std::unique_ptr<Archive> Open(const std::string& path, Diagnostics& diags);
  ~Archive();
  int SchemaVersion();
  std::optional<AddResult> Add(const Evaluation& e, const std::string& digest, Diagnostics& diags);
  std::vector<Entry> List(const std::string& year, const std::string& framework,
                          Diagnostics& diags);
  std::optional<Entry> Get(const std::string& id, Diagnostics& diags);
  bool Remove(const std::string& id, Diagnostics& diags);

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  static std::unique_ptr<Archive> OpenOnce(const std::string& path, Diagnostics& diags);
  std::unique_ptr<Impl> impl_;
};

// SHA-256 over the case directory's files (names and bytes, sorted) and the framework file.
std::string DigestInputs(const Evaluation& e);

}  // namespace jixiao::archive
