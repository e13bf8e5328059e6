#!/usr/bin/python3
"""Fills a blank 自评表 written by `jixiao selfeval new` as a unit would (the walkthrough's step 3):
every 实际完成值 as achieved, except the first indicator (missed, with a reason) and the last
(missed, reason left blank); the budget 10 / 8.04 (万元); 年度 2023. Cells are found by their header
text, never by position. Usage: selfeval_fill.py BLANK.xlsx FILLED.xlsx"""
import re, sys
from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
ws = wb.active
cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
text = lambda r, c: str(ws.cell(r, c).value or "")
header = next(r for r in range(1, ws.max_row + 1)
              if any(text(r, c) == "三级指标" for c in range(1, ws.max_column + 1)))
col = {text(header, c): c for c in range(1, ws.max_column + 1)}
budget = next(r for r in range(1, header) if any(text(r, c) == "全年预算数" for c in range(1, ws.max_column + 1)))
bcol = {text(budget, c): c for c in range(1, ws.max_column + 1)}
ws.cell(budget + 1, bcol["全年预算数"], 10)
ws.cell(budget + 1, bcol["全年执行数"], 8.04)
for r in range(1, header):
    for c in range(1, ws.max_column + 1):
        if re.fullmatch(r"（\s*年度）", text(r, c)):
            ws.cell(r, c, "（2023年度）")
rows = [r for r in range(header + 1, ws.max_row + 1) if text(r, col["三级指标"]) and text(r, col["年度指标值"])]
for i, r in enumerate(rows):
    target = text(r, col["年度指标值"])
    m = re.search(r"(\d+(?:\.\d+)?)(.*)", target)
    actual = re.sub(r"^[≥≤=＝≧≦<>]+", "", target)
    reason = ""
    if m and i == 0:
        actual = f"{float(m.group(1)) * 0.8:g}{m.group(2)}"
        reason = "部分农户改种，面积减少；下年度提前摸底"
    elif m and i == len(rows) - 1:
        actual = f"{float(m.group(1)) * 0.9:g}{m.group(2)}"
    ws.cell(r, col["实际完成值"], actual)
    ws.cell(r, col["偏差原因分析及改进措施"], reason)
wb.save(sys.argv[2])
