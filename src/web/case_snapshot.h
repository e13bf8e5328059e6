// An evaluation's case folder as one text kept with each version in the store (case.json, the
// entry values, findings, narrative sections, survey data, pictures: every file the folder holds),
// so any version can be shown, compared with another field by field, restored, and brought to any
// serve process's data folder.
// Contract: Snapshot output is deterministic (files in path order); Restore writes only inside
// `dir`, refuses paths that would leave it, and replaces the folder whole (never half-written).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jixiao::web {

// The folder as {"format":"jixiao-case","files":[{"path","text"|"base64"},…]}; hidden
// temporaries (".jixiao-…") are left out.
std::string SnapshotCase(const std::string& dir);
bool IsCaseSnapshot(const std::string& content);

// Replaces `dir` with the snapshot's files; false with a Chinese reason when the snapshot is not
// one or names a path outside the folder.
bool RestoreCase(const std::string& snapshot, const std::string& dir, std::string& error);

// The bytes of `path` ("narrative/background.md") in a snapshot; "" when it has no such file,
// nullopt when `content` is not a snapshot.
std::optional<std::string> SnapshotFile(const std::string& content, const std::string& path);

// One difference between two snapshots: where (a file, and in it a JSON path, a CSV row or a text
// line), what it was and what it is ("" when absent).
struct CaseChange {
  std::string place, before, after;
};
// `before` may be "" (nothing: every field is new).
std::vector<CaseChange> DiffCaseSnapshots(const std::string& before, const std::string& after);

}  // namespace jixiao::web
