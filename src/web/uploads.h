// The catalog of what the admin manages beside the shipped files: regions, and uploaded
// indicator frameworks and 自评 rule sets. Each is a versioned document of the store (kinds
// "region", "framework", "selfeval-rules"; no schema change): a framework's JSON is its
// version's content, its id and kind in the result field, "停用" in grade when disabled.
// Contract: uploads are validated by the same loaders as the CLI before anything is stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "web/db.h"

namespace jixiao::web {

inline constexpr char kDisabled[] = "停用";
inline constexpr char kUploadPrefix[] = "upload:";  // how a form names an uploaded one

struct UploadedSet {
  Doc doc;             // title, version, updated_by/at; grade kDisabled when disabled
  std::string set_id;  // the framework's or rule set's own "id"
  bool disabled() const { return doc.grade == kDisabled; }
};

// Uploaded frameworks ("framework") or rule sets ("selfeval-rules"), newest first.
std::vector<UploadedSet> UploadedSets(Db& db, const std::string& kind);
// The JSON text of an enabled upload named "upload:DOCID" of `kind`; nullopt otherwise.
std::optional<std::string> UploadedJson(Db& db, const std::string& kind, const std::string& value);

// A framework as people know it, from how a case or form names it: a shipped id by its title,
// "upload:DOCID" by its title with （上传，第 N 版）; anything else as given.
std::string FrameworkLabel(Db& db, const std::string& ref);

// The regions the admin has registered, by name (sorted).
std::vector<std::string> RegionNames(Db& db);

// What the loaders reported, each with its place, a scratch path shown as `shown`.
std::vector<std::string> LocatedLines(const Diagnostics& diags, const std::string& scratch,
                                      const std::string& shown);

}  // namespace jixiao::web
