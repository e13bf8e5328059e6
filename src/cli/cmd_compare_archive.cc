// jixiao compare --archive: the comparison read from the archive (SQLite or PostgreSQL). Kept apart
// from cmd_compare.cc so that the command-line binary links no database code (src/main.cc).
#include "app/archive_store.h"
#include "cli/commands.h"
#include "cli/write_files.h"

namespace jixiao::cli {

int CompareFromArchive(const std::string& archive_path, const store::DocumentFilter& filter,
                       const std::vector<std::string>& formats, const std::string& templates,
                       const std::string& out_dir, Diagnostics& diags, bool matrix) {
  auto db = OpenArchive(archive_path, diags, kReadOnceCacheKib, out_dir);
  auto files = db ? CompareArchived(*db, filter, formats, templates, diags, matrix) : std::nullopt;
  return WriteAndList(out_dir, files, diags);
}

}  // namespace jixiao::cli
