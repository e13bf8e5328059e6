#!/usr/bin/env python3
"""Archive: schema version, change detection by digest, and SIGKILL during `archive add` — no
committed case is lost and the database stays valid. Usage: archive_kill.py JIXIAO"""
import json, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

jixiao = sys.argv[1]
work = tempfile.mkdtemp()
db = os.path.join(work, "archive.db")
fixtures = [f"tests/compare-cases/{n}" for n in ("town-a-2023", "town-a-2024", "town-b-2024")]
errors = []

def run(*args):
    return subprocess.run([jixiao, "archive", *args, "--archive", db], capture_output=True, text=True)

# 1. Committed cases, schema version.
r = run("add", *fixtures)
if r.returncode != 0 or r.stdout.count("已加入") != 3:
    errors.append(f"first add: {r.returncode} {r.stdout} {r.stderr}")
con = sqlite3.connect(db)
if con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] != "12":
    errors.append("schema version is not 12 (schema 12: the evaluators an evaluation is shared with)")
con.close()

# 2. A changed case is detected on the second add.
copy = os.path.join(work, "town-b-2024")
shutil.copytree(fixtures[2], copy)
case = json.load(open(os.path.join(copy, "case.json"), encoding="utf-8"))
case["framework"] = os.path.abspath("tests/malformed/_shared/mini.json")
json.dump(case, open(os.path.join(copy, "case.json"), "w", encoding="utf-8"), ensure_ascii=False)
if "未变化" not in run("add", fixtures[0]).stdout:
    errors.append("re-adding an unchanged case was not reported as unchanged")
if "已更新" not in run("add", copy).stdout:
    errors.append("a changed case was not detected")

# 3. Many cases, killed mid-way, three times.
many = []
for i in range(600):
    d = os.path.join(work, f"bulk-{i:03d}")
    shutil.copytree(fixtures[i % 3], d)
    c = json.load(open(os.path.join(d, "case.json"), encoding="utf-8"))
    c["id"] = f"bulk-{i:03d}"
    c["framework"] = os.path.abspath("tests/malformed/_shared/mini.json")
    json.dump(c, open(os.path.join(d, "case.json"), "w", encoding="utf-8"), ensure_ascii=False)
    many.append(d)
rng = random.Random(7)
partial_rounds = 0
for round in range(3):
    p = subprocess.Popen([jixiao, "archive", "add", *many, "--archive", db], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.05, 0.3))
    p.send_signal(signal.SIGKILL)
    p.wait()
    con = sqlite3.connect(db)
    if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        errors.append(f"round {round}: integrity_check failed")
    ids = {row[0] for row in con.execute("SELECT id FROM documents")}
    partial_rounds += len(ids) < 603
    for f in ("town-a-2023", "town-a-2024", "town-b-2024"):
        if f not in ids:
            errors.append(f"round {round}: committed case {f} lost")
    for (sc,) in con.execute("SELECT v.payload FROM documents d JOIN versions v ON v.doc_id = d.id "
                             "AND v.version = d.version"):
        if "total" not in json.loads(sc):
            errors.append(f"round {round}: a half-written scorecard")
    con.close()
count = len(run("list").stdout.splitlines()) - 1
if partial_rounds == 0:
    errors.append("no kill landed mid-way: the test did not test anything (add more cases)")
shutil.rmtree(work, ignore_errors=True)
if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"archive: schema 7, change detected, 3 SIGKILLs survived with {count} cases committed and intact")
