// Narrative lint and tidy on the slips the published 马桥镇 report's PDF copy carried.
#include "report/text_lint.h"

#include <catch2/catch.hpp>

#include "report/number_policy.h"

namespace jixiao::report {
namespace {

bool Has(const std::vector<TextIssue>& issues, const std::string& code) {
  for (const auto& i : issues)
    if (i.code == code) return true;
  return false;
}

}  // namespace

// 评价依据 of maqiao: items (1) and (8) ended "：" where their siblings end "；".
TEST_CASE("a list item ending with ：before its sibling is found and tidied to ；") {
  const std::string text =
      "（1）《社会救助暂行办法》（国务院令第649号）：\n\n（2）《上海市社会救助条例》；\n\n"
      "评价方法主要包括以下几方面：\n\n（1）比较法。\n\n（2）公众评判法：\n\n①问卷调查。\n";
  auto issues = LintNarrative(text, {});
  int colons = 0;
  for (const auto& i : issues)
    if (i.code == "list.colon") {
      ++colons;
      CHECK(i.line == 1);
    }
  CHECK(colons == 1);  // 以下几方面： and （2）公众评判法： introduce sub-lists
  std::string tidy = TidyNarrative(text, {});
  CHECK(tidy.find("（国务院令第649号）；") != std::string::npos);
  CHECK(tidy.find("（2）公众评判法：") != std::string::npos);
}

TEST_CASE("stray and doubled punctuation") {
  CHECK(Has(LintParagraph("整体预算调整率为9.02%。-"), "punct.stray"));
  CHECK(TidyParagraph("整体预算调整率为9.02%。-") == "整体预算调整率为9.02%。");
  CHECK(Has(LintParagraph("资金到位。。项目实施"), "punct.double"));
  CHECK(TidyParagraph("资金到位，。项目实施") == "资金到位。项目实施");
  CHECK(LintParagraph("打通医保-财政数据接口。").empty());  // a hyphen inside a phrase stays
}

TEST_CASE("a quarter is written 季度, a season is not") {
  CHECK(Has(LintParagraph("困难群众在2023年第三、第四季参加城乡居民医保"), "quarter.word"));
  CHECK(Has(LintParagraph("于第一、二季完成拨付"), "quarter.word"));
  CHECK(Has(LintParagraph("第四季拨付运营补贴"), "quarter.word"));
  CHECK_FALSE(Has(LintParagraph("在2023年第三、第四季度参加"), "quarter.word"));
  CHECK_FALSE(Has(LintParagraph("本地四季分明，气候宜人"), "quarter.word"));
}

TEST_CASE("run-in Latin labels in a sentence are named, a lettered step is not") {
  CHECK(Has(LintParagraph("以下几类人员：a. 低保家庭成员；b.低收入困难家庭成员。"),
            "list.latin_inline"));
  CHECK_FALSE(Has(LintParagraph("A.申请。符合条件的救助对象首次办理。"), "list.latin_inline"));
  CHECK_FALSE(Has(LintParagraph("以下几类人员：一是低保家庭成员；二是低收入困难家庭成员。"),
                  "list.latin_inline"));
}

TEST_CASE("ASCII quotes and brackets in Chinese text") {
  CHECK(TidyParagraph("设立\"医疗救助\"项目") == "设立“医疗救助”项目");
  CHECK(TidyParagraph("《关于建立医疗救助个人清算机制》(沪医保待遇（2023）7号)") ==
        "《关于建立医疗救助个人清算机制》（沪医保待遇〔2023〕7号）");
  CHECK(TidyParagraph("《意见》(国办发〔2021〕42号〕，提出") ==
        "《意见》（国办发〔2021〕42号），提出");
  CHECK(Has(LintParagraph("登录\"随申办\"APP"), "quote.ascii"));
  CHECK(Has(LintParagraph("见(附件)"), "bracket.ascii"));
  // A title inside a title takes 〈〉, never ASCII < >.
  CHECK(TidyParagraph("《关于印发<上海市医疗保障“十四五”规划>的通知》") ==
        "《关于印发〈上海市医疗保障“十四五”规划〉的通知》");
  CHECK(Has(LintParagraph("《关于印发<实施意见>的通知》"), "title.inner"));
  CHECK_FALSE(Has(LintParagraph("得分<60分为不合格"), "title.inner"));
  // An odd number of quotes cannot be paired safely: reported, left as written.
  CHECK(TidyParagraph("设立\"医疗救助项目") == "设立\"医疗救助项目");
}

TEST_CASE("spaces between Chinese characters, except the joint issuer 中共中央 国务院") {
  CHECK(TidyParagraph("超过18周岁、 不满60周岁") == "超过18周岁、不满60周岁");
  CHECK(TidyParagraph("13万元 /人，按50% 比例") == "13万元 /人，按50%比例");
  CHECK(TidyParagraph("《中共中央 国务院关于深化医疗保障制度改革的意见》") ==
        "《中共中央 国务院关于深化医疗保障制度改革的意见》");
  CHECK(Has(LintParagraph("系统 开展"), "space.cjk"));
  // Inside 《》 the blank between joint issuers is how the titles are officially written.
  CHECK(LintParagraph("依据《中共中央 国务院关于全面实施预算绩效管理的意见》").empty());
  const std::string offices = "《中共中央办公厅 国务院办公厅关于改进社会救助工作的意见》";
  CHECK(LintParagraph(offices).empty());
  CHECK(TidyParagraph(offices) == offices);
  const std::string ministries = "《财政部 民政部关于印发资金管理办法的通知》";
  CHECK(TidyParagraph(ministries) == ministries);
  // Not an issuer, or outside a title: still a stray blank.
  CHECK(Has(LintParagraph("《关于 做好医疗救助工作的通知》"), "space.cjk"));
  CHECK(TidyParagraph("由财政部 审核") == "由财政部审核");
  CHECK(TidyParagraph("《通知》的财政部 民政部") == "《通知》的财政部民政部");
}

TEST_CASE("an indicator code before Chinese keeps its blank; a number before a unit does not") {
  // webtrial5 item 6: "A11 经核查资料得出。" is a code and its text, not two Chinese characters.
  CHECK(LintParagraph("A11 经核查资料得出。").empty());
  CHECK(TidyParagraph("A11 经核查资料得出。") == "A11 经核查资料得出。");
  CHECK(LintParagraph("指标C41 由数据表计算。").empty());
  // The real cases stay flagged and tidied.
  CHECK(Has(LintParagraph("A11 经核查 资料得出。"), "space.cjk"));
  CHECK(Has(LintParagraph("共计2024 年度资金"), "space.cjk"));
  CHECK(TidyParagraph("共计2024 年度资金") == "共计2024年度资金");
}

TEST_CASE("paragraphs broken mid-sentence are joined; duplicates and template headings dropped") {
  std::vector<std::string> headings = {"绩效评价工作过程", "评价等级"};
  std::string text =
      "C.结算。镇、街道（莘庄工业区）社区事务受理服务中心根\n\n"
      "据审批结果，5个工作日内将救助资金发放至救助对象账户。\n\n"
      "（五） 绩效评价工作过程\n\n"
      "1.项目启动阶段\n\n"
      "据审批结果，5个工作日内将救助资金发放至救助对象账户。\n";
  auto issues = LintNarrative(text, headings);
  CHECK(Has(issues, "paragraph.broken"));
  CHECK(Has(issues, "heading.template"));
  CHECK(Has(issues, "paragraph.duplicate"));
  CHECK(
      TidyNarrative(text, headings) ==
      "C.结算。镇、街道（莘庄工业区）社区事务受理服务中心根据审批结果，5个工作日内将救助资金发放至"
      "救助对象账户。\n\n1."
      "项目启动阶段\n\n据审批结果，5个工作日内将救助资金发放至救助对象账户。\n");
  // Short enumerated sub-headings are not broken sentences.
  CHECK_FALSE(
      Has(LintNarrative("②待遇标准\n\nA.门诊医疗互助帮困补贴。\n", headings), "paragraph.broken"));
}

TEST_CASE("parallel lists repeat their steps on purpose; a repeat within one list is a slip") {
  const std::string step =
      "C.结算。镇、街道（莘庄工业区）社区事务受理服务中心根据审批结果，5个工作日内将救助资金发放至"
      "救助对象预留的本人银行账户。";
  std::string parallel = "①线上申请\n\nA.申请。登录APP在线签署确认书。\n\n" + step +
                         "\n\n②线下申请\n\nA.申请。到社区事务受理服务中心提出申请。\n\n" + step +
                         "\n";
  CHECK_FALSE(Has(LintNarrative(parallel, {}), "paragraph.duplicate"));
  CHECK(TidyNarrative(parallel, {}) == parallel);
  // The same step twice in one list, or a plain paragraph twice, is still a duplicate.
  std::string twice =
      "①线上申请\n\n" + step + "\n\nA.申请。登录APP在线签署确认书。\n\n" + step + "\n";
  CHECK(Has(LintNarrative(twice, {}), "paragraph.duplicate"));
  CHECK(TidyNarrative(twice, {}) ==
        "①线上申请\n\n" + step + "\n\nA.申请。登录APP在线签署确认书。\n");
  std::vector<std::string> scopes = RepeatScopes(
      {"①线上申请", "A.申请", "C.结算", "②线下申请", "A.申请", "C.结算", "正文", "C.结算"});
  CHECK(scopes[1] == scopes[2]);
  CHECK(scopes[2] != scopes[5]);
  CHECK(scopes[0] != scopes[3]);  // ② follows the A. items: its own run
  CHECK(scopes[6].empty());
  CHECK(scopes[7] != scopes[5]);
  CHECK(RepeatScopes({"一、概况", "（一）背景", "（1）政策", "1.文件", "甲方"})[4].empty());
}

TEST_CASE("a heading merged with its sub-heading is split at the space; figures and attachments") {
  std::string text = "（1）筹集和清算闵行区市民社区医疗互助帮困、照护资金 ①对象范围\n";
  CHECK(Has(LintNarrative(text, {}), "paragraph.merged"));
  CHECK(TidyNarrative(text, {}) ==
        "（1）筹集和清算闵行区市民社区医疗互助帮困、照护资金\n\n①对象范围\n");
  CHECK(Has(LintNarrative("具体流程见下图。\n\n（2）业务管理\n", {}), "figure.missing"));
  CHECK_FALSE(Has(LintNarrative("具体流程见下图。\n\n![图1 资金拨付流程图](images/a.png)\n", {}),
                  "figure.missing"));
}

TEST_CASE("附件 references in full-width digits or with a space are respelled") {
  CHECK(Has(LintParagraph("印发了通知（详见附件 6-2 和附件６－３）。"), "attachment.form"));
  CHECK(TidyParagraph("印发了通知（详见附件 6-2 和附件６－３）。") ==
        "印发了通知（详见附件6-2和附件6-3）。");
  CHECK_FALSE(Has(LintParagraph("印发了通知（详见附件6-2和附件6-3）。"), "attachment.form"));
}

TEST_CASE("tidy keeps a list's items together") {
  std::string text = "底稿如下：\n\n- 底稿一：资料清单\n- 底稿二：访谈记录\n";
  CHECK(TidyNarrative(text, {}) == text);
}

TEST_CASE("near-duplicate paragraphs") {
  std::string a =
      "绩效评价结果采用综合评分定级的方法，总分值为100分，绩效评级分优、良、合格、不合格四档。其中"
      "，"
      "90（含）-100为优、80（含）-90分为良、60（含）-80为合格、60分以下为不合格。";
  std::string b =
      "绩效评价结果采用综合评分定级的方法，总分值为100分，绩效评级分优、良、合格、不合格四档。其中"
      "，"
      "90分（含）至100分为优，80分（含）至90分为良，60分（含）至80分为合格，60分以下为不合格。"
      "得分先按四舍五入保留两位小数，再据以定级。";
  CHECK(SameParagraph(a, b));
  CHECK_FALSE(
      SameParagraph(a,
                    "项目立项依据充分，立项程序规范。但设定的绩效目标不够全面，绩效指标不够明确，"
                    "预算编制不够科学，资金分配不够合理。"));
  // A paragraph inside one three times its length shares too few pairs, however alike.
  CHECK_FALSE(SameParagraph(a, a + b + a));
  CHECK(SameParagraph(a + b, b + a));
  CHECK(StripHeadingNumber("（五） 绩效评价工作过程") == "绩效评价工作过程");
  CHECK(StripHeadingNumber("2.评价等级") == "评价等级");
}

}  // namespace jixiao::report

namespace jixiao::report {

TEST_CASE("one number policy for evaluator text") {
  CHECK(NormalizeFigures("知晓率为98.9%。") == "知晓率为98.90%。");
  CHECK(NormalizeFigures("资金到位率为100%，按60%比例给予救助") ==
        "资金到位率为100.00%，按60%比例给予救助");
  CHECK(NormalizeFigures("筹集医疗资金324292.5元、照护资金62125元，清算4625元") ==
        "筹集医疗资金324,292.50元、照护资金62,125.00元，清算4,625.00元");
  // An amount spent, budgeted or computed carries separators and two decimals; a standard, limit
  // or rate quoted from a policy (标准, 限额, 每人, 每餐, 不超过, 以上部分… in its clause) reads as
  // the policy writes it (issue 22, the fresh reader's MUST).
  CHECK(NormalizeFigures("按照人均费用2610元筹集医疗资金324292.5元、按照人均费用500元筹集照护资金。"
                         "门诊补贴为每人每年150元。") ==
        "按照人均费用2,610.00元筹集医疗资金324,292.50元、按照人均费用500.00元筹集照护资金。"
        "门诊补贴为每人每年150元。");
  CHECK(NormalizeFigures("清算2023年医疗资金24142.5元、清算2023年照护资金4625元，每餐3元") ==
        "清算2023年医疗资金24,142.50元、清算2023年照护资金4,625.00元，每餐3元");
  CHECK(NormalizeFigures("个人缴费130元，超过300元以上部分") == "个人缴费130元，超过300元以上部分");
  // A standard once respelled as a ledger amount (by an older tidy) reads as the policy again.
  CHECK(NormalizeFigures(
            "救助限额调整为2,800.00元；区级救助总额不超过30,000.00元。每人每年150.00元") ==
        "救助限额调整为2800元；区级救助总额不超过30000元。每人每年150元");
  // The opposite slip: money spent or budgeted is never left as a bare figure, even in a
  // sentence that names a standard in another clause.
  CHECK(NormalizeFigures("依据救助标准编制预算，年预算总额为135万元，全年发放补贴2800元") ==
        "依据救助标准编制预算，年预算总额为135.00万元，全年发放补贴2,800.00元");
  CHECK(NormalizeFigures("“农民个人缴费补助资金”年初分配了2400元") ==
        "“农民个人缴费补助资金”年初分配了2,400.00元");
  CHECK(NormalizeFigures("发放救助资金639318.31元") == "发放救助资金639,318.31元");
  CHECK(NormalizeFigures("中央资金6.5万元，年预算总额为135万元，限额为13万元/人") ==
        "中央资金6.50万元，年预算总额为135.00万元，限额为13万元/人");
  // No space between a number and its unit, none around the “/” of a rate.
  CHECK(NormalizeFigures("全年最高救助限额为2800 元/人，住院限额为13万元 /人，餐费3元 / 餐") ==
        "全年最高救助限额为2800元/人，住院限额为13万元/人，餐费3元/餐");
  // A policy's rate reads as the policy writes it, whatever separators or zeros were typed.
  CHECK(NormalizeFigures("限额为2,800.00元/人，补贴0.125元/人，标准3.50元/餐") ==
        "限额为2800元/人，补贴0.125元/人，标准3.50元/餐");
  // A range reads alike at both ends; years, 文号, counts, dates and percentages are no amounts.
  CHECK(NormalizeFigures("补助2000-3000元，或1～2万元") ==
        "补助2,000.00-3,000.00元，或1.00～2.00万元");
  // A count of four or more digits is grouped like the tables print it (second review of
  // xinqiao: 201,181 in text beside 201181 in 表1-1-1); the year, date and 文号 stay.
  CHECK(NormalizeFigures("2024年共1896人次，7月2日划拨，沪医保规〔2023〕2号，按60%比例") ==
        "2024年共1,896人次，7月2日划拨，沪医保规〔2023〕2号，按60%比例");
  CHECK(NormalizeFigures("沪医保规〔2023〕2号，2024年，1,471,745.31元") ==
        "沪医保规〔2023〕2号，2024年，1,471,745.31元");
  // An amount of more than two decimals or beyond 亿 is not respelled (the value would change).
  CHECK(NormalizeFigures("单价0.125元，共1.2亿元") == "单价0.125元，共1.2亿元");
  CHECK(NormalizeValue("100%") == "100.00%");
  CHECK(NormalizeValue("98.9%") == "98.90%");
  CHECK(NormalizeValue("≥90%") == "≥90%");
  CHECK(NormalizeValue("不够及时") == "不够及时");
}

TEST_CASE("counts of four or more digits carry separators; years, dates and 文号 never") {
  CHECK(NormalizeFigures("实际补贴201181餐次，送餐69326单，覆盖3126人，计划1500人次") ==
        "实际补贴201,181餐次，送餐69,326单，覆盖3,126人，计划1,500人次");
  CHECK(NormalizeFigures("2024年10月9日，新府办〔2023〕42号，第1000名，共12个，抽检144批次") ==
        "2024年10月9日，新府办〔2023〕42号，第1000名，共12个，抽检144批次");
  CHECK(NormalizeValue("≥219000餐次") == "≥219,000餐次");
  CHECK(NormalizeValue("3126人") == "3,126人");
  CHECK(NormalizeValue("201,181餐次") == "201,181餐次");
  CHECK(NormalizeValue("逾期4天（1项）") == "逾期4天（1项）");
}

}  // namespace jixiao::report

namespace jixiao::report {
TEST_CASE("quoted text keeps its figures as written") {
  CHECK(NormalizeFigures("指标值为“完成率100%”，覆盖率为100%") ==
        "指标值为“完成率100%”，覆盖率为100.00%");
}
TEST_CASE("numeric ranges are joined with ～, numbers' parts are not ranges") {
  CHECK(Has(LintParagraph("预算调整率0–5%（含）得分值的75%。"), "range.dash"));
  CHECK(Has(LintParagraph("满意度80%（含）-90%得分值的80%。"), "range.dash"));
  CHECK(TidyParagraph("满意度80%（含）-90%得分值的80%，5.00%—10.00%之间。") ==
        "满意度80%（含）～90%得分值的80%，5.00%～10.00%之间。");
  for (const char* fine : {"详见附件2-2和表1-3-2、图1-6-2。", "截至2024-12-31的数据。",
                           "在80%（含）～90%之间。", "沪医保规〔2022〕12号。"}) {
    CHECK_FALSE(Has(LintParagraph(fine), "range.dash"));
    CHECK(TidyParagraph(fine) == fine);
  }
}

}  // namespace jixiao::report

namespace jixiao::report {

// Issue 22: "5%-10%(含)得50%" quoted beside the report's own "5.00%～10.00%（含）".
TEST_CASE("quoted framework text: ASCII punctuation and dash ranges are normalised") {
  CHECK(NormalizeQuoted("5%-10%(含)得50%;10%以上不得分") == "5%～10%（含）得50%；10%以上不得分");
  CHECK(NormalizeQuoted("80%（含）–90%得分值的80%") == "80%（含）～90%得分值的80%");
  CHECK(NormalizeQuoted("0—5%（含）") == "0～5%（含）");
  CHECK(NormalizeQuoted("得分=分值×资金到位率") == "得分=分值×资金到位率");  // nothing to mend
  CHECK(HasDashRange("5%-10%"));
  CHECK_FALSE(HasDashRange("5%～10%（含）"));
  CHECK_FALSE(HasDashRange("沪医保规〔2022〕12号"));
}

TEST_CASE("a ① series restarting under one heading is a 提示; a heading between resets it") {
  auto restarts = [](const std::string& text) {
    int n = 0;
    for (const auto& issue : LintNarrative(text, {}))
      if (issue.code == "list.restart") n += issue.note ? 1 : 100;
    return n;
  };
  const std::string two =
      "①线上申请\n\nA.申请。在线签署。\n\n②线下申请\n\nA.申请。到中心申请。\n\n";
  CHECK(restarts("（2）业务管理\n\n" + two + "①医疗救助受理、审核、审批环节\n\n②救助资金申报\n") ==
        1);
  CHECK(restarts("（2）业务管理\n\n" + two + "（3）系统操作流程\n\n①受理环节\n\n②申报\n") == 0);
  CHECK(restarts(two + "## 系统操作\n\n①受理环节\n") == 0);
  CHECK(restarts("①只有一项\n\n①另一组\n") == 0);  // no ② yet: not a series
}

}  // namespace jixiao::report
