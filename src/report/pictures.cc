#include "report/pictures.h"

#include <algorithm>
#include <cstdint>

#include "core/limits.h"
#include "core/text.h"

namespace jixiao::report {
namespace {

// A URL scheme ("file:", "http:") before the first slash: never a path inside the case.
bool HasScheme(const std::string& source) {
  size_t colon = source.find(':');
  return colon != std::string::npos && colon < source.find('/');
}

uint32_t Be32(const std::string& bytes, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

}  // namespace

bool CheckPngSize(const std::string& png, int& width, int& height, std::string& why) {
  uint32_t w = Be32(png, 16), h = Be32(png, 20);
  const uint32_t kMax = limits::kMaxPictureSide;
  if (w == 0 || h == 0 || w > kMax || h > kMax) {
    why = "PNG 文件头声明的尺寸 " + std::to_string(w) + "×" + std::to_string(h) +
          " 像素不合理（宽和高须在 1 至 " + std::to_string(kMax) +
          " 像素之间，见 docs/limits.md）：请用看图软件重新导出该图片";
    return false;
  }
  // Each row holds at least a filter byte and one bit per pixel; deflate packs at most 1032
  // bytes into one, so a header claiming more than that is a lie.
  uint64_t raw = static_cast<uint64_t>(h) * (1 + (w + 7) / 8);
  if (raw > static_cast<uint64_t>(png.size()) * 1032 + 1024) {
    why = "PNG 文件头声明的尺寸 " + std::to_string(w) + "×" + std::to_string(h) +
          " 像素超出文件数据能容纳的范围（文件已损坏或被篡改）：请重新导出该图片";
    return false;
  }
  width = static_cast<int>(w);
  height = static_cast<int>(h);
  return true;
}

void LoadCasePicture(const std::string& case_dir, const Location& cited, doc::Image& image,
                     Diagnostics& diags) {
  Location at = cited;
  at.path += (at.path.empty() ? "" : " ") + ("![](" + image.source + ")");
  if (!IsPlainRelativePath(image.source) || HasScheme(image.source)) {
    diags.Error("narrative.image_path", at,
                "插图路径必须位于案例目录内（如 images/流程图.png）：不能用绝对路径、“..”或 "
                "file:// 等网址，请把图片复制到案例的 images/ 目录");
    return;
  }
  std::string why;
  std::optional<std::string> bytes;
  for (const char* folder : {"/", "/narrative/", "/attachments/"}) {
    std::string path = case_dir + folder + image.source;
    if (!PathExists(path)) continue;
    if (!IsInside(path, case_dir)) {
      diags.Error("narrative.image_path", at,
                  "插图是指向案例目录外的符号链接（或位于这样的目录中）：请把图片文件本身复制到"
                  "案例的 images/ 目录");
      return;
    }
    bytes = ReadFileBytes(path, &why);
    at = {path, 0, 0, ""};  // the picture itself is what to fix from here on
    break;
  }
  const std::string kPng = "\x89PNG\r\n\x1a\n";
  if (!bytes || bytes->size() < 24 || bytes->compare(0, 8, kPng) != 0) {
    diags.Warning(
        "narrative.image", at,
        bytes ? "插图不是 PNG 文件，请另存为 PNG，已略过"
              : "找不到插图文件（" + (why.empty() ? "文件不存在" : why) + "），请检查路径，已略过");
    return;
  }
  int width = 0, height = 0;
  if (!CheckPngSize(*bytes, width, height, why)) {
    diags.Error("narrative.image_size", at, why);
    return;
  }
  // The DOCX sets a picture at 96 dpi within the text width (554 px) and 840 px of height: one
  // scaled under 60% draws its usual 16 px text under 7 pt (图1-6-2 was 1130 px wide: 49%, 5.9 pt).
  long percent = std::min(100L, std::min(554L * 100 / width, 840L * 100 / height));
  if (percent < 60)
    diags.Warning("narrative.image_scale", at,
                  "插图" + std::to_string(width) + "×" + std::to_string(height) +
                      "像素，排入版心要缩小到" + std::to_string(percent) +
                      "%，图中文字将小于7磅、难以辨认：请把图改画得窄一些（宽不超过920像素、"
                      "高不超过1400像素，如分两行排列）或加大图中字号");
  image.width = width;
  image.height = height;
  image.png = std::move(*bytes);
}

}  // namespace jixiao::report
