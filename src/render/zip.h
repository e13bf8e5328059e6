// A minimal ZIP writer for OOXML packages, built on zlib: XML parts deflated, images stored.
// Contract: entries are written in the order added, with a fixed timestamp (1980-01-01) and no
// directory entries, so the same input always yields the same bytes (golden tests compare them).
#pragma once

#include <string>
#include <vector>

namespace jixiao::render {

class ZipWriter {
 public:
  void Add(const std::string& name, const std::string& data);
  std::string Finish();

 private:
  struct Entry {
    std::string name;
    uint32_t method = 8;  // 8 deflate, 0 stored (images, compressed already)
    uint32_t crc = 0;
    uint32_t compressed_size = 0, size = 0, offset = 0;
  };
  std::vector<Entry> entries_;
  std::string out_;
};

}  // namespace jixiao::render
