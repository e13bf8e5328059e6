#!/usr/bin/env python3
"""The sparse case (issue 22): maqiao-2024 stripped of all narrative, of the findings' analysis and
summary, and of the experiences, problems and suggestions — built here from the example, so it
stays in step. What the report must show, written before the code:
  - no heading printed with nothing under it (md and docx; the summary's ● lines count too);
  - the data-derived sections written: 评价对象、范围 (project, unit, amount, period), 评价依据
    (财预〔2020〕10号 and the framework's documents), 项目计划实施内容及完成情况 (the plan table
    and the disbursements), 其他 ("无。");
  - `jixiao draft CASE` writes those drafts and draft 存在问题/建议 into the case only, keeping
    what the evaluator wrote (and saying so);
  - every other empty section shows a 【待补充：…】 line; `validate` lists each (report.todo,
    one per line, exit 0) and warns that no problem explains the lost points, naming the
    indicators; `report --final` refuses (exit 1, a Chinese message naming each,
    nothing written) while any remains, and accepts the full example.
Usage: report_sparse.py [--jixiao PATH] [--keep DIR] [--selftest]   (--help for more)"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, zipfile

ENV = dict(os.environ, JIXIAO_OFFICE="none")


def strip_case(src, dst):
    shutil.copytree(src, dst)
    with open(os.path.join(dst, "case.json"), encoding="utf-8") as f:
        case = json.load(f)
    case.pop("narrative", None)
    for key in ("experiences", "problems", "suggestions"):
        case[key] = []
    for finding in case.get("findings", {}).values():
        finding.pop("analysis", None)
        finding.pop("summary", None)
    with open(os.path.join(dst, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=2)
    shutil.rmtree(os.path.join(dst, "narrative"), ignore_errors=True)
    return case


def md_level(block):
    """A heading's level, 9 for a summary's ● line, 0 for anything else."""
    m = re.match(r"(#+) ", block)
    if m:
        return len(m.group(1))
    return 9 if re.fullmatch(r"\*\*●[^*]*\*\*", block) else 0


def bare_headings(md, title):
    blocks = [b.strip() for b in md.split("\n\n") if b.strip()]
    bare = []
    for i, b in enumerate(blocks):
        level = md_level(b)
        if not level or b in ("# 目录", "# " + title):
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else ""
        nxt = md_level(following) if following else 1
        if not following or (nxt and (nxt <= level or level == 9)) or following.startswith("附件："):
            bare.append(b)
    return bare


def docx_bare_headings(path, title):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    body = xml[xml.find("<w:body>"):]
    items = []  # (level, text) per paragraph or table in order
    for m in re.finditer(r"<w:tbl>.*?</w:tbl>|<w:p[ >].*?</w:p>", body, flags=re.S):
        chunk = m.group(0)
        if chunk.startswith("<w:tbl>"):
            items.append((0, "[table]"))
            continue
        style = re.search(r'w:pStyle w:val="Heading(\d)"', chunk)
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", chunk))
        if "<w:drawing" in chunk:
            text += "[picture]"
        if text.strip():
            items.append((int(style.group(1)) if style else 0, text))
    bare = []
    for i, (level, text) in enumerate(items):
        if not level or text in ("目录", title):
            continue
        nxt = items[i + 1][0] if i + 1 < len(items) else 1
        if nxt and nxt <= level:
            bare.append(text)
    return bare


def section(md, heading):
    m = re.search(r"(?ms)^#+ [^\n]*" + re.escape(heading) + r"[^\n]*\n(.*?)(?=^#)", md)
    return m.group(1) if m else ""


def check(jixiao, keep=None):
    errors = []
    work = tempfile.mkdtemp()
    case_dir = os.path.join(work, "sparse")
    case = strip_case("data/cases/maqiao-2024", case_dir)
    project = case["project"]
    title = project["name"] + "绩效评价报告"
    out = os.path.join(work, "out")
    run = subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "md,docx",
                          "--no-toc-pages"], capture_output=True, text=True, env=ENV)
    if run.returncode != 0:
        return [f"report of the sparse case failed: {run.stderr[-400:]}"]
    if keep:  # the sparse case and its report, for a reader to open (render it with --formats pdf)
        shutil.copytree(case_dir, os.path.join(keep, "case"), dirs_exist_ok=True)
        shutil.copytree(out, os.path.join(keep, "report"), dirs_exist_ok=True)
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    errors += [f"md: bare heading {h}" for h in bare_headings(md, title)]
    errors += [f"docx: bare heading {h}" for h in docx_bare_headings(os.path.join(out, "report.docx"), title)]
    scope = section(md, "绩效评价对象")
    for said in (project["name"], project["unit"], "万元", project["period"]):
        if said not in scope:
            errors.append(f"评价对象、范围 does not state {said}")
    basis = section(md, "绩效评价依据")
    if "财预〔2020〕10号" not in basis or "沪财绩〔2020〕6号" not in basis:
        errors.append("评价依据 does not name 财预〔2020〕10号 and the framework's documents")
    plan = section(md, "项目计划实施内容及完成情况")
    if "计划实施内容" not in plan or plan.count("\n|") < 3 or "批次" not in plan:
        errors.append("项目计划实施内容及完成情况 lacks the plan table or the disbursements")
    # 完成情况 accounts for the whole 实际支出 (reader5 MUST 3), not the 社会化发放 alone: its
    # parts sum to the total, to the fen.
    account = re.search(r"实际支出([\d,]+\.\d\d)元，其中：([^。]*)。", plan)
    if not account:
        errors.append("项目计划实施内容及完成情况 does not account for the year's 实际支出")
    else:
        fen = lambda a: int(a.replace(",", "").replace(".", ""))
        parts = [re.findall(r"合计([\d,]+\.\d\d)元", p) or re.findall(r"([\d,]+\.\d\d)元", p)[-1:]
                 for p in account.group(2).split("；")]
        if sum(fen(p[0]) for p in parts if p) != fen(account.group(1)) or \
                "1,471,745.31" != account.group(1) or len(parts) < 3:
            errors.append(f"完成情况's parts do not sum to 实际支出: {account.group(0)}")
    if section(md, "（八）其他").strip() != "无。":
        errors.append("其他 is not “无。”")
    # Full marks are never a bare conclusion (reader5 MUST 2): each 满分 paragraph states the
    # rule's data or asks, in a 【待补充：CODE …的核查情况…】, for the evidence; validate lists
    # each at $.findings.CODE.analysis.
    asked = []
    for code, body in re.findall(r"(?m)^（\d+）\*\*([A-Z][A-Z0-9]*) [^*]+\*\*：(.*)$", md):
        if body.startswith("评分标准为") and "根据评分标准，不扣分" in body:
            errors.append(f"{code}: full marks with neither evidence nor 【待补充】: {body[:60]}")
        if body.startswith("【待补充：" + code + " "):
            asked.append(code)
    if len(asked) < 11:
        errors.append(f"only {len(asked)} full-marks indicators ask for evidence: {asked}")
    out_all = subprocess.run(
        [jixiao, "validate", case_dir], capture_output=True, text=True, env=ENV)
    at = sorted(re.findall(r"\$\.findings\.([A-Z][A-Z0-9]*)\.analysis: 警告\[report\.todo\]",
                           out_all.stderr + out_all.stdout))
    if at != sorted(asked):
        errors.append(f"validate asks for evidence at {at}, the report at {sorted(asked)}")
    md = re.sub(r"【待补充：[A-Z][A-Z0-9]* [^】]*的核查情况[^】]*】", "", md)
    todo = re.findall(r"【待补充：([^】]+)】", md)
    if not todo:
        errors.append("no 【待补充】 line in a case without narrative")
    for line in todo:  # each stands alone on its line, under its heading (the survey's unknown
        # facts stand alone after the paragraph that leaves them unsaid)
        if line.startswith("样本量") and re.search(r"(?m)^【待补充：" + re.escape(line) + "】$", md):
            continue
        if not re.search(r"(?m)^#* ?[^\n]*" + re.escape(line) + r"[^\n]*\n\n【待补充：", md) and \
                not re.search(r"(?m)^\*\*●\s*" + re.escape(line) + r"\*\*\n\n【待补充：", md):
            errors.append(f"【待补充：{line}】 is not right under its heading")
    validate = subprocess.run([jixiao, "validate", case_dir], capture_output=True, text=True, env=ENV)
    listed = [re.sub(r"^【待补充：(.*)】$", r"\1", t)  # a 【待补充】 line is named by its text
              for t in re.findall(r"report\.todo\]: 报告“([^”]+)”", validate.stderr + validate.stdout)
              if not re.match(r"[A-Z][A-Z0-9]* ", t)]
    if validate.returncode != 0:
        errors.append(f"validate exit {validate.returncode} on a sparse but valid case")
    if sorted(listed) != sorted(todo):
        errors.append(f"validate lists {sorted(listed)} but the report prints {sorted(todo)}")
    coverage = re.search(r"problems_coverage\]: (.*)", validate.stderr + validate.stdout)
    if not coverage or "A22 绩效指标明确性" not in coverage.group(1):
        errors.append("validate does not warn that the lost points are unexplained, by indicator")
    final_out = os.path.join(work, "final")
    final = subprocess.run([jixiao, "report", case_dir, "-o", final_out, "--formats", "md", "--final"],
                           capture_output=True, text=True, env=ENV)
    if final.returncode != 1 or "定稿报告不能留有【待补充】" not in final.stderr:
        errors.append(f"report --final exit {final.returncode} with 【待补充】 left: {final.stderr[-300:]}")
    for line in set(todo):
        if line not in final.stderr.split("定稿报告不能留有")[-1]:
            errors.append(f"report --final does not name {line}")
    if os.path.exists(os.path.join(final_out, "report.md")):
        errors.append("report --final wrote a report with 【待补充】 left")
    # The full example with its survey data is final; so is maqiao-2024, which knows only the
    # survey's rates: its body cites them, it prints no survey annex and no 【待补充】, and
    # validate notes (提示) that the sample is not stated.
    for case in ("data/cases/maqiao-2024-survey", "data/cases/maqiao-2024"):
        out = os.path.join(work, os.path.basename(case))
        full = subprocess.run([jixiao, "report", case, "-o", out, "--formats", "md", "--final"],
                              capture_output=True, text=True, env=ENV)
        if full.returncode != 0:
            errors.append(f"report --final refuses {case}: {full.stderr[-300:]}")
    rates_only = os.path.join(work, "maqiao-2024", "report.md")
    md = open(rates_only, encoding="utf-8").read() if os.path.exists(rates_only) else ""
    if re.search(r"(?m)^#+ 附件[\d-]+：[^\n]*问卷", md) or \
            re.search(r"附件[\d-]+[：\s]*问卷调查汇总分析报告", md):
        errors.append("maqiao-2024 (rates only) still prints or cites a survey annex")
    if not re.search(r"调查显示，政策知晓率为98\.90%", md):
        errors.append("maqiao-2024's survey paragraph does not cite the survey's results")
    noted = subprocess.run([jixiao, "validate", "data/cases/maqiao-2024"], capture_output=True,
                           text=True, env=ENV)
    if "提示[survey.counts_unstated]" not in noted.stderr + noted.stdout:
        errors.append("validate does not note that maqiao-2024 states no survey sample")
    errors += check_draft(jixiao, work)
    errors += check_quoted_name(jixiao, work)
    shutil.rmtree(work)
    return errors


def snapshot(root):
    return {os.path.relpath(os.path.join(d, f), root): open(os.path.join(d, f), "rb").read()
            for d, _, files in os.walk(root) for f in files}


def check_draft(jixiao, work):
    """jixiao draft writes the data-derived sections and the problems/suggestions into the case,
    only there, keeps what the evaluator wrote, and says so on a second run."""
    errors = []
    case_dir = os.path.join(work, "draft")
    before_case = strip_case("data/cases/maqiao-2024", case_dir)
    os.makedirs(os.path.join(case_dir, "narrative"))
    mine = "评价人员自己写的评价范围。\n"
    open(os.path.join(case_dir, "narrative", "scope.md"), "w", encoding="utf-8").write(mine)
    outside = snapshot(work)
    run = subprocess.run([jixiao, "draft", case_dir], capture_output=True, text=True, env=ENV)
    if run.returncode != 0:
        return [f"draft failed: {run.stderr[-300:]}"]
    changed = {k for k, v in snapshot(work).items() if outside.get(k) != v}
    if any(not k.startswith("draft" + os.sep) for k in changed):
        errors.append(f"draft wrote outside the case: {sorted(changed)}")
    if open(os.path.join(case_dir, "narrative", "scope.md"), encoding="utf-8").read() != mine:
        errors.append("draft overwrote the evaluator's narrative/scope.md")
    if "scope.md：已有评价人员撰写的内容，未覆盖" not in run.stdout:
        errors.append("draft does not say it kept the evaluator's scope.md")
    case = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))
    for key, value in before_case.items():
        if key not in ("narrative", "experiences", "problems", "suggestions") and case.get(key) != value:
            errors.append(f"draft changed case.json member {key}")
    if not case.get("problems") or not case.get("suggestions"):
        errors.append("draft wrote no problems or suggestions")
    # Browser trial 2: what the 核验清单 sends to 生成初稿 is drafted from the data — 主要经验及做法,
    # 引言, 项目预算及支出情况, 绩效目标及实现情况, 计划完成情况 — and the drafts' figures agree
    # with the figure lint; quotes inside quotes are ‘…’.
    if not case.get("experiences") or "【待补充" not in case["experiences"][0]["text"]:
        errors.append(f"draft wrote no 主要经验 with a 【待补充】 for the practice: {case.get('experiences')}")
    drafted = {}
    for key in ("intro", "budget_basis", "goals", "plan_completion", "evaluation_basis", "other"):
        path = os.path.join(case_dir, "narrative", key + ".md")
        drafted[key] = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if not drafted[key].strip():
            errors.append(f"draft wrote no narrative/{key}.md")
    if "万元" not in drafted["budget_basis"] or "财政财政" in drafted["budget_basis"]:
        errors.append(f"budget_basis draft: {drafted['budget_basis']}")
    if "绩效目标" not in drafted["goals"] or "项" not in drafted["goals"]:
        errors.append(f"goals draft: {drafted['goals']}")
    for key, text in drafted.items():
        if re.search(r"“[^”]*“", text):
            errors.append(f"nested “ in the {key} draft: {text}")
    checked = subprocess.run([jixiao, "validate", case_dir], capture_output=True, text=True, env=ENV)
    wrong = re.findall(r"narrative\.(?:figure|score)\]: [^\n]*", checked.stdout + checked.stderr)
    if wrong:
        errors.append(f"the drafts' own figures disagree with the data: {wrong}")
    out = os.path.join(work, "draft-out")
    subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "md", "--no-toc-pages"],
                   capture_output=True, env=ENV, check=True)
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    if mine.strip() not in section(md, "绩效评价对象") or "财预〔2020〕10号" not in md:
        errors.append("the drafted case's report lacks the kept or drafted sections")
    if "【待补充：存在问题】" in md:
        errors.append("the drafted problems are not in the report")
    full = os.path.join(work, "full-draft")
    shutil.copytree("data/cases/maqiao-2024", full)
    untouched = snapshot(full)
    subprocess.run([jixiao, "draft", full], capture_output=True, env=ENV, check=True)
    if snapshot(full) != untouched:
        errors.append("draft changed a full case that needs no draft")
    again = subprocess.run([jixiao, "draft", case_dir], capture_output=True, text=True, env=ENV)
    if again.returncode != 0 or "已写入" in again.stdout:
        errors.append(f"a second draft rewrote drafts: {again.stdout[-300:]}")
    return errors


def check_quoted_name(jixiao, work):
    """The unseen case's project name holds quotes and its period is typed as ISO dates: the
    inner pair prints as ‘…’ and no ISO date reaches running text."""
    case_dir = os.path.join(work, "quoted")
    case = strip_case("data/cases/maqiao-2024", case_dir)
    case["project"]["name"] = "民生保险“沪惠保”补贴项目"
    case["project"]["period"] = "2024-01-01至2024-12-31"
    with open(os.path.join(case_dir, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False)
    out = os.path.join(work, "quoted-out")
    run = subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "md", "--no-toc-pages"],
                         capture_output=True, text=True, env=ENV)
    if run.returncode != 0:
        return [f"report of the quoted case failed: {run.stderr[-300:]}"]
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    text = "\n".join(b for b in md.split("\n\n") if not b.startswith("|"))
    errors = []
    if re.search(r"“[^”]*“", text) or "“民生保险‘沪惠保’补贴项目”" not in text:
        errors.append("quotes inside quotes not printed as ‘…’")
    iso = re.search(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)", text)
    if iso:
        errors.append(f"ISO date in running text: {iso.group(0)}")
    return errors


def selftest():
    title = "X项目绩效评价报告"
    md = ("# 目录\n\n# X项目绩效评价报告\n\n# 一、概况\n\n## （一）背景\n\n## （二）依据\n\n正文。\n\n"
          "**● 存在问题**\n\n**● 评价建议**\n\n【待补充：评价建议】\n\n## （三）建议\n\n附件：1.评分表\n")
    found = bare_headings(md, title)
    want = ["## （一）背景", "**● 存在问题**", "## （三）建议"]
    print("\n".join(found))
    if found != want:
        print(f"selftest: bare headings {found}, planted {want}")
        sys.exit(1)
    print("selftest: every planted bare heading caught")


def main():
    parser = argparse.ArgumentParser(
        description="The sparse case of issue 22: builds maqiao-2024 without narrative, analyses, "
                    "problems and suggestions (run from the repository root) and checks its report: "
                    "no bare heading, data-derived sections written, every 【待补充】 listed by "
                    "validate and refused by report --final, jixiao draft writing only in the case.")
    parser.add_argument("binary", nargs="?", help="the jixiao binary (same as --jixiao)")
    parser.add_argument("--jixiao", default="build/jixiao", help="the jixiao binary (default build/jixiao)")
    parser.add_argument("--keep", metavar="DIR",
                        help="also write the sparse case (DIR/case) and its md/docx report (DIR/report)")
    parser.add_argument("--selftest", action="store_true",
                        help="plant a bare heading and an unlisted 【待补充】 and check both are caught")
    args = parser.parse_args()
    if args.selftest:
        return selftest()
    errors = check(args.binary or args.jixiao, args.keep)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print("sparse case: no bare heading, data-derived sections written, every 【待补充】 listed by "
          "validate and refused by report --final")


if __name__ == "__main__":
    main()
