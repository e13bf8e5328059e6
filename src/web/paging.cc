#include "web/paging.h"

#include <algorithm>

namespace jixiao::web {
namespace {

// A whole number in [low, high] written with digits only; nullopt otherwise.
std::optional<int64_t> WholeNumber(const std::string& text, int64_t low, int64_t high) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < low || n > high) return std::nullopt;
  return n;
}

}  // namespace

std::optional<Paging> ParsePaging(const Request& r, std::string& problem) {
  Paging p;
  const std::string page = r.Field("page"), per_page = r.Field("per_page");
  if (!page.empty()) {
    auto n = WholeNumber(page, 1, 999999999);
    if (!n) {
      problem = "参数 page（页码）应为从 1 开始的整数，收到“" + page.substr(0, 40) + "”";
      return std::nullopt;
    }
    p.page = *n;
  }
  if (!per_page.empty()) {
    auto n = WholeNumber(per_page, 1, kMaxPerPage);
    if (!n) {
      problem = "参数 per_page（每页条数）应为 1 到 " + std::to_string(kMaxPerPage) +
                " 之间的整数，收到“" + per_page.substr(0, 40) + "”";
      return std::nullopt;
    }
    p.per_page = *n;
  }
  return p;
}

void SetPaging(Data& data, const Paging& p, int64_t total, const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& keep) {
  auto href = [&](int64_t page) {
    std::string query;
    for (const auto& [name, value] : keep)
      if (!value.empty()) query += (query.empty() ? "?" : "&") + name + "=" + UrlEncode(value);
    if (p.per_page != kPerPage)
      query += (query.empty() ? "?" : "&") + std::string("per_page=") + std::to_string(p.per_page);
    if (page > 1)
      query += (query.empty() ? "?" : "&") + std::string("page=") + std::to_string(page);
    return path + query;
  };
  const int64_t first = std::min(total, p.offset() + 1),
                last = std::min(total, p.offset() + p.per_page);
  std::string text = "共 " + std::to_string(total) + " 项";
  if (total > 0 && first <= last)
    text += "，第 " + std::to_string(first) + "–" + std::to_string(last) + " 项";
  else if (total > 0)
    text += "，第 " + std::to_string(p.page) + " 页没有内容";
  Data paging =
      Object({{"text", text},
              {"prev",
               p.page > 1 ? href(std::min(p.page - 1, (total + p.per_page - 1) / p.per_page)) : ""},
              {"next", p.offset() + p.per_page < total ? href(p.page + 1) : ""}});
  data.set("paging", paging);
}

std::string PagingJson(const Paging& p, int64_t total) {
  return ",\"total_count\":" + std::to_string(total) + ",\"page\":" + std::to_string(p.page) +
         ",\"per_page\":" + std::to_string(p.per_page);
}

}  // namespace jixiao::web
