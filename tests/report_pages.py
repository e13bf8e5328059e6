#!/usr/bin/env python3
"""Renders reports to PDF with LibreOffice (skipped when soffice or pdftotext is missing) and checks
the pages a reviewer leafs through: no blank page (every page carries text beyond its number), and
no table caption left as the last line of a page while its table starts on the next, no page ending
with a numbered heading (1.总目标, （五）项目绩效目标及实现情况, 2.按实测算补贴餐次，提高…) whose
text starts on the next, and no merged label of a table (A 决策, B1 资金管理, D 效益) printed twice
on one page: a label group repeats its label only after a page break.
Usage: report_pages.py JIXIAO"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

jixiao = sys.argv[1]
if not shutil.which("soffice") or not shutil.which("pdftotext"):
    print("LibreOffice or pdftotext missing: page checks skipped")
    sys.exit(0)
errors = []
CAPTION = re.compile(r"^附?表\s?[\d-]+\s")
RUN_IN = re.compile(r"^(\d+[.．、]\D|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)")


def squeeze(text):
    return re.sub(r"\s+", "", text)


def repeated_labels(docx):
    """Texts of merged label cells (vMerge restart) printed more than once in the document: the
    pieces of a label group cut at a page break (a continued table), or the same group in two
    tables."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    seen = {}
    for tbl in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S):
        for cell in re.findall(r"<w:tc>(.*?)</w:tc>", tbl, re.S):
            if '<w:vMerge w:val="restart"/>' in cell:
                text = squeeze("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", cell)))
                if re.fullmatch(r"[A-Z]\d*[\u4e00-\u9fff]{2,8}", text):
                    seen[text] = seen.get(text, 0) + 1
    return {t for t, n in seen.items() if n > 1}


for case, outline in [("maqiao-2024", []), ("xinqiao-meals-2024", []),
                      ("xinqiao-meals-2024", ["--outline", "national-2020"])]:
    out = tempfile.mkdtemp()
    env = dict(os.environ, JIXIAO_OFFICE="soffice")
    run = subprocess.run([jixiao, "report", f"data/cases/{case}", "-o", out, "--formats", "docx,pdf",
                          *outline], capture_output=True, text=True, env=env)
    if run.returncode != 0:
        errors.append(f"{case}: report --formats pdf failed: {run.stderr}")
        continue
    pdf = os.path.join(out, "report.pdf")
    labels = repeated_labels(os.path.join(out, "report.docx"))
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    for n, page in enumerate(pages, 1):
        lines = [l.strip() for l in page.splitlines() if l.strip()]
        body = [l for l in lines if not re.fullmatch(r"\d+", l)]
        if sum(len(l) for l in body) < 10:
            errors.append(f"{case} {' '.join(outline)}: page {n} is blank")
            continue
        last = body[-1]
        if CAPTION.match(last):
            errors.append(f"{case}: page {n} ends with the caption “{last}”")
        # The 附件：1.… list closes the body: its last item before 附件1's own page is no heading.
        following = [l.strip() for l in pages[n].splitlines() if l.strip()] if n < len(pages) else []
        closes_body = bool(following) and re.match(r"附件\s*[\d-]+\s*：", following[0]) and \
            any(re.match(r"附件：\s*\d", l) for l in body)
        if RUN_IN.match(last) and len(last) <= 30 and not re.search(r"[。；：:]", last) and not closes_body:
            errors.append(f"{case} {' '.join(outline)}: page {n} ends with the heading “{last}”")
        flat = squeeze(page)
        for label in labels:
            if flat.count(label) > 1:
                errors.append(f"{case} {' '.join(outline)}: page {n} prints the label “{label}” "
                              f"{flat.count(label)} times")
    shutil.rmtree(out, ignore_errors=True)
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("pages ok: no blank page, no caption or heading left at the foot of a page, no label "
      "repeated on a page")
