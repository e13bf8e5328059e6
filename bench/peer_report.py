#!/usr/bin/python3
"""The peer for bench/run.sh: the report DOCX and the scoring workbook written the way a user
would write them with python-docx and XlsxWriter, from the same content jixiao sets (its Markdown
report and `score --json`, prepared before timing). Usage: peer_report.py REPORT.md SCORE.json OUT"""
import json
import re
import sys

import docx
from docx.shared import Pt
import xlsxwriter


def add_runs(paragraph, text):
    """**bold** spans as bold runs, the rest plain."""
    for k, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(part).bold = k % 2 == 1


def write_docx(md_path, out_path):
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    lines = open(md_path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells if c):
                    rows.append(cells)
                i += 1
            cols = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=cols)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    cell = table.cell(r, c)
                    cell.text = text.replace("**", "")
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            continue
        heading = re.match(r"(#+) (.*)", line)
        if heading:
            document.add_heading(heading.group(2), level=min(len(heading.group(1)), 9))
        elif line.startswith("- "):
            add_runs(document.add_paragraph(style="List Bullet"), line[2:])
        elif line.strip():
            add_runs(document.add_paragraph(), line)
        i += 1
    document.save(out_path)


def write_xlsx(score_path, out_path):
    score = json.load(open(score_path, encoding="utf-8"))
    workbook = xlsxwriter.Workbook(out_path)
    bold = workbook.add_format({"bold": True, "border": 1, "align": "center"})
    cell = workbook.add_format({"border": 1, "text_wrap": True})
    number = workbook.add_format({"border": 1, "num_format": "0.00"})
    sheet = workbook.add_worksheet("评分表")
    header = ["指标编码", "指标名称", "层级", "分值", "得分", "指标值", "扣分说明"]
    for c, text in enumerate(header):
        sheet.write(0, c, text, bold)
    for r, ind in enumerate(score["indicators"], start=1):
        sheet.write(r, 0, ind["code"], cell)
        sheet.write(r, 1, ind["name"], cell)
        sheet.write(r, 2, ind["level"], cell)
        sheet.write_number(r, 3, ind["weight"], number)
        sheet.write_number(r, 4, ind["score"], number)
        sheet.write(r, 5, "" if ind["value"] is None else str(ind["value"]), cell)
        reasons = "；".join(f'{d["points"]}分：{d["reason"]}' for d in ind["deductions"])
        sheet.write(r, 6, reasons, cell)
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 24)
    sheet.set_column(6, 6, 60)
    summary = workbook.add_worksheet("汇总")
    for c, text in enumerate(["类别", "名称", "分值", "得分", "得分率"]):
        summary.write(0, c, text, bold)
    for r, cat in enumerate(score["categories"], start=1):
        summary.write_row(r, 0, [cat["code"], cat["name"], cat["weight"], cat["score"],
                                 cat["rate"] / 100])
    last = len(score["categories"]) + 1
    summary.write(last, 0, "总分", bold)
    summary.write_number(last, 3, score["total"], number)
    summary.write(last, 4, score["grade"], cell)
    workbook.close()


if __name__ == "__main__":
    md, score_json, out = sys.argv[1:4]
    write_docx(md, out + "/report.docx")
    write_xlsx(score_json, out + "/scoring.xlsx")
