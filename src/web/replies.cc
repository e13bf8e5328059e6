// Replies several handlers give alike: the answer to a created document (201 with its API
// location, or the page), the version number a save names, and the sentence refusing a save
// made on a version someone else has since replaced.
#include "web/handlers.h"

namespace jixiao::web {

Response CreatedReply(const Ctx& ctx, const std::string& collection, const std::string& id) {
  if (ctx.req.api)
    return Json("{\"id\":" + Q(id) +
                    ",\"version\":1,\"location\":" + Q("/api/v1/" + collection + "/" + id) + "}",
                201);
  return Redirect("/" + collection + "/" + id);
}

std::optional<int64_t> FormVersion(const Request& req) {
  try {
    size_t used = 0;
    const std::string text = req.Field("version");
    int64_t v = std::stoll(text, &used);
    if (used == text.size()) return v;
  } catch (...) {
  }
  return std::nullopt;
}

std::string StaleSentence(const Doc& doc, const std::string& noun, const std::string& verb,
                          int64_t opened) {
  std::string out = "该" + noun + "已由 " + doc.updated_by + " 于 " + BeijingTime(doc.updated_at) +
                    "（北京时间）" + verb + "第 " + std::to_string(doc.version) + " 版";
  if (opened >= 0) out += "（您打开的是第 " + std::to_string(opened) + " 版）";
  return out + "。";
}

}  // namespace jixiao::web
