#include "render/zip.h"

#include <zlib.h>

#include <stdexcept>

namespace jixiao::render {
namespace {

void Put16(std::string& s, uint32_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xFFFF);
  Put16(s, v >> 16);
}

// Z_BEST_SPEED: the XML parts pack to 12% of their size instead of 10%, in a third of the time
// (docs/benchmarks.md, issue 25); the parts themselves are unchanged.
std::string Deflate(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(z.total_out);
  return out;
}

// A PNG or JPEG is compressed already: deflating it again costs time and saves nothing.
bool Compressed(const std::string& name) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  };
  return ends(".png") || ends(".jpg") || ends(".jpeg");
}

const uint32_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
const uint32_t kDosTime = 0;

}  // namespace

void ZipWriter::Add(const std::string& name, const std::string& data) {
  Entry e;
  e.name = name;
  e.crc = static_cast<uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
  const bool store = Compressed(name);
  e.method = store ? 0 : 8;
  std::string packed = store ? data : Deflate(data);
  e.size = static_cast<uint32_t>(data.size());
  e.compressed_size = static_cast<uint32_t>(packed.size());
  e.offset = static_cast<uint32_t>(out_.size());
  Put32(out_, 0x04034b50);
  Put16(out_, 20);
  Put16(out_, 0x0800);  // UTF-8 names
  Put16(out_, e.method);
  Put16(out_, kDosTime);
  Put16(out_, kDosDate);
  Put32(out_, e.crc);
  Put32(out_, e.compressed_size);
  Put32(out_, e.size);
  Put16(out_, static_cast<uint32_t>(name.size()));
  Put16(out_, 0);
  out_ += name;
  out_ += packed;
  entries_.push_back(e);
}

std::string ZipWriter::Finish() {
  uint32_t directory_offset = static_cast<uint32_t>(out_.size());
  for (const auto& e : entries_) {
    Put32(out_, 0x02014b50);
    Put16(out_, 20);
    Put16(out_, 20);
    Put16(out_, 0x0800);
    Put16(out_, e.method);
    Put16(out_, kDosTime);
    Put16(out_, kDosDate);
    Put32(out_, e.crc);
    Put32(out_, e.compressed_size);
    Put32(out_, e.size);
    Put16(out_, static_cast<uint32_t>(e.name.size()));
    Put16(out_, 0);
    Put16(out_, 0);
    Put16(out_, 0);
    Put16(out_, 0);
    Put32(out_, 0);
    Put32(out_, e.offset);
    out_ += e.name;
  }
  uint32_t directory_size = static_cast<uint32_t>(out_.size()) - directory_offset;
  Put32(out_, 0x06054b50);
  Put16(out_, 0);
  Put16(out_, 0);
  Put16(out_, static_cast<uint32_t>(entries_.size()));
  Put16(out_, static_cast<uint32_t>(entries_.size()));
  Put32(out_, directory_size);
  Put32(out_, directory_offset);
  Put16(out_, 0);
  return std::move(out_);
}

}  // namespace jixiao::render
