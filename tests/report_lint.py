#!/usr/bin/env python3
"""Report lint over every generated report of every example case (data/cases/*, each outline in
templates/ that the case can use): reads report.md, report.html and report.docx back and fails on
what a reviewer would have to edit — a paragraph printed twice in one chapter, stray or doubled
punctuation, ASCII quotes or brackets in Chinese text, figures against the number policy
(docs/templates.md), an empty table column, 见下图 with no figure after it, a 附件 reference with
no appended section, and template-like analysis sentences.
Usage: report_lint.py JIXIAO [CASE_DIR…]   (--selftest plants one slip of each kind)"""
import glob, html, os, re, subprocess, sys, tempfile, zipfile

def outlines():
    names = ["report"]
    if os.path.exists("templates/national-2020/sections.txt"):
        names.append("national-2020")
    return names

def generate(jixiao, case_dir, outline, out):
    cmd = [jixiao, "report", case_dir, "-o", out, "--formats", "md,html,docx", "--no-toc-pages"]
    if outline != "report":
        cmd += ["--outline", outline]
    subprocess.run(cmd, check=True, capture_output=True, env=dict(os.environ, JIXIAO_OFFICE="none"))

def md_blocks(md):
    """(chapter, kind, text) for each block of report.md; tables as lists of rows."""
    blocks, chapter = [], ""
    for raw in md.split("\n\n"):
        b = raw.strip()
        if not b:
            continue
        if b.startswith("# "):
            chapter = b
        if b.startswith("|"):
            rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in b.splitlines()]
            blocks.append((chapter, "table", [r for r in rows if not set("".join(r)) <= set("-: ")]))
        else:
            blocks.append((chapter, "heading" if b.startswith("#") else "text", b))
    return blocks

def unquoted(text):
    return re.sub(r"“[^”]*”|《[^》]*》", "", text)

CJK = r"[\u4e00-\u9fff]"
INLINE = [
    ("stray punctuation", r"[。；，]-(?=\s|$|[\u4e00-\u9fff])"),
    ("doubled punctuation", r"[。，、；：]{2}"),
    ("ASCII quote in Chinese text", r"\""),
    ("ASCII angle bracket for a title within 《》 (use 〈〉)", r"《[^》]*[<>‹›][^》]*》"),
    ("ASCII bracket in Chinese text", CJK + r"[()]|[()]" + CJK),
    # except between joint issuers inside a title, as officially written: 《中共中央 国务院关于…》
    ("space between Chinese characters",
     CJK + r"(?<!中共中央)(?<!国务院)(?<!办公厅)(?<![部委局署])(?<!政府) +" + CJK),
    ("nested brackets （…（…）…）", r"（[^（）]*（[^（）]*）[^（）]*）"),
    ("quotes inside quotes (the inner pair is ‘…’)", r"“[^”]*“"),
    # GB/T 15834: a numeric range is joined with ～ (or 至), not “-”/“–”/“—”/“~” (0～5%（含）,
    # 80%（含）～90%); 附件2-2, 表1-3-2 and 图1-6-2 are numbers, not ranges.
    ("numeric range joined with a dash (use ～)",
     r"(?<![表图件\d.\-–])\d+(?:\.\d+)?(?:%|分|元|万元)?(?:（含）)?\s*[-–—~]\s*\d+(?:\.\d+)?(?![\d\-]|\.(?!\d))"),
]
NUMBERS = [
    ("percentage with one decimal", r"(?<![\d.])\d+\.\d%"),
    ("measured percentage without two decimals", r"[为达率](?:\d+)%"),
    ("blank around the “/” of a rate", r"元 +/|元/ +"),
    ("count without separators", r"(?<![\d,.第〔])\d{4,}(?:\.\d+)?(?:餐次|人次|批次|人|单|份|户|个|家|件|项|名)"),
]
TEMPLATE_LIKE = [
    ("the report's own table cited as a data source", r"数据来源：表[\d-]+"),
    ("a stub saying what is not listed", r"未在本(?:附件|报告)中列示|(?:份数|分布)[^。]{0,12}未(?:予)?列示"),
    ("template-like 指标“值”（得x分，满分y分）", r"”（得[\d.]+分，满分[\d.]+分）"),
    ("tag （涉及/针对指标：…）", r"（(?:涉及|针对)指标："),
    ("ISO date (the report writes 2024年6月20日)", r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),
    ("band boilerplate 适用“…”档", r"适用“[^”]*”档"),
    ("rule stated twice (evidence and 评分标准)", r"每[低高][\d.]+[^。]*扣[\d.]+分.{0,80}评分标准为：[^。]*每(?:减少|低|高|增加)[\d.]+"),
    ("table read back (近三年…如上表所示。其中：)", r"如上表所示。其中："),
    ("share said twice （得分值的x）；…扣权重的", r"（得分值的[^）]*）；根据评分标准，扣权重的"),
    ("internal data source name", r"数据来源：[^）]*(?:\.csv|资金来源及到位情况|资金划拨记录|问卷调查作答|近年预算执行情况)"),
]

# As report/number_policy.cc QuotesStandard: an amount quotes a policy's standard, limit or rate
# when its clause (back to 。，！？) names one, or when 以上/以下/以内 or the “/” of a rate follows.
STANDARD_WORDS = ("标准", "限额", "每人", "每户", "每餐", "每单", "每次", "每名", "每位", "每件", "每床",
                  "每日", "每天", "不超过", "不低于", "不高于", "最高", "最低", "起付", "封顶", "筹资", "定额")
AMOUNT = re.compile(r"(?<![\d,.])\d[\d,]*(?:\.\d+)?\s*(万元|元)")

def quotes_standard(text, start, end):
    if re.match(r"\s*(?:/|以上|以下|以内)", text[end:]):
        return True
    clause = re.split(r"[。，！？\n]", text[:start])[-1]
    return any(w in clause for w in STANDARD_WORDS) or ("个人" in clause and "缴" in clause)

def lint_amounts(text, errors, name):
    """Money spent, budgeted or computed reads as the ledger (2,800.00元, 135.00万元); a policy's
    standard, limit or rate reads as the policy writes it (每人每年150元, 不超过30000元, 2800元/人)."""
    for m in AMOUNT.finditer(text):
        figure = m.group(0)
        if quotes_standard(text, m.start(), m.end()):
            if re.search(r",|\.0+\s*万?元$", figure):
                errors.append(f"{name}: policy standard reformatted as a ledger amount "
                              f"(write it as the policy does: 2800元, 每人每年150元): {figure}")
        elif not re.fullmatch(r"\d{1,3}(?:,\d{3})*\.\d{2}万?元|\d[\d,]*\.\d{3,}万?元", figure):
            errors.append(f"{name}: amount in {m.group(1)} without separators and two decimals: {figure}")

def lint_text(name, text, errors):
    if not re.search(CJK, text) or text.startswith("|"):
        return
    for label, pattern in INLINE:
        if re.search(pattern, text):
            errors.append(f"{name}: {label}: …{re.search(pattern, text).group(0)}…")
    # “截至2024年12月31日…（…含2025年1月10日拨付的…）” contradicts itself (reader7 MUST 2).
    for m in re.finditer(r"截至(\d{4})年(\d{1,2})月(\d{1,2})日[^。]*?含(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        g = [int(x) for x in m.groups()]
        if g[3:] > g[:3]:
            errors.append(f"{name}: as of a date yet including a later payment: {m.group(0)}")
    plain = unquoted(text)
    lint_amounts(plain, errors, name)
    for label, pattern in NUMBERS + TEMPLATE_LIKE:
        for m in re.finditer(pattern, text if (label, pattern) in TEMPLATE_LIKE else plain):
            errors.append(f"{name}: {label}: {m.group(0)}")

FULL_WIDTH = str.maketrans("０１２３４５６７８９－—–", "0123456789---")

# The attachment list at the end of the body: “附件：1.标题”, then “　　　2-2.标题” lines.
LIST_HEAD = r"(?:附件：|　　　)"
LIST_ITEM = LIST_HEAD + r"(\d+(?:-\d+)*)\."

def marker_kind(text):
    """The list marker kind a block opens with (A. 1. （1） ① 一、 （一）), "" for none."""
    for kind, pattern in (("A.", r"[A-Za-z][.．、]"), ("1.", r"\d+[.．、](?!\d)"), ("（1）", r"[（(]\d+[）)]"),
                          ("①", r"[\u2460-\u2473]"), ("一、", r"[一二三四五六七八九十]+、"),
                          ("（一）", r"[（(][一二三四五六七八九十]+[）)]")):
        if re.match(pattern, text):
            return kind
    return ""

def repeat_scopes(blocks):
    """As report/text_lint.h RepeatScopes: parallel lists (①线上申请 A.…C.结算, ②线下申请
    A.…C.结算) repeat their items on purpose; a repeat counts only within one list."""
    scopes, previous, boundary = [], "", -1
    for i, (_, kind, text) in enumerate(blocks):
        k = marker_kind(text) if kind == "text" else ""
        if k and k != previous:
            boundary = i - 1
        scopes.append(f"{k}@{boundary}" if k else "")
        previous = k
    return scopes

def survey_counts_stated(text):
    """Sample size and valid responses as figures, or a 【待补充】 naming them."""
    if re.search(r"【待补充：[^】]*样本量", text):
        return True
    return bool(re.search(r"(?:发放|回收|样本|共|抽取)[^。]{0,12}?\d[\d,]*[份人户名]", text)
                and re.search(r"有效[^。]{0,8}?\d[\d,]*份", text))

def lint_md(md, errors):
    blocks = md_blocks(md)
    scopes = repeat_scopes(blocks)
    seen = {}
    headings = [t for _, k, t in blocks if k == "heading"]
    for i, (chapter, kind, text) in enumerate(blocks):
        if kind == "table":
            header, body = text[0], text[1:]
            for c, title in enumerate(header):
                cells = [r[c] for r in body if c < len(r) and r[0] != "合计"]
                if cells and all(x in ("", "—") for x in cells):
                    errors.append(f"md: empty column “{title}” in table after {chapter[:30]}")
            if "年份" in header and "项目名称" in header:  # 近三年: no 2024年… name on a 2022 row
                y, n = header.index("年份"), header.index("项目名称")
                for row in body:
                    named = re.match(r"(\d{4})年", row[n]) if n < len(row) else None
                    if named and y < len(row) and not row[y].startswith(named.group(1)):
                        errors.append(f"md: 近三年 row {row[y]} named {row[n]}")
            for row in body:
                for cell in row:
                    for label, pattern in NUMBERS[2:] + TEMPLATE_LIKE[-2:-1] + INLINE[-2:]:
                        if re.fullmatch(r".*" + pattern + r".*", cell):
                            errors.append(f"md table cell: {label}: {cell}")
            continue
        if kind == "heading":
            continue
        lint_text("md", text, errors)
        following = blocks[i + 1][2] if i + 1 < len(blocks) else ""
        item = r"（\d+）|\d+\.(?!\d)"
        if (re.match(item, text) and text.endswith("：") and isinstance(following, str)
                and re.match(item, following)):
            errors.append(f"md: list item ends with “：” where “；” is due: {text[-30:]}")
        if len(text) >= 40:
            key = (chapter, scopes[i], text)
            if key in seen:
                errors.append(f"md: paragraph printed twice in {chapter[:20]}: {text[:40]}…")
            seen[key] = True
        if "下图" in text:
            after = [t for _, k, t in blocks[i + 1:i + 4]]
            if not any(re.match(r"(\*\*)?图\d|!\[", t) for t in after if isinstance(t, str)):
                errors.append(f"md: 见下图 without a figure: {text[:30]}…")
        if re.fullmatch(LIST_ITEM + r".*", text):
            continue  # a line of the 附件：1.… list: checked below
        plain_digits = text.translate(FULL_WIDTH)
        for number in re.findall(r"附件\s*(\d+(?:-\d+)*)(?![\d-])", plain_digits):
            if not any(re.match(rf"#+ 附件{number}：", h) for h in headings) and \
                    not re.search(rf"(?m)^{LIST_HEAD}{number}\..*（另附）$", md):
                errors.append(f"md: dangling reference 附件{number}: {text[:30]}…")
    # The printed 附件 numbers have no gap: 1, 2, 3…; N-2 only after N-1, never a lone N-1.
    numbers = set(re.findall(r"(?m)^#+ 附件(\d+(?:-\d+)*)：", md))
    numbers |= {n for n, _ in re.findall(r"(?m)^" + LIST_ITEM + r"(.*)$", md)}
    heads = sorted({int(n.split("-")[0]) for n in numbers})
    if heads and heads != list(range(1, len(heads) + 1)):
        errors.append(f"md: gap in 附件 numbers: {sorted(numbers)}")
    for h in heads:
        subs = sorted(int(n.split("-")[1]) for n in numbers if n.startswith(f"{h}-"))
        if subs and (subs != list(range(1, len(subs) + 1)) or len(subs) == 1 or str(h) in numbers):
            errors.append(f"md: gap in 附件 numbers: 附件{h} has parts {subs}")
    # The 评价依据 section lists every document it cites (the 原则 rest on 财预〔2020〕10号: it is
    # in the list); documents quoted in the project's description are its 立项依据, not this list's.
    # A section that states its basis in a sentence, with no list, is its own list.
    number = r"[\u4e00-\u9fff]+〔\d{4}〕\d+号"
    for basis in re.findall(r"(?ms)^#+ [^\n]*评价依据[^\n]*\n(.*?)(?=^#+ |\Z)", md):
        lines = basis.split("\n")
        listed = {d for l in lines if re.match(r"^（\d+）", l) for d in re.findall(number, l)}
        for l in lines:
            for d in re.findall(number, l):
                if listed and d not in listed and not re.match(r"^（\d+）", l):
                    errors.append(f"md: 评价依据 cites {d} but does not list it: {l[:30]}…")
    # An annex's own sections are numbered 一、二、… in order, as the report's chapters are.
    for title, body in re.findall(r"(?ms)^# (附件[\d-]+：[^\n]*)\n(.*?)(?=^# |\Z)", md):
        subs = re.findall(r"(?m)^## (.*)$", body)
        if subs and any(not h.startswith(n + "、") for h, n in zip(subs, "一二三四五六七八九十")):
            errors.append(f"md: {title}'s sections are not numbered 一、二、…: {subs[:3]}")
    # A survey annex says what the case knows of the survey: its sample or how it was drawn.
    for title, body in re.findall(r"(?ms)^# (附件[\d-]+：[^\n]*问卷[^\n]*)\n(.*?)(?=^# |\Z)", md):
        if not re.search(r"抽样|样本|发放|回收|有效问卷(?:\d|共|为)", body):
            errors.append(f"md: survey annex {title} says nothing of its sample or method")
        if not survey_counts_stated(body):
            errors.append(f"md: survey annex {title} gives no sample size or valid responses "
                          "and no 【待补充：样本量…】")
    # The body's survey paragraphs (6.问卷调查) too: one of them, or the line after it, gives the
    # counts or a 【待补充：样本量…】 line.
    paragraphs = re.split(r"(?m)^# 附件", md)[0].split("\n\n")
    describing = [i for i, p in enumerate(paragraphs) if "问卷" in p and len(p) > 20
                  and re.search(r"发放|抽样|开展问卷调查|问卷调研", p) and not p.startswith(("#", "|"))]
    # A case that knows no count prints no survey annex: then the paragraph states the results.
    annexed = re.search(r"(?m)^#+ 附件[\d-]+：[^\n]*问卷", md)
    cited = [i for i in describing if not annexed and re.search(r"调查显示[^。]*\d%", paragraphs[i])]
    if describing and not cited and \
            not any(survey_counts_stated("\n\n".join(paragraphs[i:i + 2])) for i in describing):
        errors.append("md: survey paragraph gives no sample size or valid responses and no "
                      f"【待补充：样本量…】: {paragraphs[describing[0]][:40]}…")
    # Every item of the 附件：1.… list has its section, or is 另附.
    for number, rest in re.findall(r"(?m)^" + LIST_ITEM + r"(.*)$", md):
        if not rest.endswith("（另附）") and not any(re.match(rf"#+ 附件{number}：", h) for h in headings):
            errors.append(f"md: 附件目录 lists 附件{number} without its section")

def html_text(page):
    page = re.sub(r"<style>.*?</style>|<svg.*?</svg>", "", page, flags=re.S)
    paras = re.findall(r"<p[^>]*>(.*?)</p>", page, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras]

def docx_text(path):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    xml = re.sub(r"<w:tbl>.*?</w:tbl>", "", xml, flags=re.S)  # table cells are checked in md
    out = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        if "<w:tbl" in p:
            continue
        out.append(html.unescape("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))))
    return out

def lint_case(jixiao, case_dir, outline, errors):
    out = tempfile.mkdtemp()
    generate(jixiao, case_dir, outline, out)
    md = open(os.path.join(out, "report.md"), encoding="utf-8").read()
    found = []
    lint_md(md, found)
    # A section headed 目的 states the purpose (national 二（一）绩效评价目的、对象和范围).
    for section in re.findall(r"(?ms)^#+ [^\n]*评价目的[^\n]*\n(.*?)(?=^#)", md):
        if not re.search(r"评价目的|目的是|目的在于|目的为", section):
            found.append("md: 绩效评价目的 section without a purpose sentence")
    for number, title in re.findall(r"(?m)^" + LIST_ITEM + r"(.*)（另附）$", md):
        if not glob.glob(os.path.join(glob.escape(out), f"附件{number} *")):
            found.append(f"附件{number} is listed 另附 but not copied beside the report")
    for text in html_text(open(os.path.join(out, "report.html"), encoding="utf-8").read()):
        lint_text("html", text, found)
    for text in docx_text(os.path.join(out, "report.docx")):
        lint_text("docx", text, found)
    errors += [f"{case_dir} [{outline}] {e}" for e in found]

def selftest():
    md = ("## （二）绩效评价依据、原则\n\n（1）《上海市财政项目支出预算绩效管理办法（试行）》（沪财绩〔2020〕6号）；\n\n"
          "本次评价遵循《项目支出绩效评价管理办法》（财预〔2020〕10号）规定的基本原则。\n\n"
          "# 一、概况\n\n整体预算调整率为9.02%。-\n\n知晓率为98.9%，发放639318.31元。\n\n"
          "设立\"医疗救助\"项目。\n\n对“民生保险“沪惠保”补贴项目”进行评价。\n\n具体流程见下图。\n\n（详见附件6-1）印发了通知。\n\n"
          "立项依据充分性“充分”（得3分，满分3分）。\n\n附件：2-1.访谈情况分析报告\n\n"
          "应于2024-06-20前划拨，清算照护资金4625元，补贴每人每年150.00元，限额调整为2,800.00元，全年发放补贴2800元，限额2,800.00元/人，限额2800 元/人，"
          "住院限额13万元 /人，适用“≤10.00%”档（数据来源：资金划拨记录）。\n\n"
          "依据《关于印发<上海市医疗保障规划>的通知》。\n\n（1）《社会救助暂行办法》：\n\n（2）《上海市社会救助条例》。\n\n"
          "| 序号 | 实际数量 |\n| --- | --- |\n| 1 | — |\n\n"
          "| 序号 | 扣分说明 |\n| --- | --- |\n| 1 | 评定为“较合理”（得分值的50%）；根据评分标准，扣权重的50%，扣1.5分。 |\n\n"
          "满意度为93.60%（数据来源：问卷调查（2025年5月，有效问卷250份））。覆盖老年人3126人。\n\n"
          "执行率较满分标准低2.23个百分点，每低1个百分点扣0.5分。评分标准为：每减少1个百分点扣0.5分。\n\n"
          "近三年预算执行率如上表所示。其中：2022年……\n\n"
          "截至2024年12月31日，项目实际支出204.11万元（按年度结算口径，含2025年1月10日拨付的运营补贴29.81万元）。\n\n"
          "目标值100%，实际值为100.00%，已达成（数据来源：表1-5-1 项目绩效目标表）。\n\n"
          "预算调整率为0得满分；0–5%（含）得分值的75%，见附件2-2、表1-3-2、图1-6-2。\n\n"
          "| 项目名称 | 年份 | 预算执行率 |\n| --- | --- | --- |\n| 2024年某项目 | 2022年 | 100.00% |\n\n"
          "| 序号 | 评分标准 |\n| --- | --- |\n| 1 | 80%（含）-90%得分值的80% |\n\n"
          "这一段文字足够长，长到四十个字符以上，这样才能被当作重复段落来检查，一二三四五六七八九十。\n\n"
          "这一段文字足够长，长到四十个字符以上，这样才能被当作重复段落来检查，一二三四五六七八九十。\n\n"
          "①线上申请\n\nC.结算。受理服务中心根据审批结果，5个工作日内将救助资金发放至救助对象的本人银行账户。\n\n"
          "②线下申请\n\nC.结算。受理服务中心根据审批结果，5个工作日内将救助资金发放至救助对象的本人银行账户。\n\n"
          "6.问卷调查\n\n本次采取随机抽样的方式开展问卷调查，对项目受益群众随机发放问卷。\n\n"
          "# 附件3：问卷调查汇总分析报告\n\n## 调查结果\n\n知晓率为98.90%。有效问卷份数及各题作答分布未在本附件中列示。\n\n"
          "# 附件4：问卷调查汇总分析报告\n\n## 调查概况\n\n采取随机抽样的方式发放问卷。\n")
    errors = []
    lint_md(md, errors)
    kinds = ["stray punctuation", "percentage with one decimal", "amount in 元 without separators",
             "ledger amount (write it as the policy does: 2800元, 每人每年150元): 150.00元",
             "ledger amount (write it as the policy does: 2800元, 每人每年150元): 2,800.00元",
             "without separators and two decimals: 2800元",
             "blank around the “/”",
             "ASCII quote", "见下图", "dangling reference", "附件目录 lists", "template-like", "empty column",
             "printed twice", "ISO date", "band boilerplate", "internal data source", "list item ends",
             "share said twice", "nested brackets", "count without separators", "rule stated twice",
             "table read back", "title within 《》", "quotes inside quotes", "gap in 附件 numbers", "own table cited", "近三年 row 2022年 named 2024年", "a stub saying", "says nothing of its sample",
             "附件4：问卷调查汇总分析报告 gives no sample size", "survey paragraph gives no sample size", "md: numeric range joined with a dash (use ～): …0–5",
             "附件3：问卷调查汇总分析报告's sections are not numbered",
             "评价依据 cites 财预〔2020〕10号 but does not list it",
             "cell: numeric range joined with a dash (use ～): 80%（含）-90%",
             "as of a date yet including a later payment"]
    missing = [k for k in kinds if not any(k in e for e in errors)]
    if sum("ledger amount" in e and "2,800.00元" in e for e in errors) != 2:  # 调整为… and …/人
        missing.append("policy standard reformatted: both 调整为2,800.00元 and 2,800.00元/人")
    if sum("printed twice" in e for e in errors) != 1:  # parallel lists' steps are not repeats
        missing.append("printed twice: exactly once (the parallel C.结算 steps are not repeats)")
    print("\n".join(errors))
    if missing:
        print("selftest: not caught:", missing)
        sys.exit(1)
    print("selftest: every planted slip caught")

def main():
    if "--selftest" in sys.argv:
        return selftest()
    jixiao = sys.argv[1]
    cases = sys.argv[2:] or sorted(d for d in glob.glob("data/cases/*") if os.path.exists(d + "/case.json"))
    errors = []
    for case_dir in cases:
        for outline in outlines():
            lint_case(jixiao, case_dir, outline, errors)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    print(f"report lint: {len(cases)} cases × {len(outlines())} outlines × md/html/docx clean")

main()
