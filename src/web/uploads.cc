// The admin's catalog kept in the store; see uploads.h.
#include "web/uploads.h"

#include <algorithm>

#include "casefile/frameworks.h"
#include "ingest/framework_loader.h"
#include "ingest/json.h"
#include "web/handlers.h"

namespace jixiao::web {

std::vector<UploadedSet> UploadedSets(Db& db, const std::string& kind) {
  std::vector<UploadedSet> out;
  for (auto& d : db.Docs(kind)) {
    UploadedSet u{d, ""};
    try {
      JsonValue meta = ParseJson("meta", d.scorecard_json);
      if (const JsonValue* id = meta.Find("id")) u.set_id = id->text;
    } catch (...) {
    }
    out.push_back(std::move(u));
  }
  return out;
}

std::optional<std::string> UploadedJson(Db& db, const std::string& kind, const std::string& value) {
  if (value.rfind(kUploadPrefix, 0) != 0) return std::nullopt;
  auto doc = db.GetDoc(value.substr(sizeof(kUploadPrefix) - 1));
  if (!doc || doc->kind != kind || doc->grade == kDisabled) return std::nullopt;
  auto version = db.GetVersion(doc->id, 0);
  if (!version) return std::nullopt;
  return version->content;
}

std::string FrameworkLabel(Db& db, const std::string& ref) {
  if (ref.rfind(kUploadPrefix, 0) == 0) {
    auto d = db.GetDoc(ref.substr(sizeof(kUploadPrefix) - 1));
    return d ? d->title + "（上传，第 " + std::to_string(d->version) + " 版）" : ref;
  }
  if (auto file = FindShippedFramework(ref)) {
    Diagnostics ignored;
    if (auto fw = LoadFramework(*file, ignored)) return fw->title;
  }
  for (const auto& u : UploadedSets(db, "framework"))  // an upload named by its own id
    if (u.set_id == ref) return u.doc.title;
  return ref;
}

std::vector<std::string> RegionNames(Db& db) {
  std::vector<std::string> out;
  for (const auto& d : db.Docs("region")) out.push_back(d.title);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> LocatedLines(const Diagnostics& diags, const std::string& scratch,
                                      const std::string& shown) {
  std::vector<std::string> out;
  for (auto d : diags.items()) {
    if (d.where.file.rfind(scratch, 0) == 0) d.where.file = shown;
    out.push_back(DiagnosticLine(d));
  }
  return out;
}

}  // namespace jixiao::web
