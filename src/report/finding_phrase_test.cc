// Trial 3 item 15: the 绩效分析 sentence joins an indicator's name and its 业绩值 without saying a
// word twice or gluing a sentence after a name, over the shapes evaluators type.
#include <catch2/catch.hpp>

#include "report/prose.h"

namespace jixiao::report {

TEST_CASE("FindingPhrase: typed 业绩值 of several shapes read as one sentence", "[report][prose]") {
  // The value restates the name's last words before its figure: said once.
  CHECK(FindingPhrase("服务对象满意度", "满意度95%") == "服务对象满意度为95.00%");
  CHECK(FindingPhrase("群众满意度", "满意度90%") == "群众满意度为90.00%");
  CHECK(FindingPhrase("资金到位率", "到位率100%") == "资金到位率为100.00%");
  // The value is a sentence about the subject: said alone.
  CHECK(FindingPhrase("立项依据充分性", "立项依据为车购税补助政策文件") ==
        "立项依据为车购税补助政策文件");
  CHECK(FindingPhrase("绩效目标合理性", "绩效目标与年度计划相符") == "绩效目标与年度计划相符");
  // Words leading into a figure: kept apart from the name.
  CHECK(FindingPhrase("预算执行率", "执行4,000.00万元") == "预算执行率：执行4,000.00万元");
  // What read well before still does.
  CHECK(FindingPhrase("立项依据充分性", "充分") == "立项依据充分");
  CHECK(FindingPhrase("社会效益", "显著") == "社会效益显著");
  CHECK(FindingPhrase("资金到位率", "100%") == "资金到位率为100.00%");
  CHECK(FindingPhrase("财务管理制度健全性", "健全") == "财务管理制度健全");
}

}  // namespace jixiao::report
