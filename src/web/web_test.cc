#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <thread>

#include "app/pipeline.h"
#include "app/score_explain.h"
#include "casefile/scaffold.h"
#include "report/builder.h"
#include "web/crypto.h"
#include "web/db.h"
#include "web/entry_places.h"
#include "web/http.h"
#include "web/job_keeper.h"
#include "web/routes.h"
#include "web/throttle.h"

using namespace jixiao::web;
using jixiao::Diagnostics;
using jixiao::EvaluateCaseDir;
using jixiao::ExplainScorecard;

TEST_CASE("passwords: PBKDF2 with a random salt, verified in constant time") {
  std::string a = HashPassword("correct horse battery", 1000);
  std::string b = HashPassword("correct horse battery", 1000);
  CHECK(a != b);  // a new salt each time
  CHECK(a.rfind("pbkdf2-sha256$1000$", 0) == 0);
  CHECK(VerifyPassword("correct horse battery", a));
  CHECK_FALSE(VerifyPassword("correct horse batterz", a));
  CHECK_FALSE(VerifyPassword("correct horse battery", "pbkdf2-sha256$1000$zz$00"));
  CHECK_FALSE(VerifyPassword("x", ""));
  CHECK(HashPassword("p").find("$600000$") != std::string::npos);  // the default cost
}

TEST_CASE("tokens are 256-bit random hex; only hashes are compared") {
  std::string t = RandomHex(32);
  CHECK(t.size() == 64);
  CHECK(t != RandomHex(32));
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(ConstantTimeEqual("abc", "abc"));
  CHECK_FALSE(ConstantTimeEqual("abc", "abd"));
  CHECK_FALSE(ConstantTimeEqual("abc", "ab"));
}

TEST_CASE("throttle: five failures lock the account, not other accounts") {
  Throttle t;
  for (int i = 0; i < Throttle::kMaxAccountFailures; ++i) {
    CHECK(t.Blocked("u", "1.2.3.4", 100) == 0);
    t.Failed("u", "1.2.3.4", 100);
  }
  CHECK(t.Blocked("u", "5.6.7.8", 101) > 0);
  CHECK(t.Blocked("v", "5.6.7.8", 101) == 0);
  CHECK(t.Blocked("u", "1.2.3.4", 100 + Throttle::kWindowSeconds) == 0);  // the window passed
}

TEST_CASE("throttle: with the store, failures counted by one process lock the account in another") {
  std::string dir = "/tmp/jixiao-web-throttle-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db_a = Db::Open(dir), db_b = Db::Open(dir);  // two processes on one store
  Throttle a(db_a.get()), b(db_b.get());
  for (int i = 0; i < Throttle::kMaxAccountFailures - 1; ++i)
    (i % 2 ? a : b).Failed("u", "1.2.3.4", 100 + i);
  CHECK(a.Blocked("u", "9.9.9.9", 110) == 0);
  CHECK(b.Blocked("u", "9.9.9.9", 110) == 0);
  a.Failed("u", "1.2.3.4", 110);
  CHECK(b.Blocked("u", "9.9.9.9", 111) == Throttle::kWindowSeconds - 1);
  CHECK(b.Blocked("v", "9.9.9.9", 111) == 0);
  CHECK(a.Blocked("u", "1.2.3.4", 110 + Throttle::kWindowSeconds) == 0);
  // Addresses count across accounts.
  for (int i = 0; i < Throttle::kMaxAddressFailures; ++i)
    (i % 2 ? a : b).Failed("n" + std::to_string(i), "5.6.7.8", 200);
  CHECK(a.Blocked("fresh", "5.6.7.8", 201) > 0);
  CHECK(b.Blocked("fresh", "1.1.1.1", 201) == 0);
  // A success clears the account's count everywhere.
  b.Succeeded("u");
  CHECK(a.Blocked("u", "9.9.9.9", 112) == 0);
  db_a.reset();
  db_b.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("jobs: a worker token tells a live process of this host from a gone one") {
  std::string me = JobKeeper::MakeWorkerToken();
  CHECK_FALSE(JobKeeper::GoneOnThisHost(me));
  std::string host = me.substr(0, me.find(':'));
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) _exit(0);
  int status = 0;
  waitpid(child, &status, 0);  // reaped: the pid names no process now
  CHECK(JobKeeper::GoneOnThisHost(host + ":" + std::to_string(child) + ":1:ab"));
  // The same pid started at another time (a reused pid) is another process.
  std::string rest = me.substr(me.find(':') + 1);
  std::string pid = rest.substr(0, rest.find(':'));
  CHECK(JobKeeper::GoneOnThisHost(host + ":" + pid + ":1:ab"));
  // Another host: only its heartbeat tells.
  CHECK_FALSE(JobKeeper::GoneOnThisHost("another-host:1:1:ab"));

  // Two keepers on one store: a sweep leaves the other's running job alone, fails a gone one's.
  std::string dir = "/tmp/jixiao-web-keeper-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db_a = Db::Open(dir), db_b = Db::Open(dir);
  JobKeeper a(*db_a, 60), b(*db_b, 60);
  Job j;
  j.kind = "pdf", j.doc = "d", j.owner = 1, j.worker = b.worker();
  int64_t kept = db_b->AddJob(j);
  j.worker = host + ":" + std::to_string(child) + ":1:ab";
  int64_t gone = db_b->AddJob(j);
  CHECK(a.Sweep() == 1);
  CHECK(db_a->GetJob(kept)->state == "running");
  CHECK(db_a->GetJob(gone)->state == "failed");
  CHECK(db_a->GetJob(gone)->message.find("重启") != std::string::npos);
  b.Stop();  // a process stopping fails its own running jobs
  CHECK(db_a->GetJob(kept)->state == "failed");
  a.Stop();
  db_a.reset();
  db_b.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("jobs: a live process's job is not stale to a process with a shorter stale time") {
  // A runs with the default 60 s, B with the least allowed 3 s: B judges A's heartbeat by 3 s,
  // so A must beat within that, whatever its own setting (before, A beat every 15 s and B failed
  // A's 4-second job as stale).
  std::string dir = "/tmp/jixiao-web-beat-" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db_a = Db::Open(dir), db_b = Db::Open(dir);
  JobKeeper a(*db_a, 60), b(*db_b, JobKeeper::kLeastStaleSeconds);
  a.Start();
  b.Start();
  Job j;
  j.kind = "pdf", j.doc = "d", j.owner = 1, j.worker = a.worker();
  int64_t id = db_a->AddJob(j);
  std::this_thread::sleep_for(std::chrono::milliseconds(5500));  // beyond B's stale time
  CHECK(b.Sweep() == 0);
  CHECK(db_b->GetJob(id)->state == "running");
  b.Stop();
  a.Stop();
  db_a.reset();
  db_b.reset();
  std::filesystem::remove_all(dir);
}

TEST_CASE("routes: patterns match one segment per parameter; every route is well formed") {
  std::map<std::string, std::string> p;
  const Route* r = MatchRoute("GET", "/targets/abc/download/xlsx", p);
  REQUIRE(r != nullptr);
  CHECK(p["id"] == "abc");
  CHECK(p["format"] == "xlsx");
  CHECK(MatchRoute("GET", "/targets/abc/download/../x", p) == nullptr);
  CHECK(MatchRoute("GET", "/targets//download/x", p) == nullptr);
  CHECK(MatchRoute("DELETE", "/targets", p) == nullptr);
  CHECK(PathKnown("/targets"));
  for (const auto& route : Routes()) {
    INFO(route.method << " " << route.path);
    CHECK(route.roles != 0);
    // Whatever changes state is a POST, and every POST changes state (so it needs the token).
    CHECK(route.changes_state == (std::string(route.method) == "POST"));
    // A route with {id} names its object kind, so the object check runs before the handler.
    bool has_id = std::string(route.path).find("{id}") != std::string::npos;
    CHECK(has_id == (route.object != ObjectKind::kNone));
  }
}

TEST_CASE("reach: a unit its own tables, an evaluator its assignments, the bureau its region") {
  User unit{1, "u", "unit", "古美", "闵行区", ""};
  User other_unit{2, "u2", "unit", "马桥", "闵行区", ""};
  User evaluator{3, "e", "evaluator", "", "闵行区", ""};
  User bureau{4, "b", "bureau", "", "闵行区", ""};
  User far_bureau{5, "b2", "bureau", "", "浦东新区", ""};
  User admin{6, "a", "admin", "", "", ""};
  Doc table;
  table.kind = "targets", table.owner = 1, table.region = "闵行区";
  Doc evaluation;
  evaluation.kind = "evaluation", evaluation.owner = evaluation.assigned = 3;
  evaluation.region = "闵行区";
  CHECK(CanReach(unit, table));
  CHECK_FALSE(CanReach(other_unit, table));
  CHECK_FALSE(CanReach(unit, evaluation));
  CHECK(CanReach(evaluator, evaluation));
  CHECK_FALSE(CanReach(evaluator, table));
  CHECK(CanReach(bureau, table));
  CHECK(CanReach(bureau, evaluation));
  CHECK_FALSE(CanReach(far_bureau, evaluation));
  CHECK_FALSE(CanReach(admin, table));
}

TEST_CASE("downloads: attachment with an ASCII fallback and the UTF-8 name") {
  CHECK(
      ContentDisposition("申报表.xlsx") ==
      "attachment; filename=\"download.xlsx\"; filename*=UTF-8''%E7%94%B3%E6%8A%A5%E8%A1%A8.xlsx");
  CHECK(ContentDisposition("a\"b\r\n.docx").find('\n') == std::string::npos);
  CHECK(UrlDecode("a%2Fb+c") == "a/b c");
  CHECK(ParseQuery("a=1&b=%E4%B8%AD&c")["b"] == "中");
}

TEST_CASE("the evaluator's validation list names workbook sheets and plain labels") {
  jixiao::Location project{"case.json", 4, 14, "$.project"};
  CHECK(EntryPlace(project) == "“项目信息”页");
  CHECK(EntryPlace({"case.json", 74, 12, "$.findings.C11"}) == "“评价结论”页 C11");
  CHECK(EntryPlace({"budget.csv", 3, 0, ""}) == "“预算执行”页第3行");
  CHECK(EntryPlace({"budget.csv", 1, 0, ""}) == "“预算执行”页");
  CHECK(EntryPlace({"narrative", 0, 0, ""}) == "“填写叙述”页");
  CHECK(EntryMessage("项目信息待填写：name（项目名称）、year（年度）；不适用的项可删去该键") ==
        "项目信息待填写：项目名称、年度；不适用的项可不填");
  CHECK(EntryMessage("待填写：指标值 metrics.“实际完成率”") ==
        "待填写：“指标数据”页的指标值 “实际完成率”");
  CHECK(EntryMessage("合计（万元）") == "合计（万元）");  // no key before the bracket: kept
  CHECK(EntryMessage(
            "只有表头，待填写资金来源（示例行见 README.md）；本项目没有这类数据时删去该文件") ==
        "待填写资金来源；本项目没有这类数据时可不填");
}

TEST_CASE("report.todo names the narrative or the observations page, never case.json") {
  CHECK(EntryPlace({"case.json", 0, 0, "$.problems"}) == "“经验、问题与建议”页“存在问题”");
  CHECK(EntryPlace({"case.json", 0, 0, "$.suggestions"}) == "“经验、问题与建议”页“相关建议”");
  CHECK(EntryPlace({"case.json", 0, 0, "$.experiences"}) == "“经验、问题与建议”页“主要经验及做法”");
  CHECK(EntryPlace({"case.json", 0, 0, "$.narrative"}) == "“填写叙述”页");
  std::string key, heading;
  for (const auto& [k, h] : jixiao::NarrativeSections(jixiao::report::DefaultTemplateDir()))
    if (!h.empty() && key.empty()) key = k, heading = h;
  REQUIRE(!key.empty());
  CHECK(EntryPlace({"case.json", 0, 0, "$.narrative." + key}) == "“填写叙述”页“" + heading + "”");
  std::string lists = EntryMessage(
      "报告“存在问题”一节没有内容，已印出【待补充：存在问题】：请在 case.json "
      "的这一项中撰写；定稿（report --final）前须补齐");
  CHECK(lists.find("case.json") == std::string::npos);
  CHECK(lists.find("请在该页撰写") != std::string::npos);
  std::string sheet_named = EntryMessage(
      "报告“存在问题”一节没有内容，已印出【待补充：存在问题】：请在录入工作簿“经验问题建议”表"
      "填写（类别选“问题”）或在 case.json 的这一项中撰写；定稿（report --final）前须补齐");
  CHECK(sheet_named.find("case.json") == std::string::npos);
  CHECK(sheet_named.find("请在该页撰写") != std::string::npos);
  std::string section =
      EntryMessage("报告“X”一节没有内容：请撰写 narrative/" + key +
                   ".md 并在 case.json 的这一项登记；定稿（report --final）前须补齐");
  CHECK(section.find("case.json") == std::string::npos);
  CHECK(section.find(".md") == std::string::npos);
  CHECK(section.find("请在“填写叙述”页撰写“" + heading + "”一节") != std::string::npos);
  CHECK(EntryMessage("请在叙述或 case.json 中写明后删去该标记").find("case.json") ==
        std::string::npos);
}

TEST_CASE("an explanation names workbook places and rule kinds in Chinese") {
  std::string in =
      "A11 立项依据充分性（分值3分，得分2.25分）\n"
      "  规则：deduction：满分3分，减去 findings 中的扣分，扣完为止\n"
      "  输入：\n"
      "    findings.A11.deductions[0]：扣权重的25%（0.75分）：未附材料\n"
      "      来源：case.json:23:9 $.findings.A11.deductions[0]\n"
      "  计算（精确分数）：max(0, 3 − 0.75) = 2.25\n";
  std::string out = ExplainForPage(in);
  CHECK(out.find("规则：扣分制：满分3分，减去 “扣分明细”页的扣分") != std::string::npos);
  CHECK(out.find("    A11 扣分第1条：扣权重的25%（0.75分）：未附材料") != std::string::npos);
  CHECK(out.find("来源：“扣分明细”页 A11") != std::string::npos);
  CHECK(out.find("max(0, 3 − 0.75) = 2.25") != std::string::npos);
  CHECK(out.find("case.json") == std::string::npos);
  // Issue 21: no raw file names or rule keys on the page (was "来源：budget.csv（…", "steps
  // exact").
  std::string bands = ExplainForPage(
      "  规则：bands：预算调整率，absolute: true（按绝对值）；=0 → 100%；\n"
      "      来源：budget.csv（(调整后预算 − 年初预算) ÷ 年初预算 × 100%：100 × 121,745.31元 ÷ "
      "1,350,000.00元 = 9.0182）\n"
      "  规则：timeliness：transfers.csv，每逾期一天扣0.1分，扣完为止\n");
  CHECK(bands.find("规则：按区间：预算调整率，按绝对值；") != std::string::npos);
  CHECK(bands.find("来源：“预算执行”页（(调整后预算 − 年初预算) ÷ 年初预算") != std::string::npos);
  CHECK(bands.find("规则：时效（“资金划拨”页）：每逾期一天扣") != std::string::npos);
  for (const char* raw : {"budget.csv", "transfers.csv", "absolute", "timeliness", "steps"})
    CHECK(bands.find(raw) == std::string::npos);
}

TEST_CASE(
    "the explain page of every shipped case shows no raw keys, file names or bare fractions") {
  for (const char* name : {"maqiao-2024", "xinqiao-meals-2024", "maqiao-2024-survey"}) {
    const std::string dir = std::string(JIXIAO_SOURCE_DIR) + "/data/cases/" + name;
    Diagnostics diags;
    auto evaluation = EvaluateCaseDir(dir, diags);
    REQUIRE(evaluation);
    auto text = ExplainScorecard(evaluation->card, "");
    REQUIRE(text);
    for (size_t at; (at = text->find(dir + "/")) != std::string::npos;)
      text->erase(at, dir.size() + 1);
    const std::string page = ExplainForPage(*text);
    INFO(name << "\n" << page);
    for (const char* raw :
         {".csv", "case.json", "findings", "metrics.", "absolute", "steps", "deduction", "bands",
          "ratio", "linear", "target：", "timeliness", "精确分数"})
      CHECK(page.find(raw) == std::string::npos);
    // An exact fraction with a denominator over 12 only ever after its decimal: "…（=
    // 220000/2469）".
    static const std::regex fraction(R"([0-9.]+/[0-9]+/?)");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), fraction);
         it != std::sregex_iterator(); ++it) {
      const std::string f = it->str();
      if (f.find('.') != std::string::npos || f.back() == '/') continue;  // 4.13/4, a date
      const int64_t num = std::stoll(f), den = std::stoll(f.substr(f.find('/') + 1));
      if (den <= 12 && num <= den) continue;  // 1/3 of a weight
      const std::string before = page.substr(0, static_cast<size_t>(it->position()));
      auto ends = [&](const std::string& tail) {
        return before.size() >= tail.size() &&
               before.compare(before.size() - tail.size(), tail.size(), tail) == 0;
      };
      const bool beside = ends("（= ") || ends("（= -");
      INFO("bare fraction " << f);
      CHECK(beside);
    }
  }
}
