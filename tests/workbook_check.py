#!/usr/bin/env python3
"""Reads scoring.xlsx back with openpyxl and checks: formulas sit in subtotal, total, 得分率 and 评级
cells; the merged ranges of 评分表 are exactly those the framework tree implies (computed here from
the framework JSON); cached values equal `score --json`; and after LibreOffice recalculates the
workbook (with every cached value first zeroed, so only the formulas can restore them) the total
and the 一级 scores are the engine's. Usage: workbook_check.py JIXIAO CASE_DIR"""
import json, os, re, shutil, subprocess, sys, tempfile, zipfile
import openpyxl

jixiao, case_dir = sys.argv[1], sys.argv[2]
card = json.loads(subprocess.run([jixiao, "score", case_dir, "--json"], check=True,
                                 capture_output=True, text=True).stdout)
work = tempfile.mkdtemp()
subprocess.run([jixiao, "report", case_dir, "-o", work, "--formats", "xlsx"], check=True, capture_output=True)
path = os.path.join(work, "scoring.xlsx")
errors = []

def fail(msg):
    errors.append(msg)

# Framework tree -> expected merges (level columns merged over each node's leaf span).
d = os.path.abspath(case_dir)
fw_path = None
while d != "/" and not fw_path:
    for p in (os.path.join(d, card["framework"] + ".json"), os.path.join(d, "indicators", card["framework"] + ".json")):
        if os.path.exists(p):
            fw_path = p
    d = os.path.dirname(d)
fw = json.load(open(fw_path, encoding="utf-8"))

def leaf_paths(nodes, path=()):
    for n in nodes:
        if n.get("children"):
            yield from leaf_paths(n["children"], path + (n["code"],))
        else:
            yield path + (n["code"],)

paths = list(leaf_paths(fw["indicators"]))
depth = max(len(p) for p in paths)
expected = {f"A1:{openpyxl.utils.get_column_letter(depth + 7)}1"}
row = 3
for top in fw["indicators"]:
    block = [p for p in paths if p[0] == top["code"]]
    for level in range(depth):
        i = 0
        while i < len(block):
            j = i
            while j + 1 < len(block) and len(block[i]) > level and len(block[j + 1]) > level and block[j + 1][level] == block[i][level]:
                j += 1
            if j > i:
                col = openpyxl.utils.get_column_letter(level + 1)
                expected.add(f"{col}{row + i}:{col}{row + j}")
            i = j + 1
    row += len(block)
    expected.add(f"A{row}:{openpyxl.utils.get_column_letter(depth)}{row}")  # subtotal label
    row += 1
for r in (row, row + 1):  # 合计, 评级
    expected.add(f"A{r}:{openpyxl.utils.get_column_letter(depth)}{r}")

wb = openpyxl.load_workbook(path)
ws = wb["评分表"]
merged = {str(r) for r in ws.merged_cells.ranges}
if merged != expected:
    fail(f"merges differ: missing {sorted(expected - merged)}, unexpected {sorted(merged - expected)}")
W, S, R = depth + 1, depth + 5, depth + 6
categories = [c for c in card["categories"]]
subtotal_rows = [r for r in range(3, ws.max_row + 1) if str(ws.cell(r, 1).value or "").endswith("小计")]
if len(subtotal_rows) != len(categories):
    fail(f"{len(subtotal_rows)} subtotal rows for {len(categories)} 一级")
for r in subtotal_rows:
    for c in (W, S):
        if not str(ws.cell(r, c).value).startswith("=SUM("):
            fail(f"subtotal {ws.cell(r, c).coordinate} is not a SUM formula: {ws.cell(r, c).value}")
total_row = subtotal_rows[-1] + 1
for c in (W, S, R):
    if not str(ws.cell(total_row, c).value).startswith("="):
        fail(f"total {ws.cell(total_row, c).coordinate} is not a formula")
if not str(ws.cell(total_row + 1, S).value).startswith("=IF("):
    fail("评级 is not an IF formula over the grade bands")
for r in range(3, total_row + 1):
    if ws.cell(r, W).value is not None and not str(ws.cell(r, R).value).startswith("=IF("):
        fail(f"得分率 {ws.cell(r, R).coordinate} is not a formula")

def values(file):
    v = openpyxl.load_workbook(file, data_only=True)["评分表"]
    return [v.cell(r, S).value for r in subtotal_rows], v.cell(total_row, S).value, v.cell(total_row + 1, S).value

want = ([c["score"] for c in categories], card["total"], card["grade"])
cached = values(path)
if [round(x, 2) for x in cached[0]] != want[0] or round(cached[1], 2) != want[1] or cached[2] != want[2]:
    fail(f"cached values {cached} differ from the engine's {want}")

# LibreOffice recalculation, on a copy whose cached results were all zeroed.
zeroed = os.path.join(work, "zeroed.xlsx")
with zipfile.ZipFile(path) as src, zipfile.ZipFile(zeroed, "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename.startswith("xl/worksheets/sheet"):
            data = re.sub(rb"(<f>[^<]*</f><v>)[^<]*(</v>)", rb"\g<1>0\g<2>", data)
        dst.writestr(item, data)
profile = os.path.join(work, "profile")
os.makedirs(os.path.join(profile, "user"))
open(os.path.join(profile, "user", "registrymodifications.xcu"), "w").write(
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">'
    '<value>0</value></prop></item></oor:items>')
out = os.path.join(work, "recalc")
subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                "--outdir", out, zeroed], check=True, capture_output=True, timeout=120)
recalculated = values(os.path.join(out, "zeroed.xlsx"))
if [round(x, 2) for x in recalculated[0]] != want[0] or round(recalculated[1], 2) != want[1] or recalculated[2] != want[2]:
    fail(f"after LibreOffice recalculation {recalculated}, engine {want}")
shutil.rmtree(work, ignore_errors=True)
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"scoring.xlsx: formulas and {len(expected)} merges as expected; LibreOffice recalculates "
      f"{recalculated[1]} {recalculated[2]} and 一级 {recalculated[0]}")
