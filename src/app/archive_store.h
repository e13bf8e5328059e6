// The archive of scored evaluations on the store (SQLite file or PostgreSQL URL): adding a case
// (change detection by a digest of its inputs), and comparisons over archived evaluations built
// from store queries — documents streamed page by page, per-indicator rows — not from scorecards
// loaded whole. Contract: problems go to `diags`; outputs match `jixiao compare CASE…`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/report_files.h"
#include "scoring/evaluation.h"
#include "store/store.h"

namespace jixiao {

// $JIXIAO_ARCHIVE, else ~/.local/share/jixiao/archive.db.
std::string DefaultArchiveLocation();

// Opens the archive and completes evaluations moved from the former SQLite archive (their
// indicator rows are rebuilt from the stored scorecard); nullptr with a located error.
// `cache_kib` > 0 limits SQLite's page cache from the start, its sorter spilling into
// `spill_dir` (Store::LimitCache).
std::unique_ptr<store::Store> OpenArchive(const std::string& location, Diagnostics& diags,
                                          int64_t cache_kib = 0, const std::string& spill_dir = "");

// The page cache of a command that reads the archive once (compare --archive): 2 MiB, SQLite's
// own default. At 10⁵ evaluations its CPU time is that of a 64 MB cache (6.1 s both).
constexpr int64_t kReadOnceCacheKib = 2048;

// SHA-256 over the case directory's files (names and bytes, sorted) and the framework file.
std::string DigestInputs(const Evaluation& e);

// The document an evaluation is stored as: indexed results, 一级…末级 indicator rows, grade
// bands and problems in result_json; the payload is the scorecard (score --json contract).
store::DocumentFields EvaluationFields(const Evaluation& e, const std::string& digest);

enum class AddResult { kAdded, kUnchanged, kUpdated };
std::optional<AddResult> AddEvaluation(store::Store& db, const Evaluation& e,
                                       const std::string& author, Diagnostics& diags);

// Many at once: new cases are written with multi-row INSERTs, known ones one by one. One result
// per evaluation (nullopt where it failed; the reason is in diags).
std::vector<std::optional<AddResult>> AddEvaluations(store::Store& db,
                                                     const std::vector<const Evaluation*>& list,
                                                     const std::string& author, Diagnostics& diags);

// Above SummaryThreshold() the 指标矩阵 rows (every evaluation × every leaf) are written only
// when `matrix` is set (`compare --matrix`); below it they always are.
std::optional<std::vector<OutputFile>> CompareArchived(store::Store& db,
                                                       const store::DocumentFilter& filter,
                                                       const std::vector<std::string>& formats,
                                                       const std::string& template_dir,
                                                       Diagnostics& diags, bool matrix = false);

}  // namespace jixiao
