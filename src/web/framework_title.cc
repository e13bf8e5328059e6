// A framework derived for one evaluation, named by its own title; see the header.
#include "web/framework_title.h"

#include "core/diagnostics.h"
#include "core/text.h"
#include "ingest/framework_loader.h"

namespace jixiao::web {

std::string DerivedFrameworkTitle(const std::string& framework_id,
                                  const std::function<std::string(const std::string&)>& case_dir) {
  static const std::string kSuffix = "-framework";
  constexpr size_t kIdLength = 24;  // RandomHex(12), the evaluation's id
  if (framework_id.size() != kIdLength + kSuffix.size() || !EndsWith(framework_id, kSuffix))
    return "";
  const std::string doc = framework_id.substr(0, kIdLength);
  if (doc.find_first_not_of("0123456789abcdef") != std::string::npos) return "";
  const std::string file = case_dir(doc) + "/" + framework_id + ".json";
  if (!IsRegularFile(file)) return "";
  Diagnostics ignored;
  try {
    if (auto fw = LoadFramework(file, ignored)) return fw->title;
  } catch (const std::exception&) {
  }
  return "";
}

}  // namespace jixiao::web
