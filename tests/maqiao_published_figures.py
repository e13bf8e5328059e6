#!/usr/bin/env python3
"""Checks `jixiao score data/cases/maqiao-2024 --json` against the figures published in the model
report (../shared/seeds/002_1f73057a8cf7874e.txt), typed here from the report, with its known
slips corrected (B2 weighs 13, B221 scores 1). Usage: maqiao_published_figures.py JIXIAO_BINARY"""
import json
import subprocess
import sys

out = subprocess.run([sys.argv[1], "score", "data/cases/maqiao-2024", "--json"],
                     check=True, capture_output=True, text=True).stdout
card = json.loads(out)
errors = []

def expect(what, actual, wanted):
    if actual != wanted:
        errors.append(f"{what}: got {actual!r}, published {wanted!r}")

expect("total", card["total"], 89.65)
expect("grade", card["grade"], "良")
published_categories = {"A": (20, 14.25, 71.25), "B": (20, 19, 95.00),
                        "C": (30, 28, 93.33), "D": (30, 28.4, 94.67)}
for c in card["categories"]:
    expect(f"category {c['code']}", (c["weight"], c["score"], c["rate"]),
           published_categories[c["code"]])
published_leaves = {
    "A11": (3, 3), "A12": (3, 3), "A21": (3, 2.25), "A22": (3, 1), "A31": (4, 3), "A32": (4, 2),
    "B11": (2, 2), "B12": (2, 2), "B13": (3, 3), "B211": (2, 2), "B212": (2, 2), "B221": (2, 1),
    "B222": (2, 2), "B223": (3, 3), "B224": (2, 2), "C11": (5, 5), "C12": (5, 5), "C21": (5, 5),
    "C22": (4, 4), "C31": (5, 3), "C32": (4, 4), "C41": (2, 2), "D11": (4, 4), "D12": (4, 4),
    "D13": (4, 4), "D14": (4, 4), "D21": (6, 6), "D31": (4, 2.4), "D32": (4, 4)}
published_parents = {"A1": (6, 6), "A2": (6, 3.25), "A3": (8, 5), "B1": (7, 7), "B2": (13, 12),
                     "B21": (4, 4), "B22": (9, 8), "C1": (10, 10), "C2": (9, 9), "C3": (9, 7),
                     "C4": (2, 2), "D1": (16, 16), "D2": (6, 6), "D3": (8, 6.4)}
seen = {i["code"]: (i["weight"], i["score"]) for i in card["indicators"]}
for code, wanted in {**published_leaves, **published_parents}.items():
    expect(f"indicator {code}", seen.get(code), wanted)
expect("number of nodes", len(card["indicators"]), 4 + len(published_parents) + len(published_leaves))
expect("预算执行率", card["metrics"]["预算执行率"], 100)
expect("预算调整率", card["metrics"]["预算调整率"], 9.02)
expect("逾期事项数", card["metrics"]["逾期事项数"], 2)
expect("发放人次", card["metrics"]["发放人次"], 1896)
expect("发放金额", card["metrics"]["发放金额"], 639318.31)
expect("发放批次数", card["metrics"]["发放批次数"], 26)
expect("checks", card["checks"], [])
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("maqiao-2024 matches the published report")
