#include "app/cover_check.h"

#include <string>

#include "core/text.h"

namespace jixiao {
namespace {

// A placeholder: a marker anywhere in the field, or only the generic noun the field asks for.
bool Placeholder(const std::string& value, std::initializer_list<const char*> generic) {
  std::string v = Trim(value);
  for (const char* marker : {"示例", "样例", "某某", "×××", "XXX", "xxx", "待定", "待填", "待补充"})
    if (v.find(marker) != std::string::npos) return true;
  for (const char* noun : generic)
    if (v == noun) return true;
  return false;
}

}  // namespace

void CheckCoverSigned(const Case& c, Diagnostics& diags) {
  struct Field {
    const std::string& value;
    const char* key;
    const char* label;
    std::initializer_list<const char*> generic;
  };
  const Field fields[] = {
      {c.project.evaluator,
       "evaluator",
       "评价机构",
       {"评价机构", "第三方评价机构", "第三方机构", "第三方"}},
      {c.project.lead, "lead", "主评人", {"主评人", "评价人", "项目负责人"}},
      {c.project.commissioner, "commissioner", "委托方", {"委托方", "委托单位"}}};
  for (const Field& f : fields) {
    if (Trim(f.value).empty() || !Placeholder(f.value, f.generic)) continue;
    diags.Warning(kCoverPlaceholderCode,
                  {c.dir + "/case.json", 0, 0, std::string("$.project.") + f.key},
                  std::string("封面的") + f.label + "“" + Trim(f.value) +
                      "”是占位文字，不能出现在签发的报告中；请在 case.json 的 project." + f.key +
                      " 写明实际的" + f.label + "全称（定稿 jixiao report --final 会拒绝生成）");
  }
}

}  // namespace jixiao
