#!/usr/bin/env python3
"""Renders reports to PDF with LibreOffice (skipped when soffice or pdftotext is missing) and checks
the pages a reviewer leafs through: no blank page (every page carries text beyond its number), and
no table caption left as the last line of a page while its table starts on the next.
Usage: report_pages.py JIXIAO"""
import os, re, shutil, subprocess, sys, tempfile

jixiao = sys.argv[1]
if not shutil.which("soffice") or not shutil.which("pdftotext"):
    print("LibreOffice or pdftotext missing: page checks skipped")
    sys.exit(0)
errors = []
CAPTION = re.compile(r"^附?表\s?[\d-]+\s")
for case, outline in [("maqiao-2024", []), ("xinqiao-meals-2024", ["--outline", "national-2020"])]:
    out = tempfile.mkdtemp()
    env = dict(os.environ, JIXIAO_OFFICE="soffice")
    run = subprocess.run([jixiao, "report", f"data/cases/{case}", "-o", out, "--formats", "pdf",
                          *outline], capture_output=True, text=True, env=env)
    if run.returncode != 0:
        errors.append(f"{case}: report --formats pdf failed: {run.stderr}")
        continue
    pdf = os.path.join(out, "report.pdf")
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
    shutil.rmtree(out, ignore_errors=True)
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("pages ok: no blank page, no caption left at the foot of a page")
