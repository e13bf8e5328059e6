// List pages' paging: ?page=N&per_page=M (50 rows by default, at most 200); a bad value is
// refused naming the parameter; the page shows "共 N 项，第 a–b 项" with 上一页/下一页 links
// that keep the page's filters (each value URL-encoded; the template escapes the link), and the
// JSON API gives total_count, page and per_page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "web/http.h"

namespace jixiao::web {

inline constexpr int64_t kPerPage = 50, kMaxPerPage = 200;

struct Paging {
  int64_t page = 1, per_page = kPerPage;
  int64_t offset() const { return (page - 1) * per_page; }
};

// nullopt with `problem` (Chinese, naming the parameter and what to write) when page or per_page
// is not a whole number in range; absent or empty values take the defaults.
std::optional<Paging> ParsePaging(const Request& r, std::string& problem);

// Sets data["paging"]: {text, prev, next} (links empty when there is no such page) for the page
// at `path` with the filters `keep` (name, value; empty values left out).
void SetPaging(Data& data, const Paging& p, int64_t total, const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& keep);

// ,"total_count":N,"page":P,"per_page":M — to append inside a JSON object.
std::string PagingJson(const Paging& p, int64_t total);

}  // namespace jixiao::web
