#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/report_diagnostics.h"
#include "core/guard.h"
#include "core/text.h"

namespace jixiao::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"new", "新建待填写的案例目录（可由绩效目标表生成指标体系）",
       "jixiao new DIR --framework ID|PATH [--targets FILE.csv|FILE.xlsx]\n"
       "  写出 case.json、各数据表（表头）、README.md、narrative/ "
       "叙述待填写文件，并把指标体系复制进目录。\n"
       "  ID 为随附指标体系（在 $JIXIAO_INDICATORS、$JIXIAO_HOME/indicators、程序旁的 indicators/、"
       "../share/jixiao/indicators 中查找，见 docs/deploy.md）。\n"
       "  --targets "
       "由项目单位的绩效目标表生成产出、效益、满意度指标（二级分值均分到百分之一分）。\n"
       "  随后 jixiao validate DIR 列出待填写的内容。格式说明：docs/case-format.md。",
       RunNew},
      {"sheet", "生成预填的数据录入工作簿（Excel）",
       "jixiao sheet CASE -o FILE.xlsx\n"
       "  "
       "每类输入一张工作表：项目信息、预算执行、资金到位、历年预算、资金划拨、计划完成、发放明细、"
       "\n"
       "  "
       "绩效目标（含实际值）、指标数据（含数据来源）、评价结论（等级、要素、调整、分析）、扣分明细"
       "。\n"
       "  已有内容预先填入；等级为下拉列表，金额、日期有数据验证。格式说明：docs/case-format.md。",
       RunSheet},
      {"framework", "指标体系表（Excel）：把指标体系写成工作簿，或把改好的工作簿转回 JSON",
       "jixiao framework sheet ID|FILE.json -o FILE.xlsx\n"
       "jixiao framework json FILE.xlsx -o FILE.json\n"
       "  sheet：随附指标体系（按 id）或 .json 文件写成“说明”“体系”“指标”三页的工作簿，"
       "每行一个指标；\n"
       "  也是在 Excel 中新建指标体系的模板。json：读回改好的工作簿，按 validate 的规则检查，\n"
       "  每个错误指明工作表和单元格（如 指标!F4），有错误时不写文件。评分规则：docs/rules.md。",
       RunFramework},
      {"import", "把填好的录入工作簿导回案例目录",
       "jixiao import FILE.xlsx CASE\n"
       "  更新 case.json "
       "的项目信息、指标值、评价结论和经验问题建议，重写各数据表；narrative/、survey/ "
       "与指标体系保留。\n"
       "  每个错误指明工作表和单元格（如 预算执行!C5）；有错误时不改动案例目录。\n"
       "  CASE 不存在时新建，指标体系按工作簿“说明”页记录的 id "
       "查找。格式说明：docs/case-format.md。",
       RunImport},
      {"validate", "检查指标体系、案例目录和表格，列出全部问题",
       "jixiao validate PATH…\n  PATH 可以是指标体系 .json、案例目录或 .csv 表格。\n"
       "  有任何错误时退出码为 1。案例格式：docs/case-format.md；评分规则：docs/rules.md。",
       RunValidate},
      {"draft", "为缺少文字的章节起草：依据数据写评价对象、范围、依据等，并起草存在问题和建议",
       "jixiao draft CASE [--force]\n"
       "  把依据数据生成的草稿写入 CASE/narrative/ 并在 case.json 中登记；case.json 没有\n"
       "  存在问题、建议时，依扣分指标起草（建议中的【待补充】须写明措施）。\n"
       "  不覆盖评价人员已写的叙述文件（--force 时覆盖并说明）；只写案例目录内。\n"
       "  说明：docs/case-format.md。",
       RunDraft},
      {"tidy", "整理案例叙述文件：统一中文标点、删除重复段落和多余空格、合并断开的段落",
       "jixiao tidy CASE… [--dry-run]\n"
       "  就地修正 CASE/narrative/*.md 中可安全修正的问题，并列出改动（- 原文 / + 修改后）。\n"
       "  --dry-run  只列出改动，不写文件。其余问题见 jixiao validate。说明：docs/templates.md。",
       RunTidy},
      {"score", "计算案例的各级指标得分、总分和等级",
       "jixiao score CASE [--json] [--strict] [--explain [CODE]]\n  CASE 为案例目录。--json 输出 "
       "JSON（含 warnings 数组；字段见 docs/case-format.md 的“score --json”一节）。\n  "
       "警告输出到标准错误；--strict "
       "把警告当作错误（退出码 1）。\n  --explain [CODE] 逐个末级指标列出规则、读入的每个输入"
       "（单位与出处）、精确分数运算与取整；\n  给出 CODE 时只解释该指标（或其下级）。\n"
       "  评分规则：docs/rules.md；一致性检查：docs/checks.md。",
       RunScore},
      {"report", "生成绩效评价报告（DOCX、HTML、Markdown）和评分表工作簿（XLSX）",
       "jixiao report CASE… [-o DIR] [--formats docx,html,md,xlsx,pdf] [--templates DIR] "
       "[--no-toc-pages] [--final]\n"
       "  给出多个案例时，各案例写入 DIR/<案例编号>/，并使用全部处理器核心。\n"
       "  -o DIR          输出目录（默认 out）\n"
       "  --formats       逗号分隔的格式，默认 docx,html,md,xlsx（xlsx 为评分表工作簿 "
       "scoring.xlsx；pdf 由 LibreOffice 生成）\n"
       "  --outline NAME  报告提纲：shanghai（默认，沪财绩〔2020〕6号口径）或 national-2020"
       "（财预〔2020〕10号参考提纲）\n"
       "  --no-toc-pages  不调用 LibreOffice 排版来写目录页码（单个案例默认写入）\n"
       "  --final         定稿：报告中仍有【待补充】时拒绝生成（退出码 1）并逐项列出\n"
       "  --templates DIR 章节模板目录（复制 templates/report 后修改），默认为随附模板\n"
       "  案例 attachments/ 中的附件：.md 附在报告之后，其他文件（如 "
       "PDF）列为“另附”并复制到输出目录。\n"
       "  模板说明：docs/templates.md；案例格式：docs/case-format.md。",
       RunReport},
      {"survey", "问卷统计与问卷调查汇总分析报告（附件）",
       "jixiao survey CASE [-o DIR] [--formats docx,html,md] [--templates DIR]\n"
       "  由 survey/questionnaire.json 和 survey/responses.csv "
       "计算各指标、分布、置信区间与抽样误差，\n"
       "  写出 survey.docx/.html/.md；jixiao report "
       "也会把它作为附件收入报告。\n"
       "jixiao survey import EXPORT.xlsx CASE [--mapping FILE] [--dry-run]\n"
       "  把问卷星下载的答卷 .xlsx 写入 survey/responses.csv（题目按题干文字对应）。"
       "说明：docs/survey.md。",
       RunSurvey},
      {"compare", "多个评价案例的汇总比较（财政局）",
       "jixiao compare CASE… [-o DIR] [--formats xlsx,docx,html,md] [--templates DIR]\n"
       "  jixiao compare --archive FILE|postgresql://… [--year Y] [--region R] [--department D]\n"
       "    [--town T] [--framework ID] [--grade G] [--matrix] [-o DIR] …\n"
       "    （超过5,000个案例时汇总比较；--matrix 另写逐案例的末级指标矩阵）\n"
       "  "
       "排名（同分同名次）、一级得分率、案例×指标矩阵、等级分布、扣分最多指标、共性问题、年度变化；"
       "\n"
       "  写出 "
       "compare.xlsx（含图表）和“街镇财政支出绩效评价结果汇总分析”报告。说明：docs/compare.md。",
       RunCompare},
      {"archive", "评价结果档案库（SQLite 或 PostgreSQL）：加入、列出、查看、删除、导出、导入",
       "jixiao archive add CASE… | list | show ID | remove ID | export FILE.jsonl | import "
       "FILE.jsonl\n"
       "  [--archive FILE|postgresql://用户@主机:端口/数据库] [--year Y] [--region R] "
       "[--department D]\n"
       "  [--town T] [--framework ID] [--grade G]（list 的筛选）\n"
       "  默认档案库：$JIXIAO_ARCHIVE，否则 ~/.local/share/jixiao/archive.db。\n"
       "  "
       "加入按批提交（每批200个案例一个事务，新案例多行写入）；保存评分结果与输入摘要，再次加入已变"
       "化的案例时会提示并更新。\n"
       "  export/import 以 JSON 行整体搬迁档案库（可在 SQLite 与 PostgreSQL 之间）。\n"
       "  说明：docs/compare.md。",
       RunArchive},
      {"serve", "网页应用：项目单位、评价机构、财政局在浏览器中工作",
       "jixiao serve [--config FILE] [--listen 127.0.0.1:8080] [--data DIR] [--db URL] "
       "[--tls-cert FILE --tls-key FILE] [--job-stale-seconds N] [--routes]\n"
       "  --config FILE      配置文件（如 /etc/jixiao/jixiao.conf，见 "
       "docs/deploy.md）；命令行参数优先\n"
       "  --listen 地址:端口  默认 127.0.0.1:8080\n"
       "  --data DIR         数据目录（案例文件；未给 --db 时数据库为 DIR/jixiao.db），默认 "
       "jixiao-data\n"
       "  --db URL           postgresql://… 时记录保存在该 PostgreSQL 数据库\n"
       "  --tls-cert/--tls-key  PEM 证书与私钥：以 HTTPS（TLS 1.2 及以上）提供服务，Cookie 加 "
       "Secure\n"
       "  --job-stale-seconds N  后台任务的服务进程超过 N 秒（默认 60，至少 "
       "3）没有心跳即判为已停止\n"
       "  --routes           打印路由表（JSON）后退出\n"
       "  先用 jixiao user add 建立账号。说明：docs/api.md。",
       RunServe},
      {"user", "网页应用的账号",
       "jixiao user add NAME --role admin|bureau|evaluator|unit [--unit 单位] [--region 区域] "
       "--password-stdin [--data DIR|--db URL]\n"
       "  密码从标准输入读一行（至少 10 个字符），以 PBKDF2-HMAC-SHA256 保存。\n"
       "  项目单位须给 --unit 和 --region，财政局须给 --region；评价机构的 --region "
       "为其评价默认所属区域。\n"
       "jixiao user reset-password NAME --password-stdin [--data DIR|--db URL]\n"
       "jixiao user disable|enable NAME [--data DIR|--db URL]\n"
       "  重设密码、停用或启用账号；该账号原有的登录全部退出，停用的账号不能登录。\n"
       "  说明：docs/api.md（账号与会话）。",
       RunUser},
      {"targets", "检查绩效目标表并导出申报表（项目单位）",
       "jixiao targets check FILE [--budget budget.csv] [--json]\n"
       "  jixiao targets fix FILE -o FIXED.csv [--budget budget.csv]\n"
       "  jixiao targets render FILE [-o DIR] [--formats xlsx,docx,html,md]\n"
       "  FILE 为 targets.csv（UTF-8 或 GBK）或包含它的目录；同目录的 project.json 为申报表表头，\n"
       "  budget.csv 为预算明细（也可用 --budget 指定）。\n"
       "  check 列出每个问题（规则、行、说明、建议）；有错误级问题时退出码为 1。\n"
       "  fix 写出应用了全部机械性建议的修订表，改动的单元格标“待确认”，并列出改动清单。\n"
       "  规则与示例见 docs/targets.md。",
       RunTargets},
      {"selfeval", "项目支出绩效自评表：复核（重算得分并列出问题）",
       "jixiao selfeval check PATH… [--rules ID|FILE] [--json] [-o DIR]\n"
       "  PATH 为自评表文件夹（form.csv、budget.csv，可选 summary.csv、project.csv）或其中的 "
       "form.csv。\n"
       "  --rules 为自评规则：selfeval-national（默认）、selfeval-hubei、selfeval-sichuan-2023、\n"
       "  selfeval-40-40-20（不写时按表式自动选择）\n"
       "  或规则文件路径。--json 输出每份表的 form/budget/rows 结果（多份时为数组）。\n"
       "  -o DIR 写出 复核汇总.xlsx（每表一行，按总分差额排序）和每份表的标注稿。\n"
       "  有错误级问题时退出码为 1。规则、表式与检查项见 docs/selfeval.md。\n"
       "  PATH 也可为 .xlsx 自评表（全国通用、四川衔接资金、云南公开、湖北、四川2023 表式）。\n"
       "jixiao selfeval new --targets FILE -o FORM.xlsx [--rules ID|FILE] [--year YYYY]\n"
       "  由绩效目标表（targets.csv 或申报表 "
       ".xlsx）生成空白自评表：分值按规则设定，定性指标有下拉选项。\n"
       "  年度取自 --year、绩效目标表标题（××××年度）或 project.json 的“年度”、文件名中的年份，\n"
       "  并说明出处；都没有时警告并指出要填写的单元格。\n"
       "jixiao selfeval score FORM [-o DIR] [--rules ID|FILE]\n"
       "  对填好的自评表（.xlsx 或文件夹）计分，写出 <名称>_计分.xlsx（A4 打印）和 "
       "<名称>_计分_自评报告.docx。",
       RunSelfeval},
  };
  return kCommands;
}

bool WantsHelp(const Args& args) {
  for (const auto& a : args)
    if (a == "--help" || a == "-h") return true;
  return false;
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  auto add = [&](const std::string& item) {
    std::string trimmed = Trim(item);
    if (!trimmed.empty() && std::find(out.begin(), out.end(), trimmed) == out.end())
      out.push_back(trimmed);
  };
  size_t start = 0;
  for (size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
    add(list.substr(start, comma - start));
  add(list.substr(start));
  return out;
}

bool FormatsGiven(const std::vector<std::string>& formats) {
  if (!formats.empty()) return true;
  std::fprintf(stderr, "--formats 不能为空：请列出至少一种格式，以逗号分隔（如 docx,html）。\n");
  return false;
}

int Usage(const Command& command, bool to_stderr) {
  std::fprintf(to_stderr ? stderr : stdout, "用法：%s\n", command.usage);
  return to_stderr ? 2 : 0;
}

const Command& FindCommand(const std::string& name) {
  for (const auto& c : Commands())
    if (name == c.name) return c;
  return Commands().front();
}

static int TopUsage(bool to_stderr) {
  FILE* out = to_stderr ? stderr : stdout;
  std::fprintf(out, "jixiao — 财政支出项目绩效评价\n\n用法：jixiao 命令 [参数]\n\n命令：\n");
  for (const auto& c : Commands()) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out, "\n每个命令都支持 --help。\n");
  return to_stderr ? 2 : 0;
}

int Main(int argc, char** argv) {
  Args args(argv + 1, argv + argc);
  if (args.empty()) return TopUsage(true);
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") return TopUsage(false);
  for (const auto& c : Commands()) {
    if (args[0] != c.name) continue;
    // Last line of defence: whatever escapes a command is reported in Chinese, exit 1, no abort.
    Diagnostics diags;
    int code = 1;
    if (Guarded(std::string("jixiao ") + c.name, diags,
                [&] { code = c.run(Args(args.begin() + 1, args.end())); }))
      return code;
    PrintDiagnostics(diags);
    return 1;
  }
  std::fprintf(stderr, "未知命令“%s”。\n", args[0].c_str());
  return TopUsage(true);
}

}  // namespace jixiao::cli
