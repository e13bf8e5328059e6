// Reading the pictures a narrative or an appended attachment embeds (![图题](images/x.png)).
// Contract: a picture is read only from inside the case directory (every symlink resolved); a
// path that leaves it ("..", absolute, file://, a link out) is a located error, and so is a PNG
// whose header claims a size that is not positive, above limits::kMaxPictureSide or more than the
// file can hold. A missing or non-PNG file stays a warning (the picture is left out).
#pragma once

#include <string>

#include "core/diagnostics.h"
#include "document/document.h"

namespace jixiao::report {

// Fills image.png, width and height from the case's file named by image.source (relative to the
// case directory, or to its narrative/ or attachments/ folder). `cited` is where the picture is
// written (the attachment file, or case.json $.narrative.KEY): a path error is located there.
void LoadCasePicture(const std::string& case_dir, const Location& cited, doc::Image& image,
                     Diagnostics& diags);

// The pixel size a PNG's IHDR claims, checked: false (with `why` in Chinese) when it is zero,
// above limits::kMaxPictureSide, or more pixels than `png`'s compressed data can hold.
bool CheckPngSize(const std::string& png, int& width, int& height, std::string& why);

}  // namespace jixiao::report
