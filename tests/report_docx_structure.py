#!/usr/bin/env python3
"""Reads report.docx back with python-docx (Debian's python3-docx when present, else the raw XML)
and checks what the issue requires: heading-styled chapters 一 to 四, 表3-1-1 with the total and
grade, and the deduction sentences of A21, A22, A31, A32, B221, C31 and D31.
Usage: report_docx_structure.py JIXIAO CASE_DIR"""
import json, os, re, subprocess, sys, tempfile, zipfile

jixiao, case_dir = sys.argv[1], sys.argv[2]
card = json.loads(subprocess.run([jixiao, "score", case_dir, "--json"], check=True,
                                 capture_output=True, text=True).stdout)
out = tempfile.mkdtemp()
subprocess.run([jixiao, "report", case_dir, "-o", out, "--formats", "docx"], check=True, capture_output=True)
xml = zipfile.ZipFile(os.path.join(out, "report.docx")).read("word/document.xml").decode("utf-8")
paragraphs = re.findall(r"<w:p>(.*?)</w:p>", xml, re.S)
# ①–⑳ are set in the East Asian font in every slot (LibreOffice ignores w:hint and would take a
# Western fallback such as DejaVu Sans, a size and face apart from the text around it).
for run in re.findall(r"<w:r>(?:(?!</w:r>).)*?[\u2460-\u2473].*?</w:r>", xml, re.S):
    if not re.search(r'<w:rFonts w:ascii="(?:仿宋_GB2312|宋体|黑体|楷体_GB2312)"', run):
        print(f"a circled number in a Western font slot: {run[:160]}")
        sys.exit(1)
# ...and only they: a digit or Latin letter in such a run would leave Times New Roman (issue 22).
for run in re.findall(r"<w:r>(?:(?!</w:r>).)*?w:hint=\"eastAsia\".*?</w:r>", xml, re.S):
    if re.search(r"[0-9A-Za-z]", "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", run))):
        print(f"digits or Latin letters in the East Asian font slot of a ①–⑳ run: {run[:200]}")
        sys.exit(1)
# A paragraph ending “：” before a table keeps with it and keeps its lines together: no last line
# alone at a page top above the table (reader7: “下：” above 表3-1-1).
for para, caption in re.findall(r"<w:p>((?:(?!</w:p>).)*?：</w:t></w:r></w:p>)<w:p><w:pPr><w:pStyle w:val=\"(Caption)\"", xml, re.S):
    if "<w:keepNext/>" not in para or 'w:widowControl w:val="0"' in para:
        print(f"a paragraph introducing a table may leave its last line alone: {para[-160:]}")
        sys.exit(1)
# A cell of only “—” is centred, whatever its column's alignment (表1-4-2 备注).
for cell in re.findall(r"<w:tc>.*?</w:tc>", xml, re.S):
    if "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", cell)) == "—" and '<w:jc w:val="center"/>' not in cell:
        print(f"a “—” cell not centred: {cell[:200]}")
        sys.exit(1)
# The author is the evaluating organisation (what LibreOffice's PDF carries too), never the program.
core = zipfile.ZipFile(os.path.join(out, "report.docx")).read("docProps/core.xml").decode("utf-8")
evaluator = json.load(open(os.path.join(case_dir, "case.json"), encoding="utf-8"))["project"]["evaluator"]
if f"<dc:creator>{evaluator}</dc:creator>" not in core:
    print(f"docProps/core.xml: author is not the evaluating organisation {evaluator}: {core[-200:]}")
    sys.exit(1)
def text(p):
    return "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p))
styled = [(re.search(r'<w:pStyle w:val="([^"]+)"', p), text(p)) for p in paragraphs]
errors = []
h1 = [t for s, t in styled if s and s.group(1) == "Heading1"]
for n in "一二三四":
    if not any(t.startswith(n + "、") for t in h1):
        errors.append(f"no Heading1 chapter {n}、 (headings: {h1})")
table = re.search(r"表3-1-1 .*?</w:tbl>", xml, re.S)
if not table:
    errors.append("no 表3-1-1")
else:
    cells = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", table.group(0))
    if str(card["total"]) not in cells:
        errors.append(f"表3-1-1 lacks the total {card['total']}")
body = "".join(t for _, t in styled)
if f"最终评分结果为{card['total']}分，绩效评级为“{card['grade']}”" not in body:
    errors.append("评价结论 sentence with total and grade missing")
for code in ["A21", "A22", "A31", "A32", "B221", "C31", "D31"]:
    ind = next(i for i in card["indicators"] if i["code"] == code)
    m = re.search(re.escape(code + " " + ind["name"] + "：") + r"[^（]*?(?:（[^）]*）[^（]*?)*?(根据评分标准，扣[^。]*。)", body)
    lost = round(ind["weight"] - ind["score"], 2)
    if not m or not m.group(1).endswith(f"扣{lost:g}分。"):
        errors.append(f"{code}: deduction sentence missing or wrong ({m.group(1) if m else None})")
# Numbered run-in headings (1.标题 in bold) are indented as the Heading3 headings beside them are:
# none flush left in a Normal paragraph (issue 22).
for style, t in styled:
    if re.match(r"\d+\.\S", t) and style and style.group(1) == "Normal" and len(t) < 60:
        errors.append(f"numbered heading flush left: {t}")
# 图3-2-1 (得分率 per 一级): Word prints its numbers with the unit, as the HTML chart does — value
# labels 93.33%, axis 0%–100%, the series named 得分率（%） (Word's data sheet shows bare numbers).
zf = zipfile.ZipFile(os.path.join(out, "report.docx"))
charts = [n for n in zf.namelist() if n.startswith("word/charts/chart")]
if not charts:
    errors.append("no chart part")
for name in charts:
    chart = zf.read(name).decode("utf-8")
    labels = re.search(r'<c:dLbls><c:numFmt formatCode="([^"]*)"', chart)
    axis = re.search(r'<c:valAx>.*?<c:numFmt formatCode="([^"]*)"', chart, re.S)
    series = re.search(r"<c:tx><c:strRef>.*?<c:v>([^<]*)</c:v>", chart, re.S)
    if not labels or labels.group(1) != "0.00&quot;%&quot;":
        errors.append(f"{name}: value labels not formatted 0.00\"%\" ({labels and labels.group(1)})")
    if not axis or axis.group(1) != "0&quot;%&quot;":
        errors.append(f"{name}: axis not formatted 0\"%\" ({axis and axis.group(1)})")
    if not series or series.group(1) != "得分率（%）":
        errors.append(f"{name}: series named {series and series.group(1)}, not 得分率（%）")
# Word rebuilds the contents from outline levels 1–2 when the user updates the field: the headings
# the contents leave out (目录, the body title, an annex's inner headings) must carry outline level
# 9 (body text), so the rebuilt contents lists exactly the bookmarked entries (issue 22 review).
listed = [text(p) for p in paragraphs if re.search(r'<w:pStyle w:val="Heading[12]"', p)
          and '<w:outlineLvl w:val="9"/>' not in p]
toc = [text(p) for p in paragraphs if re.search(r'<w:bookmarkStart [^>]*w:name="_Toc', p)]
if listed != toc:
    errors.append(f"headings Word's TOC update would list {[t for t in listed if t not in toc]} "
                  f"beyond the contents' entries")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("report.docx: chapters 一–四 are Heading1, 表3-1-1, the deduction sentences and the chart's % are present")
