#!/usr/bin/env python3
"""`targets fix` applies every mechanical suggestion: each changed cell ends with （待确认）, the change
list names each edit with its rule, template placeholder rows are dropped, and the fixed table
checked again no longer shows the fixed findings on the changed cells and shows no rule it did not
show before (a deleted placeholder row hands its merged 一级 to the row below).
Usage: targets_fix.py JIXIAO"""
import csv, io, json, os, subprocess, sys, tempfile

JIXIAO = sys.argv[1]
MARK = "（待确认）"
errors = []

def run(*args):
    return subprocess.run([JIXIAO, *args], capture_output=True, text=True)

def findings(path, budget=None):
    args = ["targets", "check", path, "--json"] + (["--budget", budget] if budget else [])
    return json.loads(run(*args).stdout)

with tempfile.TemporaryDirectory() as tmp:
    for folder, fixed_rules in [("data/targets/gumei-eldercare-2025-weak", {"T06", "T07", "T10", "T11", "T12", "T15", "T17"}),
                                ("tests/targets-corpus/tianjin-xiqing-clinic-2021", {"T12", "T22"}),
                                ("tests/targets-corpus/anhui-guichi-commission-2022", {"T23", "T22"}),
                                # placeholder rows holding the merged 一级 (效益指标 经济效益指标 left empty)
                                ("tests/targets-corpus/hunan-xiangtan-fogcannon-2024", {"T06", "T22", "T23", "T24"}),
                                ("tests/targets-corpus/district-epidemic-sanitation-2020", {"T06"})]:
        out = os.path.join(tmp, os.path.basename(folder) + ".csv")
        p = run("targets", "fix", folder, "-o", out)
        if p.returncode != 0:
            errors.append(f"{folder}: fix exit {p.returncode}: {p.stderr}")
            continue
        changes = [l for l in p.stdout.splitlines() if l.startswith("第")]
        before = findings(folder)
        mechanical = [f for f in before if f["rule"] in fixed_rules]
        if len(changes) < len({(f["row"], f["rule"]) for f in mechanical if f["rule"] != "T22"}):
            errors.append(f"{folder}: {len(changes)} changes listed for {len(mechanical)} mechanical findings")
        text = open(out, encoding="utf-8-sig").read()
        rows = list(csv.reader(io.StringIO(text)))
        marked = sum(cell.endswith(MARK) for row in rows for cell in row)
        edits = [c for c in changes if "删除" not in c]
        if marked != len(edits):
            errors.append(f"{folder}: {marked} cells marked {MARK}, {len(edits)} edits listed")
        if any(not ("［T" in c and "］" in c) for c in changes):
            errors.append(f"{folder}: a change without its rule: {changes}")
        budget = os.path.join(folder, "budget.csv")
        after = findings(out, budget if os.path.exists(budget) else None)
        left = {f["rule"] for f in after} & fixed_rules
        if left:
            errors.append(f"{folder}: still reported after fix: {sorted(left)}")
        # A fix never creates a problem the table did not have (a row losing its merged 一级).
        new = {f["rule"] for f in after} - {f["rule"] for f in before}
        if new:
            errors.append(f"{folder}: fix introduced findings {sorted(new)}")
        if len(after) >= len(before):
            errors.append(f"{folder}: {len(after)} findings after fix, {len(before)} before")
for e in errors:
    print(e)
print("FAILED" if errors else "ok: fix applies the mechanical suggestions, marks them 待确认 and lists them")
sys.exit(1 if errors else 0)
