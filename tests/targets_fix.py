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
# Issue 23: a table filing its rows under the 一级 "绩效指标" is flagged once (T20, with its rows) and
# fix maps each row by its 二级; the empty 经济效益 template row is not counted as an indicator.
with tempfile.TemporaryDirectory() as tmp:
    table = os.path.join(tmp, "generic.csv")
    with open(table, "w", encoding="utf-8") as f:
        f.write("一级,二级,三级,指标值类型,指标值,计量单位\n"
                "绩效指标,数量指标,培训人数,定量,≥200,人\n"
                "绩效指标,质量指标,培训合格率,定量,≥95,%\n"
                "效益指标,经济效益指标,,,,\n"
                ",社会效益指标,就业率,定量,≥80,%\n"
                "满意度指标,服务对象满意度指标,学员满意度,定量,≥90,%\n")
    p = run("targets", "check", table)
    if "共检查 4 个指标" not in p.stdout:
        errors.append("generic.csv: the empty template row is counted: " + p.stdout.splitlines()[-1])
    generic = [f for f in findings(table) if f["rule"] == "T20" and "绩效指标" in f["message"]]
    if len(generic) != 1 or "第2、3行" not in generic[0]["message"]:
        errors.append(f"generic.csv: 绩效指标 not flagged once with its rows: {generic}")
    fixed = os.path.join(tmp, "fixed.csv")
    run("targets", "fix", table, "-o", fixed)
    rows = list(csv.reader(io.StringIO(open(fixed, encoding="utf-8-sig").read()))) if os.path.exists(fixed) else []
    firsts = [r[0] for r in rows[1:3]]
    if firsts != ["产出指标" + MARK] * 2:
        errors.append(f"generic.csv: fix did not map 绩效指标 to 产出指标: {firsts}")
for e in errors:
    print(e)
print("FAILED" if errors else "ok: fix applies the mechanical suggestions, marks them 待确认 and lists them")
sys.exit(1 if errors else 0)
