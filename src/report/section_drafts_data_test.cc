// Browser trial 2 (items 10, 15): the drafts 生成初稿 writes tell what the data says with the
// formatter's figures — 项目预算及支出情况 by 项目构成, 绩效目标 met and missed — and the glitches
// it saw are gone: “市级财政财政”, a target typed “≥２０个”, quotes nested as “…“…”…”.
#include <catch2/catch.hpp>

#include "report/context_budget.h"
#include "report/section_drafts.h"

namespace jixiao::report {
namespace {

struct Fixture {
  Framework framework;
  Case c;
  Scorecard card;
  Fixture() {
    c.project.name = "2024年农产品质检体系建设和“三品一标”发展项目";
    c.project.unit = "六安市农业农村局";
    c.project.commissioner = "六安市财政局";
    c.project.evaluator = "皖中联合会计师事务所";
    BudgetLine a, b, added;
    a.composition = "农产品质检体系建设";
    a.details = {BudgetDetail{"实验室仪器鉴定校准", "市级财政", Money{20000000}},
                 BudgetDetail{"购买标准试剂", "市级财政", Money{12000000}}};
    b.composition = "“三品一标”发展";
    b.details = {BudgetDetail{"监督抽检", "市级财政", Money{19350000}}};
    added.composition = "年中追加";
    added.details = {BudgetDetail{"追加", "市级财政", Money{0}}};
    c.budget = {true, "budget.csv", {a, b, added}};
    TargetRow met, missed;
    met.level3 = "鉴定校准实验室仪器";
    met.value = "≥57个";
    met.actual = "57个";
    missed.level3 = "“两强一增”认证总数";
    missed.value = "≥２０个";
    missed.actual = "18个";
    c.targets = {true, "targets.csv", {met, missed}};
  }
};

}  // namespace

TEST_CASE("one funding source is named once: never 市级财政财政") {
  Fixture f;
  auto budget = BudgetContext({f.framework, f.c, f.card});
  CHECK(budget.get("initial_sources")->string_value() == "资金全部来源于市级财政");
  f.c.budget.rows[0].details[0].source = f.c.budget.rows[0].details[1].source = "区级";
  f.c.budget.rows[1].details[0].source = f.c.budget.rows[2].details[0].source = "区级";
  budget = BudgetContext({f.framework, f.c, f.card});
  CHECK(budget.get("initial_sources")->string_value() == "资金全部来源于区级财政");
}

TEST_CASE("生成初稿 drafts the budget, the targets and the 引言 from the data") {
  Fixture f;
  ReportInput in{f.framework, f.c, f.card};
  std::string budget = EditorDraft(in, "budget_basis");
  CHECK(budget.find("项目年初预算为51.35万元，资金全部来源于市级财政") == 0);
  CHECK(budget.find("农产品质检体系建设32.00万元、“三品一标”发展19.35万元。") != std::string::npos);
  CHECK(budget.find("年中追加") == std::string::npos);  // no initial budget of its own
  std::string goals = EditorDraft(in, "goals");
  CHECK(goals.find("项目共设置绩效目标2项，经核查，已达成1项，未完全达成1项") == 0);
  CHECK(goals.find("（目标≥20个，实际18个）") != std::string::npos);
  CHECK(goals.find("【待补充：未达成的原因】") != std::string::npos);
  auto drafts = DataDrafts(in);
  REQUIRE(drafts.count("intro"));
  CHECK(drafts["intro"].find("对六安市农业农村局“2024年农产品质检体系建设和‘三品一标’发展项目”") !=
        std::string::npos);
  REQUIRE(drafts.count("goals"));
  CHECK(drafts["goals"].find("“‘两强一增’认证总数”") != std::string::npos);
  for (const auto& [key, text] : drafts) {
    INFO(key << ": " << text);
    CHECK(text.find("““") == std::string::npos);
    CHECK(text.find("财政财政") == std::string::npos);
  }
  CHECK(EditorDraft(in, "background").empty());  // only the evaluator can tell 立项背景
}

TEST_CASE("完成情况 accounts for the whole 实际支出, to the fen, or says what is not itemised") {
  Fixture f;
  f.c.budget.rows[0].actual = Money{30000000};  // 300,000.00 spent on 质检体系建设
  f.c.budget.rows[1].actual = Money{12345678};  // 123,456.78 on 三品一标
  f.c.disbursements = {true, "disbursements.csv", {}};
  f.c.disbursements.rows.push_back(Disbursement{1, 1, 1200, Money{25000000}, "", 2});
  f.c.disbursements.rows.push_back(Disbursement{2, 1, 34, Money{5000000}, "", 3});
  f.c.transfers = {true, "transfers.csv", {}};
  f.c.transfers.rows.push_back(Transfer{"划拨", Money{1000000}, {}, {}, 2});
  f.c.transfers.rows.push_back(Transfer{"划拨", Money{245678}, {}, {}, 3});
  ReportInput in{f.framework, f.c, f.card};
  // 423,456.78 = 300,000.00 disbursed + 12,456.78 transferred + 111,000.00 not itemised.
  CHECK(SpendingAccount(in) ==
        "项目全年实际支出423,456.78元，其中：社会化发放全年共2批次，合计1,234人次、300,000.00元；"
        "资金结算划拨2笔，合计12,456.78元（10,000.00元、2,456.78元）；其余111,000.00元未在发放明细"
        "和划拨记录中逐笔列示。社会化发放明细如下。");
  f.c.transfers.rows[0].amount = Money{0};  // the rest is then exactly the 三品一标 line's
  f.c.transfers.rows[1].amount = Money{0};
  f.c.budget.rows[1].actual = Money{12345678};
  f.c.disbursements.rows[0].amount = Money{25000000};
  CHECK(SpendingAccount(in).find("；监督抽检123,456.78元。") != std::string::npos);
  f.c.budget.present = false;
  CHECK(SpendingAccount(in) == "社会化发放全年共2批次，合计1,234人次、300,000.00元，明细如下。");
  CHECK(EditorDraft(in, "plan_completion").find("社会化发放全年共2批次") != std::string::npos);
}

TEST_CASE("近三年 growth of the report year is computed from the budget in yuan, not 万元") {
  Fixture f;
  f.c.project.year = "2024";
  f.c.budget.rows[0].adjusted = Money{147174531};  // 1,471,745.31元; history says 147.17万元
  f.c.history = {true, "history.csv", {}};
  f.c.history.rows.push_back(
      HistoryRow{"2022", Money{45000000}, Money{39000000}, Money{39000000}, 2});
  f.c.history.rows.push_back(
      HistoryRow{"2024", Money{135000000}, Money{147170000}, Money{147170000}, 3});
  std::string text = HistoryContext({f.framework, f.c, f.card}).get("analysis")->string_value();
  CHECK(text.find("2024年调整后预算较2022年增长277.37%") != std::string::npos);
  f.c.project.year = "2025";  // another year's row is only in 万元
  text = HistoryContext({f.framework, f.c, f.card}).get("analysis")->string_value();
  CHECK(text.find("增长277.36%") != std::string::npos);
}

}  // namespace jixiao::report
