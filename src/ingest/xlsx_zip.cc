// The xlsx zip container on Poco::Zip: parts decompressed in memory, in chunks, under caps.
#include <Poco/Exception.h>
#include <Poco/Zip/SkipCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <cstdint>
#include <exception>

#include "ingest/xlsx_parts.h"

namespace jixiao::xlsx_internal {

void Fail(const std::string& file, const std::string& path, const std::string& code,
          const std::string& message) {
  Diagnostic d;
  d.code = code;
  d.where.file = file;
  d.where.path = path;
  d.message = message;
  throw InputError{d};
}

namespace {
std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  return s;
}
std::string MiB(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Poco::Zip allocates a ZIP64 end-of-directory record by the size the record claims; a claim
// beyond the file itself is damage (found by fuzzing: 28 bytes asked for 434 PB).
bool Zip64RecordsFit(const std::string& bytes) {
  for (size_t at = bytes.find("PK\x06\x06"); at != std::string::npos;
       at = bytes.find("PK\x06\x06", at + 1)) {
    if (at + 12 > bytes.size()) return false;
    uint64_t size = 0;
    for (int i = 7; i >= 0; --i)
      size = (size << 8) | static_cast<unsigned char>(bytes[at + 4 + static_cast<size_t>(i)]);
    if (size > bytes.size()) return false;
  }
  return true;
}
}  // namespace

ZipParts::ZipParts(const std::string& file, const std::string& bytes, const XlsxLimits& limits)
    : file_(file), limits_(limits), stream_(bytes) {
  if (bytes.size() > limits.max_file_bytes)
    Fail(file, "", "xlsx.too_large",
         "文件超过 " + MiB(limits.max_file_bytes) +
             "，不予读取；请删去无关的工作表或另存为较小的文件");
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0)
    Fail(file, "", "xlsx.not_zip",
         "不是 xlsx 文件（不是 zip 压缩包）；请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”");
  if (!Zip64RecordsFit(bytes))
    Fail(file, "", "xlsx.bad_zip",
         "zip 压缩包已损坏：ZIP64 目录记录声明的长度超过文件本身；请在 Excel 中重新保存");
  try {
    Poco::Zip::SkipCallback skip;
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(stream_, skip);
  } catch (const std::exception& e) {
    Fail(file, "", "xlsx.bad_zip",
         std::string("zip 压缩包已损坏，无法读取目录（") + e.what() + "）；请在 Excel 中重新保存");
  }
}

ZipParts::~ZipParts() = default;

std::string ZipParts::Resolve(const std::string& name) const {
  if (archive_->findHeader(name) != archive_->headerEnd()) return name;
  const std::string wanted = Lower(name);
  for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) {
    std::string candidate = it->first;
    std::replace(candidate.begin(), candidate.end(), '\\', '/');
    if (Lower(candidate) == wanted) return it->first;
  }
  return "";
}

bool ZipParts::Has(const std::string& name) const { return !Resolve(name).empty(); }

std::string ZipParts::Read(const std::string& name) {
  const std::string key = Resolve(name);
  if (key.empty())
    Fail(file_, name, "xlsx.missing_part",
         "xlsx 文件缺少部件 " + name + "；文件不完整，请在 Excel 中重新保存");
  const Poco::Zip::ZipLocalFileHeader& header = archive_->findHeader(key)->second;
  if (header.isEncrypted())
    Fail(file_, name, "xlsx.encrypted", "部件已加密，无法读取；请取消工作簿密码后另存");
  const auto method = header.getCompressionMethod();
  if (method != Poco::Zip::ZipCommon::CM_STORE && method != Poco::Zip::ZipCommon::CM_DEFLATE)
    Fail(file_, name, "xlsx.compression", "部件使用了不支持的压缩方式；请在 Excel 中重新保存");
  const size_t cap = std::min(limits_.max_part_bytes, limits_.max_total_bytes - total_);
  if (header.getUncompressedSize() > cap)
    Fail(file_, name, "xlsx.part_too_large",
         "部件解压后超过 " + MiB(cap) + "（可能是恶意构造的压缩包），不予读取");
  std::string out;
  try {
    stream_.clear();
    Poco::Zip::ZipInputStream in(stream_, header, true);
    char chunk[65536];
    while (in) {
      in.read(chunk, sizeof chunk);
      const std::streamsize got = in.gcount();
      if (got <= 0) break;
      if (out.size() + static_cast<size_t>(got) > cap)
        Fail(file_, name, "xlsx.part_too_large",
             "部件解压后超过 " + MiB(cap) + "（可能是恶意构造的压缩包），不予读取");
      out.append(chunk, static_cast<size_t>(got));
    }
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    Fail(file_, name, "xlsx.bad_part",
         std::string("部件无法解压（") + e.what() + "）；文件已损坏，请在 Excel 中重新保存");
  }
  total_ += out.size();
  return out;
}

}  // namespace jixiao::xlsx_internal
