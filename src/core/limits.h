// The hard limits on input that jixiao enforces at the edge (documented in docs/limits.md).
// Contract: every reader checks the limit that applies to it and reports a located Chinese error
// naming the limit; nothing past the edge needs to fear overflow of a value that passed.
#pragma once

#include <cstdint>

namespace jixiao::limits {

// Files.
inline constexpr int64_t kMaxInputFileBytes = 256LL << 20;  // 256 MiB per input file
inline constexpr int kMaxJsonDepth = 200;                   // nesting of objects and arrays
inline constexpr int64_t kMaxCsvRows = 1000000;             // data rows per CSV table
inline constexpr int kMaxCsvColumns = 1000;

// Case attachments and pictures, templates (issue 19).
inline constexpr int64_t kMaxAttachmentBytes = 64LL << 20;         // one attachments/ file
inline constexpr int64_t kMaxAppendedAttachmentBytes = 4LL << 20;  // one appended .md attachment
inline constexpr int kMaxPictureSide = 20000;                      // pixels, width and height
inline constexpr int kMaxTemplateNesting = 100;                    // {{#…}} / {{^…}} sections

// Values.
inline constexpr int64_t kMaxAmountFen = 1000000000000000LL;  // 10^15 fen = 10 万亿元
inline constexpr int64_t kMaxPoints = 100000;                 // weight, total, deduction, override
inline constexpr int64_t kMaxCount = 1000000000000LL;         // 批次, 人数, other counts: 10^12
inline constexpr int64_t kMaxMagnitude = 1000000000000000LL;  // |any number read| <= 10^15

// Spreadsheet cells and rows (Excel's own limits).
inline constexpr int kMaxCellChars = 32767;
inline constexpr int64_t kMaxSheetRows = 1048576;

}  // namespace jixiao::limits
