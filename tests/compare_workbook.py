#!/usr/bin/env python3
"""compare.xlsx over three hand-computed cases: the ranking (ties share a rank), the matrix's
conditional colouring and the three native charts (bar of totals, clustered bar of the 一级 rates —
not stacked: rates do not add up, trial 3 item 14 — and pie).
Usage: compare_workbook.py JIXIAO"""
import os, subprocess, sys, tempfile, zipfile
import openpyxl

out = tempfile.mkdtemp()
cases = [f"tests/compare-cases/{n}" for n in ("town-a-2023", "town-a-2024", "town-b-2024")]
subprocess.run([sys.argv[1], "compare", *cases, "-o", out, "--formats", "xlsx"], check=True, capture_output=True)
path = os.path.join(out, "compare.xlsx")
errors = []
wb = openpyxl.load_workbook(path)
rows = [[c.value for c in r] for r in wb["排名"].iter_rows(min_row=2, max_row=4)]
# Hand-computed: town-a-2024 10分 (100%); town-b-2024 10 − 1 − 3×5% = 8.85; town-a-2023 4 − 1 + 3 + 1.5 = 7.5.
want = [(1, "town-a-2024", 10), (2, "town-b-2024", 8.85), (3, "town-a-2023", 7.5)]
got = [(r[0], r[1], r[5]) for r in rows]
if got != want:
    errors.append(f"ranking {got} != {want}")
if not wb["指标矩阵"].conditional_formatting:
    errors.append("matrix has no conditional colouring")
charts = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/charts/chart")]
if len(charts) != 3:
    errors.append(f"{len(charts)} charts, expected 3")
kinds = "".join(zipfile.ZipFile(path).read(c).decode() for c in charts)
for tag in ("<c:barChart>", "<c:grouping val=\"clustered\"/>", "<c:pieChart>"):
    if tag not in kinds:
        errors.append(f"no {tag}")
if "<c:grouping val=\"stacked\"/>" in kinds:
    errors.append("the 一级 rates are stacked (they would add up to 400%)")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("compare.xlsx: ranking, colouring and charts as expected")
