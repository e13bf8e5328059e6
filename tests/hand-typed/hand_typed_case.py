#!/usr/bin/env python3
"""A case typed by hand the way an evaluator writes it (Excel-style values: "９９.２％",
"1,500.00万元" in a 元 column, 2024年3月31日 / 2024.06.30 / 2024/09/30, "0.0129万元/人",
"准确（…）", "基本完善", per_item "25%", deduct "5%"). The expected figures below were computed
by hand from docs/rules.md before the program was run:

A1 预算调整率 = (14,093,990 − 15,068,990) ÷ 15,068,990 = −6.47%: a cut, scored on |6.47%| → ≤10%
   band → 50% of 4 = 2.
A2 6 − 25% × 6 − 0.5 = 6 − 1.5 − 0.5 = 4.
B1 预算执行率 = 13,868,990 ÷ 14,093,990 = 98.40%: 1.60 points short, started steps → 2 steps,
   each 5% of 4 = 0.2 → 4 − 0.4 = 3.6.
B2 two transfers late (3 and 9 days), each 25% of 6 = 1.5 → 6 − 3 = 3.
C1 0.0129万元/人 = 129元/人 ≤ 129元/人 → met → 5.
C2 准确（按129元/人执行） → met → 5 (note kept as evidence).
C3 基本完善 → partly, the rule declares 60% → 3.
C4 政策知晓率 99.2 (not 0.992) ÷ 100 → 5 × 0.992 = 4.96.
Total 2 + 4 + 3.6 + 3 + 5 + 5 + 3 + 4.96 = 30.56 → 合格 (24 ≤ 30.56 < 32).
回访率 typed as 0.95 with unit % is a warning (metric.percent_fraction); --strict refuses.
"""
import json
import subprocess
import sys

jixiao = sys.argv[1]
case = "tests/hand-typed/case"
EXPECTED = {"A": 6, "A1": 2, "A2": 4, "B": 6.6, "B1": 3.6, "B2": 3, "C": 17.96, "C1": 5,
            "C2": 5, "C3": 3, "C4": 4.96}

run = subprocess.run([jixiao, "score", case, "--json"], capture_output=True, text=True)
assert run.returncode == 0, run.stderr
card = json.loads(run.stdout)
got = {i["code"]: i["score"] for i in card["indicators"]}
assert got == EXPECTED, f"scores differ: {got}"
assert card["total"] == 30.56 and card["grade"] == "合格", (card["total"], card["grade"])
assert card["metrics"]["预算调整率"] == -6.47, card["metrics"]["预算调整率"]
assert card["metrics"]["政策知晓率"] == 99.2
codes = [w["code"] for w in card["warnings"]]
assert codes == ["metric.percent_fraction"], codes
assert "case.json" in card["warnings"][0]["where"]
assert "metric.percent_fraction" in run.stderr  # warnings are printed to stderr too
a1 = next(i for i in card["indicators"] if i["code"] == "A1")
assert "6.47%（调减" in a1["deductions"][0]["reason"], a1  # direction and magnitude
c2 = next(i for i in card["indicators"] if i["code"] == "C2")
assert c2["value"] == "准确", c2

strict = subprocess.run([jixiao, "score", case, "--strict"], capture_output=True, text=True)
assert strict.returncode == 1 and "--strict" in strict.stderr, strict

explain = subprocess.run([jixiao, "score", case, "--explain", "B1"], capture_output=True,
                         text=True)
assert explain.returncode == 0, explain.stderr
# Issue 21: the rule kind in Chinese (线性计分), as the web explain page names it; no rule key.
for needle in ["线性计分", "预算执行率", "budget.csv", "不足一档按一档", "0.2", "3.6分"]:
    assert needle in explain.stdout, (needle, explain.stdout)
assert "linear" not in explain.stdout, explain.stdout
print("hand-typed case: 11 nodes as computed by hand, total 30.56 合格")
